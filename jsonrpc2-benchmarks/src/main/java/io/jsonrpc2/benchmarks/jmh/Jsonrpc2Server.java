package io.jsonrpc2.benchmarks.jmh;

import io.jsonrpc2.JsonRpcMethod;
import io.jsonrpc2.JsonRpcService;
import io.jsonrpc2.NonBlocking;

/** This library: {@link JsonRpcService#handle(byte[])}, waiting for the reply. */
public final class Jsonrpc2Server implements RpcServer {
  /** The methods marked {@link NonBlocking}: they run on the calling thread, as the peers' do. */
  public static final class NonBlockingMethods {
    @JsonRpcMethod
    @NonBlocking
    public String echo(String value) {
      return value;
    }

    @JsonRpcMethod
    @NonBlocking
    public int subtract(int minuend, int subtrahend) {
      return minuend - subtrahend;
    }
  }

  /** The same methods unmarked: they run on the service's default executor. */
  public static final class BlockingMethods {
    @JsonRpcMethod
    public String echo(String value) {
      return value;
    }

    @JsonRpcMethod
    public int subtract(int minuend, int subtrahend) {
      return minuend - subtrahend;
    }
  }

  private final JsonRpcService service;

  private Jsonrpc2Server(Object handler) {
    this.service = JsonRpcService.builder().handler(handler).build();
  }

  /** Methods called on the calling thread. */
  public static Jsonrpc2Server nonBlocking() {
    return new Jsonrpc2Server(new NonBlockingMethods());
  }

  /** Methods called on the default executor; the calling thread waits for the reply. */
  public static Jsonrpc2Server defaultExecutor() {
    return new Jsonrpc2Server(new BlockingMethods());
  }

  @Override
  public byte[] handle(byte[] request) {
    return service.handle(request).join();
  }
}
