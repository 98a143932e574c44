package io.jsonrpc2.benchmarks.http;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.googlecode.jsonrpc4j.DefaultHttpStatusCodeProvider;
import com.googlecode.jsonrpc4j.JsonRpcBasicServer;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;

/**
 * (b) jsonrpc4j 1.6 serving the same echo on the same Jetty 12. Argument: port.
 *
 * <p>jsonrpc4j's {@code JsonRpcServer.handle(HttpServletRequest, HttpServletResponse)} takes {@code
 * javax.servlet} types, which a Jakarta container cannot pass, so this servlet does exactly what
 * that method does, through jsonrpc4j's public API: content type {@code application/json-rpc},
 * {@code handleRequest} into a buffer, the status from its {@code DefaultHttpStatusCodeProvider},
 * Content-Length, write, flush.
 */
public final class Jsonrpc4jJettyServer {
  private Jsonrpc4jJettyServer() {}

  /** jsonrpc4j binds an interface. */
  public interface EchoService {
    String echo(String text);
  }

  /** The implementation jsonrpc4j calls. */
  public static final class EchoServiceImpl implements EchoService {
    @Override
    public String echo(String text) {
      return text;
    }
  }

  static final class Jsonrpc4jServlet extends HttpServlet {
    private static final long serialVersionUID = 1L;
    private final transient JsonRpcBasicServer server =
        new JsonRpcBasicServer(new ObjectMapper(), new EchoServiceImpl(), EchoService.class);

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response)
        throws IOException {
      response.setContentType("application/json-rpc");
      OutputStream output = response.getOutputStream();
      ByteArrayOutputStream buffer = new ByteArrayOutputStream();
      int code = server.handleRequest(request.getInputStream(), buffer);
      response.setStatus(DefaultHttpStatusCodeProvider.INSTANCE.getHttpStatusCode(code));
      response.setContentLength(buffer.size());
      buffer.writeTo(output);
      output.flush();
    }
  }

  public static void main(String[] args) throws Exception {
    int port = Integer.parseInt(args[0]);
    JettyHosting.serve(new Jsonrpc4jServlet(), false, port);
    System.out.println("jsonrpc4j on Jetty on port " + port);
  }
}
