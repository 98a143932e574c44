package io.jsonrpc2.netty.netstring;

import io.jsonrpc2.JsonRpcClient;
import io.jsonrpc2.JsonRpcService;
import io.jsonrpc2.testing.TwoWayConformanceTest;

/** The two-way suite: {@link NetstringClientTransport} against {@link NetstringServer}. */
class NetstringTwoWayTest extends TwoWayConformanceTest {
  private NetstringServer server;

  @Override
  protected void startServer(JsonRpcService service) {
    server = NetstringServer.builder(service).host("127.0.0.1").start();
  }

  @Override
  protected JsonRpcClient newClient(JsonRpcService local) {
    return JsonRpcClient.builder()
        .transport(NetstringClientTransport.builder("127.0.0.1", server.port()).build())
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
