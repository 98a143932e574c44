package io.jsonrpc2.netty.http;

import static io.jsonrpc2.testing.JsonAssertions.assertSameJson;
import static org.assertj.core.api.Assertions.assertThat;

import io.jsonrpc2.JsonRpcService;
import io.jsonrpc2.http.BasicAuthenticator;
import io.jsonrpc2.http.HttpRules;
import io.jsonrpc2.netty.http.RawWebSocket.Frame;
import io.jsonrpc2.netty.netstring.TestMethods;
import io.jsonrpc2.testing.TestCertificate;
import io.netty.handler.ssl.SslContextBuilder;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** JSON-RPC over WebSocket on the embedded HTTP server's port and path. */
@Timeout(30)
class WebSocketServerTest {
  private final TestMethods methods = new TestMethods();
  private final List<AutoCloseable> open = new ArrayList<>();
  private JsonRpcHttpServer server;

  private JsonRpcHttpServer start(UnaryOperator<JsonRpcHttpServer.Builder> options) {
    server =
        options
            .apply(
                JsonRpcHttpServer.builder(JsonRpcService.builder().handler(methods).build())
                    .host("127.0.0.1")
                    .port(0)
                    .path("/rpc")
                    .ioThreads(1))
            .start();
    return server;
  }

  private JsonRpcHttpServer start() {
    return start(builder -> builder);
  }

  private RawWebSocket connect(String... headers) throws Exception {
    RawWebSocket socket = RawWebSocket.connect(server.port(), "/rpc", headers);
    open.add(socket);
    return socket;
  }

  private RawWebSocket upgraded(String... headers) throws Exception {
    RawWebSocket socket = connect(headers);
    assertThat(socket.handshake.status()).isEqualTo(101);
    return socket;
  }

  @AfterEach
  void stop() throws Exception {
    for (AutoCloseable closeable : open) {
      closeable.close();
    }
    if (server != null) {
      server.close();
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
  void upgradesOnTheRpcPathAndAnswersACall() throws Exception {
    start();
    RawWebSocket socket = upgraded();
    assertThat(socket.handshake.headers()).containsEntry("upgrade", "websocket");
    socket.sendText(call("echo", "[\"h\u00e9llo\"]", 1));
    assertSameJson(socket.readText(), "{\"jsonrpc\":\"2.0\",\"result\":\"h\u00e9llo\",\"id\":1}");
  }

  @Test
  void aBroadcastReachesEveryOpenWebSocket() throws Exception {
    start();
    RawWebSocket first = upgraded();
    RawWebSocket second = upgraded();
    // Answered calls show that both connections are open on the server.
    first.sendText(call("echo", "[1]", 1));
    first.readText();
    second.sendText(call("echo", "[2]", 2));
    second.readText();

    assertThat(server.broadcast("news", "extra")).isEqualTo(2);
    String news = "{\"jsonrpc\":\"2.0\",\"method\":\"news\",\"params\":[\"extra\"]}";
    assertSameJson(first.readText(), news);
    assertSameJson(second.readText(), news);
  }

  @Test
  void answersABatchInOneMessage() throws Exception {
    start();
    RawWebSocket socket = upgraded();
    socket.sendText("[" + call("echo", "[1]", 1) + "," + call("echo", "[2]", 2) + "]");
    String reply = socket.readText();
    assertThat(reply).startsWith("[").contains("\"result\":1").contains("\"result\":2");
  }

  @Test
  void servesANotificationWithoutAnswer() throws Exception {
    start();
    RawWebSocket socket = upgraded();
    socket.sendText("{\"jsonrpc\":\"2.0\",\"method\":\"note\",\"params\":[\"hi\"]}");
    socket.sendText(call("echo", "[\"after\"]", 2));
    assertThat(methods.notes.poll(10, TimeUnit.SECONDS)).isEqualTo("hi");
    assertThat(socket.readText()).contains("\"result\":\"after\"");
  }

  @Test
  void answersAPingWithAPong() throws Exception {
    start();
    RawWebSocket socket = upgraded();
    socket.send(RawWebSocket.PING, true, "are you there".getBytes(StandardCharsets.UTF_8));
    Frame pong = socket.read();
    assertThat(pong.opcode()).isEqualTo(RawWebSocket.PONG);
    assertThat(pong.text()).isEqualTo("are you there");
  }

  @Test
  void joinsAFragmentedMessage() throws Exception {
    start();
    RawWebSocket socket = upgraded();
    byte[] message = call("echo", "[\"in three parts\"]", 7).getBytes(StandardCharsets.UTF_8);
    socket.send(RawWebSocket.TEXT, false, slice(message, 0, 10));
    socket.send(RawWebSocket.PING, true, new byte[0]); // control frames may come between fragments
    socket.send(RawWebSocket.CONTINUATION, false, slice(message, 10, 20));
    socket.send(RawWebSocket.CONTINUATION, true, slice(message, 20, message.length));
    assertThat(socket.readText()).contains("\"result\":\"in three parts\"");
  }

  private static byte[] slice(byte[] bytes, int from, int to) {
    byte[] part = new byte[to - from];
    System.arraycopy(bytes, from, part, 0, part.length);
    return part;
  }

  @Test
  void closesWith1003OnABinaryMessage() throws Exception {
    start();
    RawWebSocket socket = upgraded();
    socket.send(RawWebSocket.BINARY, true, call("echo", "[1]", 1).getBytes(StandardCharsets.UTF_8));
    Frame close = socket.read();
    assertThat(close.opcode()).isEqualTo(RawWebSocket.CLOSE);
    assertThat(close.closeCode()).isEqualTo(1003);
    assertThat(socket.isClosedByServer()).isTrue();
  }

  @Test
  void closesWith1009OnAFrameOverTheLimit() throws Exception {
    start(builder -> builder.webSocketMaxMessageBytes(1000));
    RawWebSocket socket = upgraded();
    socket.sendText(call("echo", "[\"" + "x".repeat(2000) + "\"]", 1));
    Frame close = socket.read();
    assertThat(close.opcode()).isEqualTo(RawWebSocket.CLOSE);
    assertThat(close.closeCode()).isEqualTo(1009);
    assertThat(socket.isClosedByServer()).isTrue();
  }

  @Test
  void closesWith1009OnFragmentsThatTogetherGoOverTheLimit() throws Exception {
    start(builder -> builder.webSocketMaxMessageBytes(1000));
    RawWebSocket socket = upgraded();
    socket.send(RawWebSocket.TEXT, false, "x".repeat(600).getBytes(StandardCharsets.UTF_8));
    socket.send(RawWebSocket.CONTINUATION, true, "x".repeat(600).getBytes(StandardCharsets.UTF_8));
    Frame close = socket.read();
    assertThat(close.opcode()).isEqualTo(RawWebSocket.CLOSE);
    assertThat(close.closeCode()).isEqualTo(1009);
    assertThat(socket.isClosedByServer()).isTrue();
  }

  @Test
  void aMessageAtTheLimitIsServed() throws Exception {
    start(builder -> builder.webSocketMaxMessageBytes(1000));
    RawWebSocket socket = upgraded();
    String prefix = "{\"jsonrpc\":\"2.0\",\"method\":\"echo\",\"params\":[\"";
    String suffix = "\"],\"id\":1}";
    socket.sendText(prefix + "y".repeat(1000 - prefix.length() - suffix.length()) + suffix);
    assertThat(socket.readText()).contains("\"result\":\"yyy");
  }

  @Test
  void pingsAQuietPeerAndClosesItWhenNoPongComes() throws Exception {
    start(builder -> builder.webSocketPingInterval(Duration.ofMillis(200)));
    RawWebSocket socket = upgraded();
    assertThat(socket.read().opcode()).isEqualTo(RawWebSocket.PING);
    Frame close = socket.read(); // no pong sent
    assertThat(close.opcode()).isEqualTo(RawWebSocket.CLOSE);
    assertThat(close.closeCode()).isEqualTo(1001);
    assertThat(socket.isClosedByServer()).isTrue();
  }

  @Test
  void keepsAPeerThatAnswersPings() throws Exception {
    start(builder -> builder.webSocketPingInterval(Duration.ofMillis(200)));
    RawWebSocket socket = upgraded();
    for (int i = 0; i < 3; i++) {
      Frame ping = socket.read();
      assertThat(ping.opcode()).isEqualTo(RawWebSocket.PING);
      socket.send(RawWebSocket.PONG, true, ping.payload());
    }
    socket.sendText(call("echo", "[\"still here\"]", 1));
    assertThat(socket.readText()).contains("still here");
  }

  @Test
  void servesWssWithTheServersSslContext() throws Exception {
    TestCertificate certificate = TestCertificate.create();
    start(
        builder -> {
          try {
            return builder.tls(
                SslContextBuilder.forServer(certificate.privateKey(), certificate.certificate())
                    .build());
          } catch (Exception e) {
            throw new IllegalStateException(e);
          }
        });
    HttpClient client = HttpClient.newBuilder().sslContext(certificate.clientContext()).build();
    BlockingQueue<String> texts = new LinkedBlockingQueue<>();
    WebSocket socket =
        client
            .newWebSocketBuilder()
            .buildAsync(URI.create("wss://127.0.0.1:" + server.port() + "/rpc"), collect(texts))
            .get(10, TimeUnit.SECONDS);
    socket.sendText(call("whoami", "[]", 1), true).get(10, TimeUnit.SECONDS);
    assertThat(texts.poll(10, TimeUnit.SECONDS)).contains("\"transport\":\"websocket\"");
    socket.abort();
  }

  static WebSocket.Listener collect(BlockingQueue<String> texts) {
    return new WebSocket.Listener() {
      private final StringBuilder partial = new StringBuilder();

      @Override
      public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
        partial.append(data);
        if (last) {
          texts.add(partial.toString());
          partial.setLength(0);
        }
        webSocket.request(1);
        return null;
      }
    };
  }

  @Test
  void refusesPagesOfOriginsNotListedWith403() throws Exception {
    start(builder -> builder.webSocketOrigins("https://good.example"));
    RawWebSocket evil = connect("Origin", "https://evil.example");
    assertThat(evil.handshake.status()).isEqualTo(403);
    assertThat(evil.handshake.body()).contains("https://evil.example");
    assertThat(evil.isClosedByServer()).isTrue();
    RawWebSocket good = upgraded("Origin", "https://GOOD.example/");
    good.sendText(call("echo", "[1]", 1));
    assertThat(good.readText()).contains("\"result\":1");
    RawWebSocket program = upgraded(); // no Origin: not a browser page
    program.sendText(call("echo", "[2]", 2));
    assertThat(program.readText()).contains("\"result\":2");
  }

  @Test
  void anyOriginIsLetInByDefault() throws Exception {
    start();
    RawWebSocket socket = upgraded("Origin", "https://anywhere.example");
    socket.sendText(call("echo", "[1]", 1));
    assertThat(socket.readText()).contains("\"result\":1");
  }

  @Test
  void theAuthenticatorGuardsTheUpgradeAndItsPrincipalReachesEveryCall() throws Exception {
    start(
        builder ->
            builder.rules(
                HttpRules.builder()
                    .authenticator(BasicAuthenticator.of("rpc", Map.of("ann", "pw")))
                    .build()));
    RawWebSocket anonymous = connect();
    assertThat(anonymous.handshake.status()).isEqualTo(401);
    assertThat(anonymous.handshake.headers().get("www-authenticate")).contains("Basic");
    assertThat(anonymous.isClosedByServer()).isTrue();
    RawWebSocket wrong = connect("Authorization", basic("ann:nope"));
    assertThat(wrong.handshake.status()).isEqualTo(401);
    RawWebSocket ann = upgraded("Authorization", basic("ann:pw"));
    for (int id = 1; id <= 2; id++) {
      ann.sendText(call("whoami", "[]", id));
      String who = ann.readText();
      assertThat(who).contains("\"principal\":\"ann\"").contains("\"transport\":\"websocket\"");
    }
  }

  private static String basic(String userAndPassword) {
    return "Basic "
        + Base64.getEncoder().encodeToString(userAndPassword.getBytes(StandardCharsets.UTF_8));
  }

  @Test
  void plainPostStillWorksOnTheSamePortAndPath() throws Exception {
    start();
    RawWebSocket socket = upgraded();
    HttpResponse<String> answer =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + "/rpc"))
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(call("echo", "[\"post\"]", 1)))
                    .build(),
                HttpResponse.BodyHandlers.ofString());
    assertThat(answer.statusCode()).isEqualTo(200);
    assertThat(answer.body()).contains("\"result\":\"post\"");
    socket.sendText(call("echo", "[\"ws\"]", 2));
    assertThat(socket.readText()).contains("\"result\":\"ws\"");
  }

  @Test
  void anUpgradeOnAnotherPathIs404AndWithWebSocketOffIs405() throws Exception {
    start();
    RawWebSocket elsewhere = RawWebSocket.connect(server.port(), "/other");
    open.add(elsewhere);
    assertThat(elsewhere.handshake.status()).isEqualTo(404);
    server.close();
    start(builder -> builder.webSocket(false));
    assertThat(connect().handshake.status()).isEqualTo(405);
  }

  @Test
  void anUpgradeWithoutItsKeyIsABadRequest() throws Exception {
    start();
    try (Socket socket = new Socket("127.0.0.1", server.port())) {
      socket.setSoTimeout(10_000);
      socket
          .getOutputStream()
          .write(
              ("GET /rpc HTTP/1.1\r\nHost: 127.0.0.1\r\nUpgrade: websocket\r\n"
                      + "Connection: Upgrade\r\nSec-WebSocket-Version: 13\r\n\r\n")
                  .getBytes(StandardCharsets.US_ASCII));
      String answer = new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      assertThat(answer).startsWith("HTTP/1.1 400").contains("Not a WebSocket upgrade");
    }
  }

  @Test
  void aMethodCallsItsCallerBackOverTheWebSocket() throws Exception {
    start();
    RawWebSocket socket = upgraded();
    socket.sendText(call("askBack", "[\"why?\"]", "\"outer\""));
    String request = socket.readText();
    assertThat(request).contains("\"method\":\"client.answer\"").contains("\"params\":[\"why?\"]");
    String id = request.replaceAll(".*\"id\":(\\d+).*", "$1");
    socket.sendText("{\"jsonrpc\":\"2.0\",\"result\":\"because\",\"id\":" + id + "}");
    assertSameJson(
        socket.readText(),
        "{\"jsonrpc\":\"2.0\",\"result\":\"you said because\",\"id\":\"outer\"}");
  }

  @Test
  void closingTheSocketCancelsTheCallsInFlight() throws Exception {
    start();
    RawWebSocket socket = upgraded();
    socket.sendText(call("waitForInterrupt", "[]", 1));
    assertThat(methods.waitStarted.tryAcquire(10, TimeUnit.SECONDS)).isTrue();
    socket.close();
    assertThat(methods.interrupted.await(10, TimeUnit.SECONDS)).isTrue();
    RawWebSocket another = upgraded();
    another.sendText(call("echo", "[\"still serving\"]", 2));
    assertThat(another.readText()).contains("still serving");
  }

  @Test
  void shutdownLetsTheCallsInFlightFinishThenClosesTheWebSocket() throws Exception {
    start();
    RawWebSocket socket = upgraded();
    socket.sendText(call("gate", "[\"g\"]", 1));
    socket.sendText(call("echo", "[\"read\"]", 2));
    assertThat(socket.readText()).contains("\"result\":\"read\"");
    assertThat(server.webSocketConnections()).hasSize(1);
    assertThat(server.webSocketConnections().get(0).inFlightCount()).isEqualTo(1);
    var stopped = server.shutdown(Duration.ofSeconds(10));
    assertThat(stopped).isNotDone();
    methods.open("g");
    assertThat(socket.readText()).contains("\"result\":\"g\"");
    Frame close = socket.read();
    assertThat(close.opcode()).isEqualTo(RawWebSocket.CLOSE);
    assertThat(close.closeCode()).isEqualTo(1001);
    stopped.get(10, TimeUnit.SECONDS);
    assertThat(server.webSocketConnections()).isEmpty();
  }
}
