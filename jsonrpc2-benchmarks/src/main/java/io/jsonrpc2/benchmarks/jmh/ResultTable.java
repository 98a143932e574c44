package io.jsonrpc2.benchmarks.jmh;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.File;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Prints a JMH JSON result of {@link ServerBenchmark} (average time mode, {@code -prof gc}, and
 * {@code -prof} {@link CpuTimeProfiler} if it was used) as a Markdown table: ops/s (1e9 / ns/op,
 * exact for one thread), ns/op with its 99.9% error, CPU ns/op, B/op, and the time, CPU time and
 * bytes as multiples of the floor's on the same workload.
 */
public final class ResultTable {
  private static final List<String> ORDER =
      List.of(
          "floor",
          "jsonrpc2",
          "jsonrpc2Connection",
          "jsonrpc2DefaultExecutor",
          "jsonrpc4j",
          "simpleJsonRpc",
          "connect2id");

  private record Row(
      String implementation, double nanos, double error, double cpuNanos, double bytes) {}

  private ResultTable() {}

  public static void main(String[] args) throws IOException {
    if (args.length != 1) {
      System.err.println("usage: ResultTable <jmh-result.json>");
      System.exit(2);
    }
    System.out.print(render(new ObjectMapper().readTree(new File(args[0]))));
  }

  static String render(JsonNode results) {
    Map<String, List<Row>> byWorkload = new LinkedHashMap<>();
    for (JsonNode result : results) {
      String benchmark = result.path("benchmark").asText();
      String implementation = benchmark.substring(benchmark.lastIndexOf('.') + 1);
      String workload = result.path("params").path("workload").asText();
      JsonNode primary = result.path("primaryMetric");
      JsonNode secondary = result.path("secondaryMetrics");
      double bytes = secondary.path("gc.alloc.rate.norm").path("score").asDouble(Double.NaN);
      double cpu = secondary.path("cpu.time.norm").path("score").asDouble(Double.NaN);
      byWorkload
          .computeIfAbsent(workload, w -> new ArrayList<>())
          .add(
              new Row(
                  implementation,
                  primary.path("score").asDouble(),
                  primary.path("scoreError").asDouble(),
                  cpu,
                  bytes));
    }
    StringBuilder out = new StringBuilder();
    out.append(
        "| workload | implementation | ops/s | ns/op | CPU ns/op | B/op | time vs floor | CPU vs floor | bytes vs floor |\n");
    out.append("|---|---|---:|---:|---:|---:|---:|---:|---:|\n");
    for (Map.Entry<String, List<Row>> entry : byWorkload.entrySet()) {
      List<Row> rows = entry.getValue();
      rows.sort((a, b) -> Integer.compare(rank(a.implementation()), rank(b.implementation())));
      Row floor =
          rows.stream().filter(r -> r.implementation().equals("floor")).findFirst().orElse(null);
      for (Row row : rows) {
        out.append(
            String.format(
                Locale.ROOT,
                "| %s | %s | %,.0f | %,.1f ± %,.1f | %s | %,.0f | %s | %s | %s |%n",
                entry.getKey(),
                row.implementation(),
                1e9 / row.nanos(),
                row.nanos(),
                row.error(),
                Double.isNaN(row.cpuNanos())
                    ? ""
                    : String.format(Locale.ROOT, "%,.1f", row.cpuNanos()),
                row.bytes(),
                multiple(row.nanos(), floor == null ? Double.NaN : floor.nanos()),
                multiple(row.cpuNanos(), floor == null ? Double.NaN : floor.cpuNanos()),
                multiple(row.bytes(), floor == null ? Double.NaN : floor.bytes())));
      }
    }
    return out.toString();
  }

  private static String multiple(double value, double floor) {
    return Double.isNaN(value) || Double.isNaN(floor)
        ? ""
        : String.format(Locale.ROOT, "%.2fx", value / floor);
  }

  private static int rank(String implementation) {
    int index = ORDER.indexOf(implementation);
    return index < 0 ? ORDER.size() : index;
  }
}
