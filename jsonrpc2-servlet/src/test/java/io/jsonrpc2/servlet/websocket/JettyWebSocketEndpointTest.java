package io.jsonrpc2.servlet.websocket;

import static org.assertj.core.api.Assertions.assertThat;

import io.jsonrpc2.JsonRpcService;
import io.jsonrpc2.connection.ConnectionGroup;
import io.jsonrpc2.connection.JsonRpcConnection;
import io.jsonrpc2.http.BasicAuthenticator;
import io.jsonrpc2.http.HttpRules;
import io.jsonrpc2.testing.UntilInterrupted;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** {@link JsonRpcWebSocketEndpoint} in a real Jetty 12, beside {@code JsonRpcServlet}. */
@Timeout(30)
class JettyWebSocketEndpointTest {
  private final TestMethods methods = new TestMethods();
  private final UntilInterrupted waitForInterrupt = new UntilInterrupted();
  private final JsonRpcService service =
      JsonRpcService.builder()
          .handler(methods)
          .method("waitForInterrupt", waitForInterrupt)
          .build();
  private final List<AutoCloseable> open = new ArrayList<>();
  private JsonRpcWebSocketConfig config;
  private WebSocketJetty jetty;

  private void start(UnaryOperator<JsonRpcWebSocketConfig.Builder> options) throws Exception {
    config = options.apply(JsonRpcWebSocketConfig.builder(service, "/ws")).build();
    jetty = new WebSocketJetty(service, config);
  }

  private JdkWebSocket connect(String... headers) {
    JdkWebSocket socket = JdkWebSocket.connect(jetty.ws("/ws"), headers);
    open.add(socket);
    return socket;
  }

  @AfterEach
  void stop() throws Exception {
    for (AutoCloseable closeable : open) {
      closeable.close();
    }
    if (jetty != null) {
      jetty.close();
    }
  }

  private static String call(String method, String params, Object id) {
    return "{\"jsonrpc\":\"2.0\",\"method\":\""
        + method
        + "\",\"params\":"
        + params
        + ",\"id\":"
        + id
        + "}";
  }

  @Test
  void answersCallsAndTheServletBesideItStillAnswersPosts() throws Exception {
    start(builder -> builder);
    JdkWebSocket socket = connect();
    socket.sendText(call("echo", "[\"ws\"]", 1));
    assertThat(socket.readText()).contains("\"result\":\"ws\"");
    HttpResponse<String> answer =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(jetty.http())
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(call("echo", "[\"post\"]", 2)))
                    .build(),
                HttpResponse.BodyHandlers.ofString());
    assertThat(answer.statusCode()).isEqualTo(200);
    assertThat(answer.body()).contains("\"result\":\"post\"");
    socket.sendText(call("whoami", "[]", 3));
    assertThat(socket.readText())
        .contains("\"transport\":\"websocket\"")
        .contains("\"remote\":\"/127.0.0.1:");
  }

  @Test
  void refusesPagesOfOriginsNotListedWith403() throws Exception {
    start(builder -> builder.origins("https://good.example"));
    assertThat(JdkWebSocket.refusedStatus(jetty.ws("/ws"), "Origin", "https://evil.example"))
        .isEqualTo(403);
    JdkWebSocket good = connect("Origin", "https://GOOD.example/");
    good.sendText(call("echo", "[1]", 1));
    assertThat(good.readText()).contains("\"result\":1");
    JdkWebSocket program = connect(); // no Origin: not a browser page
    program.sendText(call("echo", "[2]", 2));
    assertThat(program.readText()).contains("\"result\":2");
  }

  @Test
  void theAuthenticatorGuardsTheUpgradeAndItsPrincipalAndHeadersReachEveryCall() throws Exception {
    start(
        builder ->
            builder.rules(
                HttpRules.builder()
                    .authenticator(BasicAuthenticator.of("rpc", Map.of("ann", "pw")))
                    .build()));
    assertThat(JdkWebSocket.refusedStatus(jetty.ws("/ws"))).isEqualTo(500);
    assertThat(JdkWebSocket.refusedStatus(jetty.ws("/ws"), "Authorization", basic("ann:nope")))
        .isEqualTo(500);
    JdkWebSocket ann = connect("Authorization", basic("ann:pw"), "X-Agent", "tests");
    for (int id = 1; id <= 2; id++) {
      ann.sendText(call("whoami", "[]", id));
      assertThat(ann.readText())
          .contains("\"principal\":\"ann\"")
          .contains("\"transport\":\"websocket\"")
          .contains("\"agent\":\"tests\"");
    }
  }

  private static String basic(String userAndPassword) {
    return "Basic "
        + Base64.getEncoder().encodeToString(userAndPassword.getBytes(StandardCharsets.UTF_8));
  }

  @Test
  void closesWith1009OnAMessageOverTheLimitAndServesOneAtIt() throws Exception {
    start(builder -> builder.maxMessageBytes(1000));
    JdkWebSocket atLimit = connect();
    String padding = "x".repeat(1000 - call("echo", "[\"\"]", 1).length());
    atLimit.sendText(call("echo", "[\"" + padding + "\"]", 1));
    assertThat(atLimit.readText()).contains(padding);
    JdkWebSocket over = connect();
    over.sendText(call("echo", "[\"" + padding + "x\"]", 1));
    assertThat(over.closeCode()).isEqualTo(1009);
  }

  @Test
  void closesWith1003OnABinaryMessage() throws Exception {
    start(builder -> builder);
    JdkWebSocket socket = connect();
    socket.sendBinary(call("echo", "[1]", 1).getBytes(StandardCharsets.UTF_8));
    assertThat(socket.closeCode()).isEqualTo(1003);
  }

  @Test
  void closesASessionQuietForTheIdleTimeout() throws Exception {
    start(builder -> builder.idleTimeout(Duration.ofMillis(300)));
    JdkWebSocket socket = connect();
    socket.sendText(call("echo", "[1]", 1));
    assertThat(socket.readText()).contains("\"result\":1");
    JsonRpcConnection connection = config.connections().connections().get(0);
    assertThat(socket.closeCode()).isNotZero();
    connection.closeFuture().get(10, TimeUnit.SECONDS);
    assertThat(config.connections().size()).isZero();
  }

  @Test
  void closingTheSocketCancelsTheCallsInFlight() throws Exception {
    start(builder -> builder);
    JdkWebSocket socket = connect();
    socket.sendText(call("waitForInterrupt", "[]", 1));
    assertThat(waitForInterrupt.started.await(10, TimeUnit.SECONDS)).isTrue();
    socket.abort();
    assertThat(waitForInterrupt.interrupted.await(10, TimeUnit.SECONDS)).isTrue();
    JdkWebSocket another = connect();
    another.sendText(call("echo", "[\"still serving\"]", 2));
    assertThat(another.readText()).contains("still serving");
  }

  @Test
  void aBroadcastReachesEveryOpenSession() throws Exception {
    start(builder -> builder);
    JdkWebSocket first = connect();
    JdkWebSocket second = connect();
    // An answer on each shows that its session is open and in the group.
    first.sendText(call("echo", "[1]", 1));
    assertThat(first.readText()).contains("\"result\":1");
    second.sendText(call("echo", "[2]", 2));
    assertThat(second.readText()).contains("\"result\":2");
    ConnectionGroup group = config.connections();
    assertThat(group.broadcast("news", "hello")).isEqualTo(2);
    String news = "{\"jsonrpc\":\"2.0\",\"method\":\"news\",\"params\":[\"hello\"]}";
    assertThat(first.readText()).isEqualTo(news);
    assertThat(second.readText()).isEqualTo(news);
  }

  @Test
  void shutdownAllClosesTheSessionsWithGoingAway() throws Exception {
    start(builder -> builder);
    JdkWebSocket socket = connect();
    socket.sendText(call("echo", "[1]", 1));
    assertThat(socket.readText()).contains("\"result\":1");
    config.connections().shutdownAll(Duration.ofSeconds(5)).get(10, TimeUnit.SECONDS);
    assertThat(socket.closeCode()).isEqualTo(1001);
  }
}
