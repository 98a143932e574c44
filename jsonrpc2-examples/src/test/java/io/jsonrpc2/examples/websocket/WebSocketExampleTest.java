package io.jsonrpc2.examples.websocket;

import static org.assertj.core.api.Assertions.assertThat;

import io.jsonrpc2.netty.http.JsonRpcHttpServer;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The WebSocket example server and client, together. */
@Timeout(30)
class WebSocketExampleTest {
  @Test
  void theClientGetsTheTicksBeforeTheResult() {
    try (JsonRpcHttpServer server = WebSocketServerExample.start("127.0.0.1", 0)) {
      ByteArrayOutputStream printed = new ByteArrayOutputStream();
      WebSocketClientExample.run(
          "ws://127.0.0.1:" + server.port() + "/rpc",
          new PrintStream(printed, true, StandardCharsets.UTF_8));
      assertThat(printed.toString(StandardCharsets.UTF_8).lines())
          .containsExactly("hello", "tick 2", "tick 1", "tick 0", "liftoff");
    }
  }

  @Test
  void overPlainHttpTheCountdownSaysItNeedsAWebSocket() throws Exception {
    try (JsonRpcHttpServer server = WebSocketServerExample.start("127.0.0.1", 0)) {
      HttpResponse<String> answer =
          HttpClient.newHttpClient()
              .send(
                  HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + "/rpc"))
                      .header("Content-Type", "application/json")
                      .POST(
                          HttpRequest.BodyPublishers.ofString(
                              "{\"jsonrpc\":\"2.0\",\"method\":\"main.countdown\",\"params\":[3],\"id\":1}"))
                      .build(),
                  HttpResponse.BodyHandlers.ofString());
      assertThat(answer.body()).contains("-32000").contains("countdown needs a WebSocket");
    }
  }
}
