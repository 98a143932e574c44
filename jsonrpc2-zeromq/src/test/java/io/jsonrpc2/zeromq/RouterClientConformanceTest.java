package io.jsonrpc2.zeromq;

import io.jsonrpc2.JsonRpcClient;
import io.jsonrpc2.JsonRpcService;
import io.jsonrpc2.testing.ClientConformanceTest;
import org.zeromq.SocketType;

/** The client suite: a DEALER {@link ZmqClientTransport} against a ROUTER {@link ZmqServer}. */
class RouterClientConformanceTest extends ClientConformanceTest {
  private ZmqServer server;

  @Override
  protected void startServer(JsonRpcService service) {
    server =
        ZmqServer.builder(service).socketType(SocketType.ROUTER).bind("tcp://127.0.0.1:0").start();
  }

  @Override
  protected JsonRpcClient newClient() {
    return JsonRpcClient.builder()
        .transport(
            ZmqClientTransport.builder(server.endpoint()).socketType(SocketType.DEALER).build())
        .build();
  }

  @Override
  protected void stopServer() {
    server.close();
  }
}
