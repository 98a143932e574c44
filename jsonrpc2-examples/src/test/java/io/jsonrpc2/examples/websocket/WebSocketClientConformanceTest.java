package io.jsonrpc2.examples.websocket;

import io.jsonrpc2.JsonRpcClient;
import io.jsonrpc2.JsonRpcService;
import io.jsonrpc2.httpclient.WebSocketClientTransport;
import io.jsonrpc2.netty.http.JsonRpcHttpServer;
import io.jsonrpc2.testing.ClientConformanceTest;

/** The client suite: {@link WebSocketClientTransport} against the Netty server's WebSocket. */
class WebSocketClientConformanceTest extends ClientConformanceTest {
  private JsonRpcHttpServer server;

  @Override
  protected void startServer(JsonRpcService service) {
    server =
        JsonRpcHttpServer.builder(service)
            .host("127.0.0.1")
            .port(0)
            .path("/rpc")
            .ioThreads(1)
            .start();
  }

  @Override
  protected JsonRpcClient newClient() {
    return JsonRpcClient.builder()
        .transport(
            WebSocketClientTransport.builder("ws://127.0.0.1:" + server.port() + "/rpc").build())
        .build();
  }

  @Override
  protected void stopServer() {
    server.close();
  }
}
