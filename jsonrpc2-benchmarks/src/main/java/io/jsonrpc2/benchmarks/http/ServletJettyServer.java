package io.jsonrpc2.benchmarks.http;

import io.jsonrpc2.JsonRpcService;
import io.jsonrpc2.servlet.JsonRpcServlet;

/**
 * (c) Our {@link JsonRpcServlet} serving {@link EchoHandler} on Jetty 12. Arguments: port, and
 * {@code plain} for the echo without {@code @NonBlocking}.
 */
public final class ServletJettyServer {
  private ServletJettyServer() {}

  public static void main(String[] args) throws Exception {
    int port = Integer.parseInt(args[0]);
    JsonRpcService service =
        JsonRpcService.builder().handler(EchoHandler.forArguments(args)).build();
    JettyHosting.serve(new JsonRpcServlet(service), true, port);
    System.out.println("jsonrpc2 servlet on Jetty on port " + port);
  }
}
