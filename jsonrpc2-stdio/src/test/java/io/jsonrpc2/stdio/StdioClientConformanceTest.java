package io.jsonrpc2.stdio;

import io.jsonrpc2.JsonRpcClient;
import io.jsonrpc2.JsonRpcService;
import io.jsonrpc2.testing.ClientConformanceTest;

/** The client suite: the peer of a connection over a {@link StreamMessageChannel}. */
class StdioClientConformanceTest extends ClientConformanceTest {
  private PipedServer server;

  @Override
  protected void startServer(JsonRpcService service) {
    server = new PipedServer(service, StdioFraming.NEWLINE);
  }

  @Override
  protected JsonRpcClient newClient() {
    return server.connect(JsonRpcService.builder().build()).peer();
  }

  @Override
  protected void stopServer() throws Exception {
    server.close();
  }
}
