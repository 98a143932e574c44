package io.jsonrpc2.examples.websocket;

import io.jsonrpc2.JsonRpcClient;
import io.jsonrpc2.JsonRpcService;
import io.jsonrpc2.httpclient.WebSocketClientTransport;
import io.jsonrpc2.netty.http.JsonRpcHttpServer;
import io.jsonrpc2.testing.TwoWayConformanceTest;

/** The two-way suite: {@link WebSocketClientTransport} against the Netty server's WebSocket. */
class WebSocketTwoWayTest extends TwoWayConformanceTest {
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
  protected JsonRpcClient newClient(JsonRpcService local) {
    return JsonRpcClient.builder()
        .transport(
            WebSocketClientTransport.builder("ws://127.0.0.1:" + server.port() + "/rpc").build())
        .service(local)
        .cancellation(CANCEL)
        .build();
  }

  @Override
  protected void stopServer() {
    server.close();
  }

  @Override
  protected boolean reconnects() {
    return true;
  }
}
