package io.jsonrpc2.benchmarks.http;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

/**
 * (e) The Jetty ceiling: a servlet on the same Jetty set-up that reads the body and answers a fixed
 * reply, doing no JSON-RPC at all. What is left between it and the servlet rows is the JSON-RPC
 * work and its glue. Argument: port.
 */
public final class FixedReplyJettyServer {
  private static final byte[] REPLY =
      "{\"jsonrpc\":\"2.0\",\"result\":\"hello\",\"id\":1}".getBytes(StandardCharsets.UTF_8);

  private FixedReplyJettyServer() {}

  static final class FixedReplyServlet extends HttpServlet {
    private static final long serialVersionUID = 1L;

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response)
        throws IOException {
      long length = request.getContentLengthLong();
      // Exactly the declared length, as JsonRpcServlet reads it: no extra read waiting for the end.
      if (length >= 0) {
        request.getInputStream().readNBytes((int) length);
      } else {
        request.getInputStream().readAllBytes();
      }
      response.setContentType("application/json");
      response.setContentLength(REPLY.length);
      response.getOutputStream().write(REPLY);
    }
  }

  public static void main(String[] args) throws Exception {
    int port = Integer.parseInt(args[0]);
    JettyHosting.serve(new FixedReplyServlet(), false, port);
    System.out.println("fixed reply on Jetty on port " + port);
  }
}
