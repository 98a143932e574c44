package io.jsonrpc2.testing;

import static io.jsonrpc2.testing.JsonAssertions.assertSameJson;
import static java.util.Objects.requireNonNull;
import static org.assertj.core.api.Assertions.assertThat;

import io.jsonrpc2.CallContext;
import io.jsonrpc2.JsonRpcMethod;
import io.jsonrpc2.JsonRpcService;
import io.jsonrpc2.NonBlocking;
import io.jsonrpc2.http.BasicAuthenticator;
import io.jsonrpc2.http.BearerTokenAuthenticator;
import io.jsonrpc2.http.HttpRules;
import java.io.ByteArrayInputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublisher;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The {@link HttpRules} as every jsonrpc2 HTTP server must apply them, checked over real loopback
 * sockets with the JDK's HTTP client and with raw connections.
 *
 * <p>A server's test extends this class and says how to serve a service under given rules. Each
 * test starts its own server (with the rules it needs) and stops it afterwards.
 */
@Timeout(30)
public abstract class HttpServerConformanceTest {
  protected static final String ECHO =
      "{\"jsonrpc\":\"2.0\",\"method\":\"echo\",\"params\":[\"hello\"],\"id\":1}";
  protected static final String ECHO_REPLY = "{\"jsonrpc\":\"2.0\",\"result\":\"hello\",\"id\":1}";

  private final HttpClient client =
      HttpClient.newBuilder()
          .version(HttpClient.Version.HTTP_1_1)
          .connectTimeout(Duration.ofSeconds(5))
          .build();
  private @Nullable URI endpoint;

  private URI endpoint() {
    return requireNonNull(endpoint, "the server is not started");
  }

  /**
   * Serves {@code service} under {@code rules} on 127.0.0.1, on a free port.
   *
   * @return the endpoint, such as {@code http://127.0.0.1:41234/rpc}
   */
  protected abstract URI startServer(JsonRpcService service, HttpRules rules) throws Exception;

  /** Stops what {@link #startServer} started. */
  protected abstract void stopServer() throws Exception;

  /** The methods the tests call. */
  public static final class Methods {
    @JsonRpcMethod
    @NonBlocking
    public String echo(String text) {
      return text;
    }

    @JsonRpcMethod
    @NonBlocking
    public void ping() {}

    @JsonRpcMethod
    @NonBlocking
    public String whoami(CallContext context) {
      return context.transport().principalIfAny().map(p -> p.getName()).orElse("anonymous");
    }

    @JsonRpcMethod
    @NonBlocking
    public List<String> transport(CallContext context) {
      var transport = context.transport();
      return List.of(
          transport.transport(),
          ((InetSocketAddress) requireNonNull(transport.remoteAddress()))
              .getAddress()
              .getHostAddress(),
          transport.header("x-trace").orElse("-"));
    }

    /** Answers after {@code millis}, off the I/O thread, to show answers keep request order. */
    @JsonRpcMethod
    public CompletionStage<String> later(String text, long millis) {
      return CompletableFuture.supplyAsync(
          () -> text, CompletableFuture.delayedExecutor(millis, TimeUnit.MILLISECONDS));
    }
  }

  protected static JsonRpcService service() {
    return JsonRpcService.builder().handler(new Methods()).build();
  }

  private void serve(HttpRules rules) throws Exception {
    endpoint = startServer(service(), rules);
  }

  @AfterEach
  void stop() throws Exception {
    if (endpoint != null) {
      stopServer();
      endpoint = null;
    }
  }

  private HttpResponse<String> post(String body, String... headers) throws Exception {
    return post(BodyPublishers.ofString(body), false, headers);
  }

  private HttpResponse<String> post(BodyPublisher body, boolean expectContinue, String... headers)
      throws Exception {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(endpoint())
            .timeout(Duration.ofSeconds(10))
            .expectContinue(expectContinue)
            .POST(body);
    for (int i = 0; i < headers.length; i += 2) {
      request.header(headers[i], headers[i + 1]);
    }
    return client.send(request.build(), BodyHandlers.ofString());
  }

  private HttpResponse<String> send(String method, String... headers) throws Exception {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(endpoint())
            .timeout(Duration.ofSeconds(10))
            .method(method, BodyPublishers.noBody());
    for (int i = 0; i < headers.length; i += 2) {
      request.header(headers[i], headers[i + 1]);
    }
    return client.send(request.build(), BodyHandlers.ofString());
  }

  private RawHttpConnection raw() throws Exception {
    return new RawHttpConnection(endpoint().getHost(), endpoint().getPort());
  }

  private static String basic(String user, String password) {
    return "Basic "
        + Base64.getEncoder()
            .encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
  }

  // ---- methods and content types -------------------------------------------------------------

  @Test
  void aJsonPostGets200WithTheReply() throws Exception {
    serve(HttpRules.defaults());
    HttpResponse<String> response = post(ECHO, "Content-Type", "application/json");
    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.headers().firstValue("Content-Type"))
        .hasValueSatisfying(v -> assertThat(v).startsWith("application/json"));
    assertSameJson(response.body(), ECHO_REPLY);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "application/json; charset=utf-8",
        "application/json;charset=\"UTF-8\"",
        "Application/JSON",
        "application/json-rpc",
        "application/json-rpc; charset=utf-8",
        "application/jsonrequest",
        "application/jsonrequest; charset=UTF-8"
      })
  void everyJsonTypeWithAnyCharsetIsServed(String contentType) throws Exception {
    serve(HttpRules.defaults());
    HttpResponse<String> response = post(ECHO, "Content-Type", contentType);
    assertThat(response.statusCode()).isEqualTo(200);
    assertSameJson(response.body(), ECHO_REPLY);
  }

  @Test
  void aRequestWithoutContentTypeIsServed() throws Exception {
    serve(HttpRules.defaults());
    try (RawHttpConnection connection = raw()) {
      RawHttpConnection.Response response =
          connection.send(RawHttpConnection.post(endpoint().getPath(), ECHO)).read();
      assertThat(response.status()).isEqualTo(200);
      assertSameJson(response.bodyText(), ECHO_REPLY);
    }
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "application/x-www-form-urlencoded",
        "multipart/form-data; boundary=x",
        "text/plain",
        "text/plain; charset=UTF-8"
      })
  void whatAFormOrACrossSiteFetchCanSendIsRefusedWith415(String contentType) throws Exception {
    serve(HttpRules.defaults());
    HttpResponse<String> response = post(ECHO, "Content-Type", contentType);
    assertThat(response.statusCode()).isEqualTo(415);
    assertThat(response.body()).contains("application/json");
  }

  @Test
  void twoContentTypesAreABadRequest() throws Exception {
    serve(HttpRules.defaults());
    try (RawHttpConnection connection = raw()) {
      String twice =
          RawHttpConnection.post(
              endpoint().getPath(),
              ECHO,
              "Content-Type: application/json",
              "Content-Type: text/plain");
      assertThat(connection.send(twice).read().status()).isEqualTo(400);
    }
  }

  @Test
  void strictRulesRequireAJsonType() throws Exception {
    serve(HttpRules.builder().strictContentType(true).build());
    try (RawHttpConnection connection = raw()) {
      assertThat(
              connection.send(RawHttpConnection.post(endpoint().getPath(), ECHO)).read().status())
          .isEqualTo(415);
    }
    assertThat(post(ECHO, "Content-Type", "application/octet-stream").statusCode()).isEqualTo(415);
    assertThat(post(ECHO, "Content-Type", "application/json-rpc").statusCode()).isEqualTo(200);
  }

  @Test
  void aBodyInAnotherCharsetIsDecoded() throws Exception {
    serve(HttpRules.defaults());
    byte[] latin1 =
        "{\"jsonrpc\":\"2.0\",\"method\":\"echo\",\"params\":[\"caf\u00e9\"],\"id\":1}"
            .getBytes(StandardCharsets.ISO_8859_1);
    HttpResponse<String> response =
        post(
            BodyPublishers.ofByteArray(latin1),
            false,
            "Content-Type",
            "application/json; charset=ISO-8859-1");
    assertSameJson(response.body(), "{\"jsonrpc\":\"2.0\",\"result\":\"caf\u00e9\",\"id\":1}");
  }

  @ParameterizedTest
  @ValueSource(strings = {"GET", "PUT", "DELETE", "PATCH", "HEAD", "OPTIONS"})
  void onlyPostIsServedOthersGet405WithAllow(String method) throws Exception {
    serve(HttpRules.defaults());
    HttpResponse<String> response = send(method);
    assertThat(response.statusCode()).isEqualTo(405);
    assertThat(response.headers().firstValue("Allow")).hasValue("POST");
  }

  // ---- replies -------------------------------------------------------------------------------

  @Test
  void jsonRpcErrorsAreStill200() throws Exception {
    serve(HttpRules.defaults());
    HttpResponse<String> parseError = post("{\"jsonrpc\":", "Content-Type", "application/json");
    assertThat(parseError.statusCode()).isEqualTo(200);
    assertSameJson(
        parseError.body(),
        "{\"jsonrpc\":\"2.0\",\"error\":{\"code\":-32700,\"message\":\"Parse error\"},\"id\":null}");
    HttpResponse<String> empty = post("", "Content-Type", "application/json");
    assertThat(empty.statusCode()).isEqualTo(200);
    assertThat(empty.body()).contains("-32700");
    HttpResponse<String> unknown =
        post(
            "{\"jsonrpc\":\"2.0\",\"method\":\"nope\",\"id\":7}",
            "Content-Type",
            "application/json");
    assertThat(unknown.statusCode()).isEqualTo(200);
    assertThat(unknown.body()).contains("-32601");
  }

  @Test
  void onlyNotificationsGetAnEmpty200ByDefault() throws Exception {
    serve(HttpRules.defaults());
    HttpResponse<String> single =
        post("{\"jsonrpc\":\"2.0\",\"method\":\"ping\"}", "Content-Type", "application/json");
    assertThat(single.statusCode()).isEqualTo(200);
    assertThat(single.body()).isEmpty();
    HttpResponse<String> batch =
        post(
            "[{\"jsonrpc\":\"2.0\",\"method\":\"ping\"},{\"jsonrpc\":\"2.0\",\"method\":\"ping\"}]",
            "Content-Type",
            "application/json");
    assertThat(batch.statusCode()).isEqualTo(200);
    assertThat(batch.body()).isEmpty();
  }

  @Test
  void onlyNotificationsGet204WhenConfigured() throws Exception {
    serve(HttpRules.builder().notificationStatus(204).build());
    HttpResponse<String> single =
        post("{\"jsonrpc\":\"2.0\",\"method\":\"ping\"}", "Content-Type", "application/json");
    assertThat(single.statusCode()).isEqualTo(204);
    assertThat(single.body()).isEmpty();
    assertSameJson(post(ECHO, "Content-Type", "application/json").body(), ECHO_REPLY);
  }

  @Test
  void methodsSeeTheHttpTransport() throws Exception {
    serve(HttpRules.defaults());
    HttpResponse<String> response =
        post(
            "{\"jsonrpc\":\"2.0\",\"method\":\"transport\",\"id\":1}",
            "Content-Type",
            "application/json",
            "X-Trace",
            "t-42");
    assertSameJson(
        response.body(),
        "{\"jsonrpc\":\"2.0\",\"result\":[\"http\",\"127.0.0.1\",\"t-42\"],\"id\":1}");
  }

  // ---- bodies and connections ----------------------------------------------------------------

  @Test
  void aChunkedBodyIsServed() throws Exception {
    serve(HttpRules.defaults());
    byte[] bytes = ECHO.getBytes(StandardCharsets.UTF_8);
    HttpResponse<String> response =
        post(
            BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(bytes)),
            false,
            "Content-Type",
            "application/json");
    assertThat(response.statusCode()).isEqualTo(200);
    assertSameJson(response.body(), ECHO_REPLY);
    try (RawHttpConnection connection = raw()) {
      String chunked =
          "POST "
              + endpoint().getPath()
              + " HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\n"
              + "10\r\n"
              + ECHO.substring(0, 16)
              + "\r\n"
              + Integer.toHexString(ECHO.length() - 16)
              + "\r\n"
              + ECHO.substring(16)
              + "\r\n0\r\n\r\n";
      RawHttpConnection.Response answer = connection.send(chunked).read();
      assertSameJson(answer.bodyText(), ECHO_REPLY);
    }
  }

  @Test
  void aBodyOverTheLimitGets413AndTheServerGoesOn() throws Exception {
    serve(HttpRules.builder().maxBodyBytes(ECHO.length()).build());
    String tooLong = ECHO + " ";
    assertThat(post(tooLong, "Content-Type", "application/json").statusCode()).isEqualTo(413);
    byte[] bytes = tooLong.getBytes(StandardCharsets.UTF_8);
    HttpResponse<String> chunked =
        post(
            BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(bytes)),
            false,
            "Content-Type",
            "application/json");
    assertThat(chunked.statusCode()).isEqualTo(413);
    assertSameJson(post(ECHO, "Content-Type", "application/json").body(), ECHO_REPLY);
  }

  @Test
  void aClientStillSendingAnOverlongBodyGetsThe413() throws Exception {
    serve(HttpRules.builder().maxBodyBytes(1024).build());
    byte[] big = new byte[2 * 1024 * 1024];
    java.util.Arrays.fill(big, (byte) ' ');
    for (int i = 0; i < 3; i++) {
      assertThat(post(BodyPublishers.ofByteArray(big), false).statusCode()).isEqualTo(413);
      assertThat(
              post(BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(big)), false)
                  .statusCode())
          .isEqualTo(413);
    }
  }

  @Test
  void connectionsAreKeptAlive() throws Exception {
    serve(HttpRules.defaults());
    try (RawHttpConnection connection = raw()) {
      for (int i = 0; i < 3; i++) {
        RawHttpConnection.Response response =
            connection
                .send(
                    RawHttpConnection.post(
                        endpoint().getPath(), ECHO, "Content-Type: application/json"))
                .read();
        assertThat(response.status()).isEqualTo(200);
        assertSameJson(response.bodyText(), ECHO_REPLY);
        assertThat(response.header("Connection")).isNotEqualToIgnoringCase("close");
      }
    }
  }

  @Test
  void http10ClosesUnlessAskedToKeepAlive() throws Exception {
    serve(HttpRules.defaults());
    String http10 =
        RawHttpConnection.post(endpoint().getPath(), ECHO, "Content-Type: application/json")
            .replace("HTTP/1.1", "HTTP/1.0");
    try (RawHttpConnection connection = raw()) {
      assertSameJson(connection.send(http10).read().bodyText(), ECHO_REPLY);
      assertThat(connection.isClosedByServer()).isTrue();
    }
    String keepAlive = http10.replace("Content-Type:", "Connection: keep-alive\r\nContent-Type:");
    try (RawHttpConnection connection = raw()) {
      RawHttpConnection.Response first = connection.send(keepAlive).read();
      assertThat(first.header("Connection")).isEqualToIgnoringCase("keep-alive");
      assertSameJson(connection.send(keepAlive).read().bodyText(), ECHO_REPLY);
    }
  }

  @Test
  void aRefusedRequestsBodyIsSkippedAndTheConnectionServesTheNextOne() throws Exception {
    serve(
        HttpRules.builder()
            .authenticator(BearerTokenAuthenticator.of("rpc", Map.of("t-1", "bot")))
            .build());
    try (RawHttpConnection connection = raw()) {
      String path = endpoint().getPath();
      connection.send(RawHttpConnection.post(path, ECHO, "Content-Type: text/plain"));
      assertThat(connection.read().status()).isEqualTo(415);
      connection.send(RawHttpConnection.post(path, ECHO, "Content-Type: application/json"));
      assertThat(connection.read().status()).isEqualTo(401);
      connection.send(
          RawHttpConnection.post(
              path, ECHO, "Content-Type: application/json", "Authorization: Bearer t-1"));
      assertSameJson(connection.read().bodyText(), ECHO_REPLY);
    }
  }

  @Test
  void pipelinedRequestsAreAnsweredInOrder() throws Exception {
    serve(HttpRules.defaults());
    String slow = "{\"jsonrpc\":\"2.0\",\"method\":\"later\",\"params\":[\"first\",150],\"id\":1}";
    String fast = "{\"jsonrpc\":\"2.0\",\"method\":\"echo\",\"params\":[\"second\"],\"id\":2}";
    try (RawHttpConnection connection = raw()) {
      connection.send(
          RawHttpConnection.post(endpoint().getPath(), slow, "Content-Type: application/json")
              + RawHttpConnection.post(
                  endpoint().getPath(), fast, "Content-Type: application/json"));
      assertSameJson(
          connection.read().bodyText(), "{\"jsonrpc\":\"2.0\",\"result\":\"first\",\"id\":1}");
      assertSameJson(
          connection.read().bodyText(), "{\"jsonrpc\":\"2.0\",\"result\":\"second\",\"id\":2}");
    }
  }

  @Test
  void expectContinueIsHonoured() throws Exception {
    serve(HttpRules.defaults());
    HttpResponse<String> accepted =
        post(BodyPublishers.ofString(ECHO), true, "Content-Type", "application/json");
    assertSameJson(accepted.body(), ECHO_REPLY);
    String head =
        RawHttpConnection.post(
                endpoint().getPath(), "", "Expect: 100-continue", "Content-Type: application/json")
            .replace("Content-Length: 0", "Content-Length: " + ECHO.length());
    try (RawHttpConnection connection = raw()) {
      assertThat(connection.send(head).read().status()).isEqualTo(100);
      RawHttpConnection.Response response = connection.send(ECHO).read();
      assertSameJson(response.bodyText(), ECHO_REPLY);
    }
    // (The JDK 17.0.15 client hangs on a final answer to Expect, JDK-8286171: raw bytes here.)
    try (RawHttpConnection connection = raw()) {
      assertThat(connection.send(head.replace("application/json", "text/plain")).read().status())
          .isEqualTo(415);
    }
  }

  // ---- authentication ------------------------------------------------------------------------

  @Test
  void basicAuthenticationAcceptedAndRefused() throws Exception {
    serve(
        HttpRules.builder()
            .authenticator(BasicAuthenticator.of("rpc", Map.of("ann", "s3cret")))
            .build());
    String whoami = "{\"jsonrpc\":\"2.0\",\"method\":\"whoami\",\"id\":1}";
    HttpResponse<String> accepted =
        post(whoami, "Content-Type", "application/json", "Authorization", basic("ann", "s3cret"));
    assertThat(accepted.statusCode()).isEqualTo(200);
    assertSameJson(accepted.body(), "{\"jsonrpc\":\"2.0\",\"result\":\"ann\",\"id\":1}");
    for (String[] headers :
        List.of(
            new String[] {"Content-Type", "application/json"},
            new String[] {
              "Content-Type", "application/json", "Authorization", basic("ann", "wrong")
            })) {
      HttpResponse<String> refused = post(whoami, headers);
      assertThat(refused.statusCode()).isEqualTo(401);
      assertThat(refused.headers().firstValue("WWW-Authenticate"))
          .hasValue("Basic realm=\"rpc\", charset=\"UTF-8\"");
    }
  }

  @Test
  void bearerAuthenticationAcceptedAndRefused() throws Exception {
    serve(
        HttpRules.builder()
            .authenticator(BearerTokenAuthenticator.of("rpc", Map.of("t-1", "build-bot")))
            .build());
    String whoami = "{\"jsonrpc\":\"2.0\",\"method\":\"whoami\",\"id\":1}";
    HttpResponse<String> accepted =
        post(whoami, "Content-Type", "application/json", "Authorization", "Bearer t-1");
    assertSameJson(accepted.body(), "{\"jsonrpc\":\"2.0\",\"result\":\"build-bot\",\"id\":1}");
    HttpResponse<String> missing = post(whoami, "Content-Type", "application/json");
    assertThat(missing.statusCode()).isEqualTo(401);
    assertThat(missing.headers().firstValue("WWW-Authenticate")).hasValue("Bearer realm=\"rpc\"");
    HttpResponse<String> invalid =
        post(whoami, "Content-Type", "application/json", "Authorization", "Bearer t-2");
    assertThat(invalid.statusCode()).isEqualTo(401);
    assertThat(invalid.headers().firstValue("WWW-Authenticate"))
        .hasValue("Bearer realm=\"rpc\", error=\"invalid_token\"");
  }

  @Test
  void aFailingAuthenticatorIsA500AndTheServerGoesOn() throws Exception {
    serve(
        HttpRules.builder()
            .authenticator(
                (headers, remote) -> {
                  if (headers.containsKey("X-Break")) {
                    throw new IllegalStateException("directory down");
                  }
                  return io.jsonrpc2.http.HttpAuthentication.anonymous();
                })
            .build());
    HttpResponse<String> broken = post(ECHO, "Content-Type", "application/json", "X-Break", "1");
    assertThat(broken.statusCode()).isEqualTo(500);
    assertThat(broken.body()).doesNotContain("directory down");
    assertSameJson(post(ECHO, "Content-Type", "application/json").body(), ECHO_REPLY);
  }

  // ---- CORS ----------------------------------------------------------------------------------

  @Test
  void corsIsOffByDefault() throws Exception {
    serve(HttpRules.defaults());
    HttpResponse<String> response =
        post(ECHO, "Content-Type", "application/json", "Origin", "https://app.example");
    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.headers().firstValue("Access-Control-Allow-Origin")).isEmpty();
    HttpResponse<String> preflight =
        send("OPTIONS", "Origin", "https://app.example", "Access-Control-Request-Method", "POST");
    assertThat(preflight.statusCode()).isEqualTo(405);
    assertThat(preflight.headers().firstValue("Access-Control-Allow-Origin")).isEmpty();
  }

  @Test
  void corsOnForConfiguredOrigins() throws Exception {
    serve(HttpRules.builder().corsOrigins("https://app.example").build());
    HttpResponse<String> preflight =
        send(
            "OPTIONS",
            "Origin",
            "https://app.example",
            "Access-Control-Request-Method",
            "POST",
            "Access-Control-Request-Headers",
            "content-type");
    assertThat(preflight.statusCode()).isEqualTo(204);
    assertThat(preflight.headers().firstValue("Access-Control-Allow-Origin"))
        .hasValue("https://app.example");
    assertThat(preflight.headers().firstValue("Access-Control-Allow-Methods")).hasValue("POST");
    assertThat(preflight.headers().firstValue("Access-Control-Allow-Headers"))
        .hasValue("Content-Type, Authorization");
    HttpResponse<String> call =
        post(ECHO, "Content-Type", "application/json", "Origin", "https://app.example");
    assertSameJson(call.body(), ECHO_REPLY);
    assertThat(call.headers().firstValue("Access-Control-Allow-Origin"))
        .hasValue("https://app.example");
    HttpResponse<String> stranger =
        post(ECHO, "Content-Type", "application/json", "Origin", "https://evil.example");
    assertThat(stranger.headers().firstValue("Access-Control-Allow-Origin")).isEmpty();
    assertThat(
            send(
                    "OPTIONS",
                    "Origin",
                    "https://evil.example",
                    "Access-Control-Request-Method",
                    "POST")
                .statusCode())
        .isEqualTo(403);
  }
}
