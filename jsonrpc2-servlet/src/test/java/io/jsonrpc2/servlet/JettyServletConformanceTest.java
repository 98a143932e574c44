package io.jsonrpc2.servlet;

import io.jsonrpc2.JsonRpcService;
import io.jsonrpc2.http.HttpRules;
import io.jsonrpc2.testing.HttpServerConformanceTest;
import java.net.URI;

/** The shared HTTP rules, over {@link JsonRpcServlet} in a real Jetty 12. */
class JettyServletConformanceTest extends HttpServerConformanceTest {
  private Jetty jetty;

  @Override
  protected URI startServer(JsonRpcService service, HttpRules rules) throws Exception {
    jetty = Jetty.hosting(new JsonRpcServlet(service, rules));
    return jetty.endpoint();
  }

  @Override
  protected void stopServer() {
    jetty.close();
  }
}
