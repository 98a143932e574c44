package io.jsonrpc2.benchmarks.jmh;

import io.jsonrpc2.JsonRpcMethod;
import io.jsonrpc2.JsonRpcService;
import io.jsonrpc2.NonBlocking;
import io.jsonrpc2.server.TransportContext;

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

  /**
   * The same methods unmarked, as users write them: on the calling thread when it may block, on the
   * service's default executor otherwise.
   */
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
  private final TransportContext context;

  private Jsonrpc2Server(Object handler, TransportContext context) {
    this.service = JsonRpcService.builder().handler(handler).build();
    this.context = context;
  }

  /** Methods called on the calling thread. */
  public static Jsonrpc2Server nonBlocking() {
    return new Jsonrpc2Server(new NonBlockingMethods(), TransportContext.NONE);
  }

  /** Plain methods called directly, as a servlet without async or a user's own thread does. */
  public static Jsonrpc2Server plain() {
    return new Jsonrpc2Server(new BlockingMethods(), TransportContext.NONE);
  }

  /**
   * Plain methods handed in by a caller that must not block, as an I/O thread: they run on the
   * default executor while the calling thread waits for the reply.
   */
  public static Jsonrpc2Server plainHandedOff() {
    return new Jsonrpc2Server(
        new BlockingMethods(), TransportContext.builder("event-loop").build());
  }

  @Override
  public byte[] handle(byte[] request) {
    return service.handle(request, context).join();
  }
}
