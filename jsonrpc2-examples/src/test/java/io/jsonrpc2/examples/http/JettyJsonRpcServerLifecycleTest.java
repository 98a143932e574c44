package io.jsonrpc2.examples.http;

import io.jsonrpc2.JsonRpcService;
import io.jsonrpc2.http.HttpRules;
import io.jsonrpc2.server.JsonRpcServer;
import io.jsonrpc2.testing.ServerLifecycleConformanceTest;
import java.net.URI;

/** The shared server lifecycle, on the servlet in an embedded Jetty. */
class JettyJsonRpcServerLifecycleTest extends ServerLifecycleConformanceTest {
  @Override
  protected JsonRpcServer newServer(JsonRpcService service, int port) {
    return new JettyJsonRpcServer(service, HttpRules.defaults(), "127.0.0.1", port, "/rpc");
  }

  @Override
  protected String exchange(JsonRpcServer server, String request) throws Exception {
    return post(URI.create("http://127.0.0.1:" + server.port() + "/rpc"), request);
  }
}
