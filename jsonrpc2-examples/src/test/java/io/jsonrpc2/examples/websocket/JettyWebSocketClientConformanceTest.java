package io.jsonrpc2.examples.websocket;

import io.jsonrpc2.JsonRpcClient;
import io.jsonrpc2.JsonRpcService;
import io.jsonrpc2.httpclient.WebSocketClientTransport;
import io.jsonrpc2.testing.ClientConformanceTest;

/** The client suite: {@link WebSocketClientTransport} against the Jakarta endpoint in Jetty. */
class JettyWebSocketClientConformanceTest extends ClientConformanceTest {
  private JettyWebSocketExample.Running running;

  @Override
  protected void startServer(JsonRpcService service) throws Exception {
    running = JettyWebSocketExample.start(service, "127.0.0.1", 0);
  }

  @Override
  protected JsonRpcClient newClient() {
    return JsonRpcClient.builder()
        .transport(
            WebSocketClientTransport.builder("ws://127.0.0.1:" + running.port() + "/rpc").build())
        .build();
  }

  @Override
  protected void stopServer() {
    running.close();
  }
}
