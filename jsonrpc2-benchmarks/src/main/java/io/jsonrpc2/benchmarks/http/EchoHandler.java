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

  /** The same echo as users write it, without {@code @NonBlocking}. */
  public static final class Plain {
    @JsonRpcMethod
    public String echo(String text) {
      return text;
    }
  }

  /** The handler a server's optional second argument asks for: {@code plain}, or the default. */
  static Object forArguments(String[] args) {
    return args.length > 1 && args[1].equals("plain") ? new Plain() : new EchoHandler();
  }
}
