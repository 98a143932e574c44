package io.jsonrpc2.stdio;

import io.jsonrpc2.JsonRpcClient;
import io.jsonrpc2.JsonRpcService;
import io.jsonrpc2.testing.TwoWayConformanceTest;
import java.util.ArrayList;
import java.util.List;

/** The two-way suite: a connection over a {@link StreamMessageChannel} against a StdioServer. */
class StdioTwoWayTest extends TwoWayConformanceTest {
  private final List<PipedServer> servers = new ArrayList<>();
  private JsonRpcService service;

  @Override
  protected void startServer(JsonRpcService service) {
    this.service = service;
  }

  @Override
  protected JsonRpcClient newClient(JsonRpcService local) {
    PipedServer server = new PipedServer(service, StdioFraming.CONTENT_LENGTH);
    servers.add(server);
    return server.connect(local).peer();
  }

  @Override
  protected void stopServer() throws Exception {
    for (PipedServer server : servers) {
      server.close();
    }
  }

  @Override
  protected boolean reconnects() {
    return false;
  }
}
