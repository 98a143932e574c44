package io.jsonrpc2.testing;

import io.jsonrpc2.JsonRpcClient;
import io.jsonrpc2.JsonRpcService;
import io.jsonrpc2.connection.JsonRpcConnection;

/** The two-way suite over a pair of {@link JsonRpcConnection}s on {@link InMemoryChannel}s. */
class InMemoryTwoWayTest extends TwoWayConformanceTest {
  private final InMemoryChannel.Pair pair = InMemoryChannel.pair();
  private JsonRpcConnection server;
  private JsonRpcConnection client;

  @Override
  protected void startServer(JsonRpcService service) {
    server = JsonRpcConnection.builder(pair.right()).service(service).build().start();
  }

  @Override
  protected JsonRpcClient newClient(JsonRpcService local) {
    client =
        JsonRpcConnection.builder(pair.left()).service(local).cancellation(CANCEL).build().start();
    return client.peer();
  }

  @Override
  protected void stopServer() {
    client.close();
    server.close();
  }

  @Override
  protected boolean reconnects() {
    return false;
  }
}
