package io.jsonrpc2.netty.http;

import io.jsonrpc2.JsonRpcService;
import io.jsonrpc2.testing.ServerConformanceTest;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/**
 * The specification's exchanges over the embedded Netty HTTP server; an empty 200 body is "no
 * reply".
 */
class NettyHttpSpecConformanceTest extends ServerConformanceTest {
  private final HttpClient client =
      HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
  private JsonRpcHttpServer server;
  private URI endpoint;

  @Override
  protected void startServer(JsonRpcService service) {
    server =
        JsonRpcHttpServer.builder(service).host("127.0.0.1").port(0).ioThreads(1).build().start();
    endpoint = URI.create("http://127.0.0.1:" + server.port() + "/");
  }

  @Override
  protected String exchange(String message) throws Exception {
    HttpResponse<String> response =
        client.send(
            HttpRequest.newBuilder(endpoint)
                .timeout(Duration.ofSeconds(10))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(message))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    if (response.statusCode() != 200) {
      throw new AssertionError("HTTP " + response.statusCode() + ": " + response.body());
    }
    return response.body().isEmpty() ? null : response.body();
  }

  @Override
  protected void stopServer() {
    server.close();
  }
}
