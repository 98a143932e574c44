package io.jsonrpc2.testing;

import io.jsonrpc2.JsonRpcService;

/** The conformance suite straight against {@link JsonRpcService#handle(String)}. */
class InMemoryConformanceTest extends ServerConformanceTest {
  private JsonRpcService service;

  @Override
  protected void startServer(JsonRpcService service) {
    this.service = service;
  }

  @Override
  protected String exchange(String message) {
    return service.handle(message).join();
  }

  @Override
  protected void stopServer() {}
}
