package io.jsonrpc2.benchmarks.jmh;

import com.github.arteam.simplejsonrpc.core.annotation.JsonRpcMethod;
import com.github.arteam.simplejsonrpc.core.annotation.JsonRpcParam;
import com.github.arteam.simplejsonrpc.core.annotation.JsonRpcService;
import com.github.arteam.simplejsonrpc.server.JsonRpcServer;

/**
 * simple-json-rpc 1.3: {@code JsonRpcServer.handle(byte[], Object)}, its bytes-in bytes-out
 * overload (the {@code String} one does the same work plus two charset conversions).
 */
public final class SimpleJsonRpcServer implements RpcServer {
  /** The service simple-json-rpc exports. */
  @JsonRpcService
  public static final class Service {
    @JsonRpcMethod
    public String echo(@JsonRpcParam("value") String value) {
      return value;
    }

    @JsonRpcMethod
    public int subtract(
        @JsonRpcParam("minuend") int minuend, @JsonRpcParam("subtrahend") int subtrahend) {
      return minuend - subtrahend;
    }
  }

  private final JsonRpcServer server = new JsonRpcServer();
  private final Service service = new Service();

  @Override
  public byte[] handle(byte[] request) {
    return server.handle(request, service);
  }
}
