package io.jsonrpc2.servlet;

import io.jsonrpc2.JsonRpcService;
import io.jsonrpc2.testing.ServerConformanceTest;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/**
 * The specification's exchanges over {@link JsonRpcServlet} in Jetty; an empty 200 body is "no
 * reply".
 */
class JettyServletSpecConformanceTest extends ServerConformanceTest {
  private final HttpClient client =
      HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
  private Jetty jetty;

  @Override
  protected void startServer(JsonRpcService service) throws Exception {
    jetty = Jetty.hosting(new JsonRpcServlet(service));
  }

  @Override
  protected String exchange(String message) throws Exception {
    HttpResponse<String> response =
        client.send(
            HttpRequest.newBuilder(jetty.endpoint())
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
    jetty.close();
  }
}
