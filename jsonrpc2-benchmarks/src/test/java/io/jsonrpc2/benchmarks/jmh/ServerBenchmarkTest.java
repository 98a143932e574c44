package io.jsonrpc2.benchmarks.jmh;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The benchmark measures right answers only: every row answers every workload correctly. */
@Timeout(60)
class ServerBenchmarkTest {

  @ParameterizedTest
  @EnumSource(Workload.class)
  void everyImplementationAnswersEveryWorkloadCorrectly(Workload workload) throws Exception {
    ServerBenchmark benchmark = new ServerBenchmark();
    benchmark.workload = workload;
    benchmark.setUp();

    Map<String, RpcServer> servers = benchmark.servers();
    assertThat(servers.keySet())
        .containsExactly(
            "floor",
            "jsonrpc2",
            "jsonrpc2Connection",
            "jsonrpc2Plain",
            "jsonrpc2PlainHandedOff",
            "jsonrpc4j",
            "simpleJsonRpc",
            "connect2id");
    for (Map.Entry<String, RpcServer> server : servers.entrySet()) {
      byte[] reply = server.getValue().handle(workload.request());
      assertThat(Workload.parse(reply)).as(server.getKey()).isEqualTo(workload.expectedReply());
    }
  }

  @Test
  void theCheckRejectsAWrongReply() {
    RpcServer wrong =
        request -> "{\"jsonrpc\":\"2.0\",\"result\":20,\"id\":1}".getBytes(StandardCharsets.UTF_8);
    assertThatThrownBy(
            () -> ServerBenchmark.checkReplies(Workload.SUBTRACT, Map.of("wrong", wrong)))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("wrong answered SUBTRACT wrongly");
  }

  @Test
  void theBatchHasOneHundredMixedRequests() throws Exception {
    var batch = new ObjectMapper().readTree(Workload.BATCH_100.request());
    assertThat(batch.size()).isEqualTo(100);
    assertThat(batch.get(0).get("method").asText()).isEqualTo("echo");
    assertThat(batch.get(1).get("method").asText()).isEqualTo("subtract");
    assertThat(Workload.STRING_100K.request().length).isGreaterThan(100 * 1024);
  }

  @Test
  void theResultTableShowsMultiplesOfTheFloor() throws Exception {
    String json =
        "[{\"benchmark\":\"x.ServerBenchmark.floor\",\"params\":{\"workload\":\"ECHO\"},"
            + "\"primaryMetric\":{\"score\":1000.0,\"scoreError\":10.0},"
            + "\"secondaryMetrics\":{\"gc.alloc.rate.norm\":{\"score\":2000.0},\"cpu.time.norm\":{\"score\":900.0}}},"
            + "{\"benchmark\":\"x.ServerBenchmark.jsonrpc2\",\"params\":{\"workload\":\"ECHO\"},"
            + "\"primaryMetric\":{\"score\":500.0,\"scoreError\":5.0},"
            + "\"secondaryMetrics\":{\"gc.alloc.rate.norm\":{\"score\":1000.0},\"cpu.time.norm\":{\"score\":300.0}}}]";
    String table = ResultTable.render(new ObjectMapper().readTree(json));
    assertThat(table)
        .contains(
            "| ECHO | floor | 1,000,000 | 1,000.0 ± 10.0 | 900.0 | 2,000 | 1.00x | 1.00x | 1.00x |")
        .contains(
            "| ECHO | jsonrpc2 | 2,000,000 | 500.0 ± 5.0 | 300.0 | 1,000 | 0.50x | 0.33x | 0.50x |");
  }
}
