package io.jsonrpc2.benchmarks.jmh;

/**
 * One implementation under measurement: request bytes in, reply bytes out, on the calling thread
 * (or waiting for the reply when the implementation hands work to another thread).
 *
 * <p>Every implementation serves the same two methods: {@code echo(String)} returns its argument
 * and {@code subtract(int, int)} returns the difference.
 */
public interface RpcServer {
  /** Answers one message (a request or a batch); never null for the workloads used here. */
  byte[] handle(byte[] request) throws Exception;
}
