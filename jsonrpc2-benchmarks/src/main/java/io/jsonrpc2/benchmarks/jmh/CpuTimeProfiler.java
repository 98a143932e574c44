package io.jsonrpc2.benchmarks.jmh;

import java.lang.management.ManagementFactory;
import java.util.Collection;
import java.util.List;
import org.openjdk.jmh.infra.BenchmarkParams;
import org.openjdk.jmh.infra.IterationParams;
import org.openjdk.jmh.profile.InternalProfiler;
import org.openjdk.jmh.results.AggregationPolicy;
import org.openjdk.jmh.results.IterationResult;
import org.openjdk.jmh.results.Result;
import org.openjdk.jmh.results.ScalarResult;

/**
 * Reports {@code cpu.time.norm}: the CPU time the whole benchmark JVM used per operation (the
 * measured thread, and whatever else the operation makes the JVM do: garbage collection, an
 * executor's threads). On a machine shared with other work, wall-clock time per operation also
 * counts the time the benchmark waited for a CPU; CPU time does not, so it compares implementations
 * measured at different moments more fairly.
 *
 * <p>Use with {@code -prof io.jsonrpc2.benchmarks.jmh.CpuTimeProfiler}. Needs the {@code
 * com.sun.management} extension of the platform MXBean (HotSpot JVMs have it).
 */
public final class CpuTimeProfiler implements InternalProfiler {
  private final com.sun.management.OperatingSystemMXBean os =
      (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
  private long cpuBefore;

  @Override
  public String getDescription() {
    return "process CPU time per operation";
  }

  @Override
  public void beforeIteration(BenchmarkParams benchmarkParams, IterationParams iterationParams) {
    cpuBefore = os.getProcessCpuTime();
  }

  @Override
  @SuppressWarnings("rawtypes") // the signature of JMH's InternalProfiler
  public Collection<? extends Result> afterIteration(
      BenchmarkParams benchmarkParams, IterationParams iterationParams, IterationResult result) {
    long used = os.getProcessCpuTime() - cpuBefore;
    long ops = result.getMetadata().getAllOps();
    return List.of(
        new ScalarResult(
            "cpu.time.norm",
            ops == 0 ? Double.NaN : (double) used / ops,
            "ns/op",
            AggregationPolicy.AVG));
  }
}
