package io.jsonrpc2.benchmarks.http;

import io.jsonrpc2.JsonRpcService;
import io.jsonrpc2.netty.http.JsonRpcHttpServer;

/**
 * (a) Our embedded Netty HTTP server serving {@link EchoHandler} at "/". Arguments: port, and
 * {@code plain} for the echo without {@code @NonBlocking}.
 */
public final class NettyHttpEchoServer {
  private NettyHttpEchoServer() {}

  public static void main(String[] args) {
    int port = Integer.parseInt(args[0]);
    JsonRpcService service =
        JsonRpcService.builder().handler(EchoHandler.forArguments(args)).build();
    JsonRpcHttpServer server = JsonRpcHttpServer.builder(service).port(port).build().start();
    Runtime.getRuntime().addShutdownHook(new Thread(server::close));
    System.out.println("jsonrpc2 Netty HTTP server on port " + server.port());
  }
}
