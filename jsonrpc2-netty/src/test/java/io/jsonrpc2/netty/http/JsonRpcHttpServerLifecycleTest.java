package io.jsonrpc2.netty.http;

import io.jsonrpc2.JsonRpcService;
import io.jsonrpc2.server.JsonRpcServer;
import io.jsonrpc2.testing.ServerLifecycleConformanceTest;
import java.net.URI;

/** The shared server lifecycle, on the Netty HTTP server. */
class JsonRpcHttpServerLifecycleTest extends ServerLifecycleConformanceTest {
  @Override
  protected JsonRpcServer newServer(JsonRpcService service, int port) {
    return JsonRpcHttpServer.builder(service).host("127.0.0.1").port(port).build();
  }

  @Override
  protected String exchange(JsonRpcServer server, String request) throws Exception {
    return post(URI.create("http://127.0.0.1:" + server.port() + "/"), request);
  }
}
