package io.jsonrpc2.netty.http;

import io.jsonrpc2.JsonRpcService;
import io.jsonrpc2.http.HttpRules;
import io.jsonrpc2.testing.HttpServerConformanceTest;
import java.net.URI;

/** The shared HTTP rules, over the embedded Netty server. */
class NettyHttpServerConformanceTest extends HttpServerConformanceTest {
  private JsonRpcHttpServer server;

  @Override
  protected URI startServer(JsonRpcService service, HttpRules rules) {
    server =
        JsonRpcHttpServer.builder(service)
            .host("127.0.0.1")
            .port(0)
            .path("/rpc")
            .rules(rules)
            .ioThreads(1)
            .build()
            .start();
    return URI.create("http://127.0.0.1:" + server.port() + "/rpc");
  }

  @Override
  protected void stopServer() {
    server.close();
  }
}
