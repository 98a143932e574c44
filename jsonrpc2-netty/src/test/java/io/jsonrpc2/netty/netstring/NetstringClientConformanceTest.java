package io.jsonrpc2.netty.netstring;

import io.jsonrpc2.JsonRpcClient;
import io.jsonrpc2.JsonRpcService;
import io.jsonrpc2.testing.ClientConformanceTest;

/** The client suite: {@link NetstringClientTransport} against {@link NetstringServer}. */
class NetstringClientConformanceTest extends ClientConformanceTest {
  private NetstringServer server;

  @Override
  protected void startServer(JsonRpcService service) {
    server = NetstringServer.builder(service).host("127.0.0.1").start();
  }

  @Override
  protected JsonRpcClient newClient() {
    return NetstringClient.create("127.0.0.1", server.port());
  }

  @Override
  protected void stopServer() {
    server.close();
  }
}
