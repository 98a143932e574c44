package io.jsonrpc2.benchmarks.http;

import io.jsonrpc2.JsonRpcMethod;
import io.jsonrpc2.NonBlocking;

/** The method under load: echoes its argument, on the I/O thread. */
public final class EchoHandler {
  @JsonRpcMethod
  @NonBlocking
  public String echo(String text) {
    return text;
  }
}
