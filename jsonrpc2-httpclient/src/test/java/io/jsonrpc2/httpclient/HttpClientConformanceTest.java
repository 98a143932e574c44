package io.jsonrpc2.httpclient;

import io.jsonrpc2.JsonRpcClient;
import io.jsonrpc2.JsonRpcService;
import io.jsonrpc2.testing.ClientConformanceTest;

/**
 * The client suite: {@link HttpClientTransport} against a JDK HTTP server in front of a service.
 */
class HttpClientConformanceTest extends ClientConformanceTest {
  private JdkHttpTestServer server;

  @Override
  protected void startServer(JsonRpcService service) throws Exception {
    server = JdkHttpTestServer.serve(service);
  }

  @Override
  protected JsonRpcClient newClient() {
    return JsonRpcClient.builder()
        .transport(HttpClientTransport.builder(server.uri()).build())
        .build();
  }

  @Override
  protected void stopServer() {
    server.close();
  }
}
