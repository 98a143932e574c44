package io.jsonrpc2.httpclient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jsonrpc2.JsonRpcClient;
import io.jsonrpc2.client.CallTimeoutException;
import io.jsonrpc2.client.ErrorResponseException;
import io.jsonrpc2.client.InvalidResponseException;
import io.jsonrpc2.client.OutboundMessage;
import io.jsonrpc2.client.ParseResponseException;
import io.jsonrpc2.client.TransportException;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Error statuses, bad bodies, refused connections and timeouts, each as the caller sees it. */
@Timeout(30)
class HttpErrorRepliesTest {
  private static final String HTML_PAGE =
      "<html><head><title>502 Bad Gateway</title></head><body>"
          + "<p>upstream unavailable</p>".repeat(40)
          + "</body></html>";

  private JdkHttpTestServer server;
  private JsonRpcClient client;

  @BeforeEach
  void start() throws Exception {
    server = JdkHttpTestServer.serve(TestServices.service());
    client = JsonRpcHttp.client(server.uri());
  }

  @AfterEach
  void stop() {
    client.close();
    server.close();
  }

  @Test
  void aNon2xxReplyWithAJsonRpcErrorIsThatError() {
    server.reply(
        500,
        "application/json",
        "{\"jsonrpc\":\"2.0\",\"error\":{\"code\":-32603,\"message\":\"Internal error\"},\"id\":1}");

    assertThatThrownBy(() -> client.call("cat", String.class))
        .isInstanceOfSatisfying(
            ErrorResponseException.class, e -> assertThat(e.code()).isEqualTo(-32603));
  }

  @Test
  void aParseErrorWithIdNullOnA400AnswersTheCall() {
    server.reply(
        400,
        "application/json",
        "{\"jsonrpc\": \"2.0\", \"error\": {\"code\": -32700, \"message\": \"Parse error\"}, \"id\": null}");

    assertThatThrownBy(() -> client.call("cat", String.class))
        .isInstanceOfSatisfying(
            ErrorResponseException.class, e -> assertThat(e.code()).isEqualTo(-32700));
  }

  @Test
  void aNon2xxReplyWithAJsonRpcResultGivesTheResult() {
    server.reply(500, "application/json", "[{\"jsonrpc\":\"2.0\",\"result\":\"purr\",\"id\":1}]");

    assertThat(client.call("cat", String.class)).isEqualTo("purr");
  }

  @Test
  void anHtmlErrorPageIsAnHttpStatusExceptionWithStatusReasonAndBodyStart() {
    server.reply(502, "text/html", HTML_PAGE);

    assertThatThrownBy(() -> client.call("cat", String.class))
        .isInstanceOfSatisfying(
            HttpStatusException.class,
            e -> {
              assertThat(e.statusCode()).isEqualTo(502);
              assertThat(e.reason()).isEqualTo("Bad Gateway");
              assertThat(e.bodyStart()).startsWith("<html><head><title>502 Bad Gateway");
              assertThat(e.bodyStart()).hasSize(203).endsWith("...");
              assertThat(e.headers().get("content-type")).containsExactly("text/html");
              assertThat(e.getMessage())
                  .startsWith("HTTP 502 Bad Gateway from " + server.uri() + ": <html>");
            });
    assertThat(client.call("cat", String.class)).isEqualTo("meow");
  }

  @Test
  void aRefusedLoginIsAnHttpStatusException() {
    server.reply(401, Map.of("WWW-Authenticate", "Basic realm=\"rpc\""), null);

    assertThatThrownBy(() -> client.call("cat", String.class))
        .isInstanceOfSatisfying(
            HttpStatusException.class,
            e -> {
              assertThat(e.statusCode()).isEqualTo(401);
              assertThat(e.reason()).isEqualTo("Unauthorized");
              assertThat(e.bodyStart()).isEmpty();
              assertThat(e.headers().get("WWW-Authenticate"))
                  .containsExactly("Basic realm=\"rpc\"");
              assertThat(e.getMessage()).endsWith("(empty body)");
            });
  }

  @Test
  void jsonThatIsNotJsonRpcOnANon2xxIsAnHttpStatusException() {
    server.reply(404, "application/json", "{\"error\":\"no such path\"}");

    assertThatThrownBy(() -> client.call("cat", String.class))
        .isInstanceOfSatisfying(
            HttpStatusException.class,
            e -> assertThat(e.bodyStart()).isEqualTo("{\"error\":\"no such path\"}"));
  }

  @Test
  void aNon2xxNotificationFailsTheTransportSend() {
    server.reply(503, "text/plain", "down for maintenance");
    try (HttpClientTransport transport = HttpClientTransport.builder(server.uri()).build()) {
      byte[] notification =
          "{\"jsonrpc\":\"2.0\",\"method\":\"update\"}".getBytes(StandardCharsets.UTF_8);

      assertThat(transport.send(new OutboundMessage(notification, false, Map.of())))
          .failsWithin(Duration.ofSeconds(10))
          .withThrowableThat()
          .havingCause()
          .isInstanceOf(HttpStatusException.class)
          .withMessageContaining("HTTP 503 Service Unavailable")
          .withMessageContaining("down for maintenance");
    }
  }

  @Test
  void a2xxReplyThatIsNotJsonIsAParseResponseException() {
    server.reply(200, "text/html", "<html>oops</html>");

    assertThatThrownBy(() -> client.call("cat", String.class))
        .isInstanceOf(ParseResponseException.class)
        .hasMessageContaining("not JSON");
  }

  @Test
  void a2xxReplyThatIsNotAJsonRpcResponseIsAnInvalidResponseException() {
    server.reply(200, "application/json", "{\"result\":\"meow\",\"id\":1}");

    assertThatThrownBy(() -> client.call("cat", String.class))
        .isInstanceOf(InvalidResponseException.class)
        .hasMessageContaining("jsonrpc");
  }

  @Test
  void aResponseForAnotherIdIsAnInvalidResponseException() {
    server.reply(200, "application/json", "{\"jsonrpc\":\"2.0\",\"result\":\"meow\",\"id\":99}");

    assertThatThrownBy(() -> client.call("cat", String.class))
        .isInstanceOf(InvalidResponseException.class);
  }

  @Test
  void aRefusedConnectionIsATransportExceptionNamingTheEndpoint() throws Exception {
    int freePort;
    try (ServerSocket probe = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      freePort = probe.getLocalPort();
    }
    String endpoint = "http://127.0.0.1:" + freePort + "/rpc";
    try (JsonRpcClient refused = JsonRpcHttp.client(endpoint)) {
      assertThatThrownBy(() -> refused.call("cat", String.class))
          .isInstanceOf(TransportException.class)
          .hasMessageStartingWith("could not connect to " + endpoint)
          .hasCauseInstanceOf(ConnectException.class);
    }
  }

  @Test
  void theRequestTimeoutEndsASlowExchangeAndTheClientStaysUsable() {
    CountDownLatch release = new CountDownLatch(1);
    server.hold(release);
    try (JsonRpcClient impatient =
        JsonRpcHttp.client(
            HttpClientTransport.builder(server.uri())
                .requestTimeout(Duration.ofMillis(300))
                .build())) {
      assertThatThrownBy(() -> impatient.call("cat", String.class))
          .isInstanceOf(CallTimeoutException.class)
          .hasMessage(
              "no HTTP response from " + server.uri() + " within the request timeout of PT0.3S");
      release.countDown();
      assertThat(impatient.call("echo", String.class, "after")).isEqualTo("after");
    } finally {
      release.countDown();
    }
  }

  @Test
  void aReplyLargerThanTheLimitIsRefused() {
    String big = "{\"jsonrpc\":\"2.0\",\"result\":\"" + "m".repeat(500) + "\",\"id\":1}";
    server.reply(200, "application/json", big);
    server.replyChunked(200, "application/json", big.replace("\"id\":1", "\"id\":2"));
    try (JsonRpcClient limited =
        JsonRpcHttp.client(HttpClientTransport.builder(server.uri()).maxReplySize(100).build())) {
      // The first reply declares its length, the second comes chunked: both paths must refuse.
      for (int call = 0; call < 2; call++) {
        assertThatThrownBy(() -> limited.call("cat", String.class))
            .isInstanceOf(TransportException.class)
            .hasMessageContaining("larger than the limit of 100 bytes");
      }
      assertThat(limited.call("cat", String.class)).isEqualTo("meow");
    }
  }

  @Test
  void aClosedTransportRefusesToSend() {
    HttpClientTransport transport = HttpClientTransport.builder(server.uri()).build();
    transport.close();
    byte[] request =
        "{\"jsonrpc\":\"2.0\",\"method\":\"cat\",\"id\":1}".getBytes(StandardCharsets.UTF_8);

    assertThat(transport.send(new OutboundMessage(request, true, Map.of())))
        .failsWithin(Duration.ofSeconds(5))
        .withThrowableThat()
        .havingCause()
        .isInstanceOf(TransportException.class)
        .withMessageContaining("is closed");
  }
}
