package io.jsonrpc2.examples.websocket;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The Jetty WebSocket example with the WebSocket example client, and POST on the same path. */
@Timeout(30)
class JettyWebSocketExampleTest {
  @Test
  void theClientGetsTheTicksBeforeTheResult() throws Exception {
    try (JettyWebSocketExample.Running running = JettyWebSocketExample.start("127.0.0.1", 0)) {
      ByteArrayOutputStream printed = new ByteArrayOutputStream();
      WebSocketClientExample.run(
          "ws://127.0.0.1:" + running.port() + "/rpc",
          new PrintStream(printed, true, StandardCharsets.UTF_8));
      assertThat(printed.toString(StandardCharsets.UTF_8).lines())
          .containsExactly("hello", "tick 2", "tick 1", "tick 0", "liftoff");
    }
  }

  @Test
  void aBroadcastReachesAClientOfTheExample() throws Exception {
    try (JettyWebSocketExample.Running running = JettyWebSocketExample.start("127.0.0.1", 0)) {
      CompletableFuture<Integer> tick = new CompletableFuture<>();
      try (var client =
          WebSocketClientExample.connect(
              "ws://127.0.0.1:" + running.port() + "/rpc", tick::complete)) {
        assertThat(client.call("main.echo", String.class, "open")).isEqualTo("open");
        assertThat(running.webSocket().connections().broadcast("main.tick", 42)).isEqualTo(1);
        assertThat(tick.get(10, TimeUnit.SECONDS)).isEqualTo(42);
      }
    }
  }

  @Test
  void plainPostOnTheSamePathGoesToTheServlet() throws Exception {
    try (JettyWebSocketExample.Running running = JettyWebSocketExample.start("127.0.0.1", 0)) {
      HttpResponse<String> answer =
          HttpClient.newHttpClient()
              .send(
                  HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + running.port() + "/rpc"))
                      .header("Content-Type", "application/json")
                      .POST(
                          HttpRequest.BodyPublishers.ofString(
                              "{\"jsonrpc\":\"2.0\",\"method\":\"main.countdown\",\"params\":[3],\"id\":1}"))
                      .build(),
                  HttpResponse.BodyHandlers.ofString());
      assertThat(answer.statusCode()).isEqualTo(200);
      assertThat(answer.body()).contains("-32000").contains("countdown needs a WebSocket");
    }
  }
}
