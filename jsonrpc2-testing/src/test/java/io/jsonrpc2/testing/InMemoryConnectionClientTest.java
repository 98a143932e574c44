package io.jsonrpc2.testing;

import io.jsonrpc2.JsonRpcClient;
import io.jsonrpc2.JsonRpcService;

/** The client suite over the in-memory transport, connection kind. */
class InMemoryConnectionClientTest extends ClientConformanceTest {
  private JsonRpcService service;

  @Override
  protected void startServer(JsonRpcService service) {
    this.service = service;
  }

  @Override
  protected JsonRpcClient newClient() {
    return JsonRpcClient.builder().transport(InMemoryTransport.connection(service)).build();
  }

  @Override
  protected void stopServer() {}
}
