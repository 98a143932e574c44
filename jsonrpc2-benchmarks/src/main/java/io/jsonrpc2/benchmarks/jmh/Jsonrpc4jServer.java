package io.jsonrpc2.benchmarks.jmh;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.googlecode.jsonrpc4j.JsonRpcBasicServer;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;

/** jsonrpc4j 1.6: {@code JsonRpcBasicServer.handleRequest(InputStream, OutputStream)}. */
public final class Jsonrpc4jServer implements RpcServer {
  /** The interface jsonrpc4j exports. */
  public interface Service {
    String echo(String value);

    int subtract(int minuend, int subtrahend);
  }

  /** Its implementation. */
  public static final class ServiceImpl implements Service {
    @Override
    public String echo(String value) {
      return value;
    }

    @Override
    public int subtract(int minuend, int subtrahend) {
      return minuend - subtrahend;
    }
  }

  private final JsonRpcBasicServer server =
      new JsonRpcBasicServer(new ObjectMapper(), new ServiceImpl(), Service.class);

  @Override
  public byte[] handle(byte[] request) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    server.handleRequest(new ByteArrayInputStream(request), out);
    return out.toByteArray();
  }
}
