package io.jsonrpc2.benchmarks.zeromq;

import java.util.concurrent.atomic.AtomicLongArray;

/**
 * Call latencies in microsecond buckets up to one second (slower calls share the last bucket).
 * Thread-safe; recording is one atomic increment.
 */
final class LatencyHistogram {
  private static final int BUCKETS = 1_000_000;
  private final AtomicLongArray counts = new AtomicLongArray(BUCKETS);

  void record(long nanos) {
    int micros = (int) Math.min(BUCKETS - 1, Math.max(0, nanos / 1_000));
    counts.incrementAndGet(micros);
  }

  long total() {
    long total = 0;
    for (int i = 0; i < BUCKETS; i++) {
      total += counts.get(i);
    }
    return total;
  }

  /** The latency in microseconds below which {@code fraction} of the calls finished. */
  long percentileMicros(double fraction) {
    long total = total();
    long wanted = (long) Math.ceil(total * fraction);
    long seen = 0;
    for (int i = 0; i < BUCKETS; i++) {
      seen += counts.get(i);
      if (seen >= wanted && seen > 0) {
        return i;
      }
    }
    return BUCKETS - 1;
  }
}
