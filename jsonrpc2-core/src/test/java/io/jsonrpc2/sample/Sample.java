package io.jsonrpc2.sample;

/** Loaded by name in the lazy-method tests; nothing else refers to it. */
public class Sample {
  public static final java.util.concurrent.atomic.AtomicInteger LOADS =
      new java.util.concurrent.atomic.AtomicInteger();

  static {
    LOADS.incrementAndGet();
  }

  public int add(int a, int b) {
    return a + b;
  }

  public static String shout(String text) {
    return text.toUpperCase(java.util.Locale.ROOT);
  }

  public int twice(int a) {
    return 2 * a;
  }

  public int twice(int a, int b) {
    return 2 * a + b;
  }
}
