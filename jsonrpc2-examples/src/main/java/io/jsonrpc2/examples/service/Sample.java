package io.jsonrpc2.examples.service;

/** Loaded by name on the first call of {@code sample.add}. */
public class Sample {
  public int add(int a, int b) {
    return a + b;
  }
}
