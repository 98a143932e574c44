package io.jsonrpc2.benchmarks.netstring;

/**
 * Reply count, errors and a latency histogram at 1 µs resolution up to 1 s. Touched only by the
 * load generator's single event loop thread.
 */
public final class LoadStats {
  private static final int MAX_MICROS = 1_000_000;

  private final long[] histogram = new long[MAX_MICROS + 1];
  private long count;
  private long errors;
  volatile boolean running = true;

  /** Replies counted, how many of them were wrong, and their latency percentiles. */
  public record Snapshot(long count, long errors, long p50Micros, long p99Micros) {}

  void record(long nanos, boolean error) {
    int micros = (int) Math.min(MAX_MICROS, Math.max(0, nanos / 1000));
    histogram[micros]++;
    count++;
    if (error) {
      errors++;
    }
  }

  void reset() {
    java.util.Arrays.fill(histogram, 0);
    count = 0;
    errors = 0;
  }

  Snapshot snapshot() {
    return new Snapshot(count, errors, percentile(0.50), percentile(0.99));
  }

  private long percentile(double fraction) {
    long wanted = (long) Math.ceil(count * fraction);
    long seen = 0;
    for (int micros = 0; micros < histogram.length; micros++) {
      seen += histogram[micros];
      if (seen >= wanted && wanted > 0) {
        return micros;
      }
    }
    return -1;
  }
}
