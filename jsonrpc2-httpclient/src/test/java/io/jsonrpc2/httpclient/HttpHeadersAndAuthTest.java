package io.jsonrpc2.httpclient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jsonrpc2.JsonRpcClient;
import io.jsonrpc2.client.CallOptions;
import io.jsonrpc2.client.TransportException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Session headers and credentials, and per-call ones merged over them, as the server sees them. */
@Timeout(30)
class HttpHeadersAndAuthTest {
  private JdkHttpTestServer server;
  private JsonRpcClient client;

  @BeforeEach
  void start() throws Exception {
    server = JdkHttpTestServer.serve(TestServices.service());
    client =
        JsonRpcHttp.client(
            HttpClientTransport.builder(server.uri())
                .header("X-Client", "inventory")
                .headers(Map.of("X-Trace", "session"))
                .basicAuth("user", "pass")
                .build());
  }

  @AfterEach
  void stop() {
    client.close();
    server.close();
  }

  private static String basic(String user, String password) {
    return "Basic "
        + Base64.getEncoder()
            .encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
  }

  private JdkHttpTestServer.Received callAndTake(JsonRpcClient caller) throws InterruptedException {
    assertThat(caller.call("cat", String.class)).isEqualTo("meow");
    return server.takeReceived();
  }

  @Test
  void sendsSessionHeadersAndBasicAuthWithEveryMessage() throws Exception {
    JdkHttpTestServer.Received request = callAndTake(client);

    assertThat(request.header("X-Client")).isEqualTo("inventory");
    assertThat(request.header("X-Trace")).isEqualTo("session");
    assertThat(request.header("Authorization")).isEqualTo("Basic dXNlcjpwYXNz");
  }

  @Test
  void aCallHeaderReplacesTheSessionOneOfTheSameNameAndKeepsTheOthers() throws Exception {
    JdkHttpTestServer.Received request =
        callAndTake(client.withOptions(HttpCallOptions.header("x-trace", "call-7")));

    assertThat(request.headers().get("X-Trace")).containsExactly("call-7");
    assertThat(request.header("X-Client")).isEqualTo("inventory");
    assertThat(request.header("Authorization")).isEqualTo("Basic dXNlcjpwYXNz");
  }

  @Test
  void callOptionsDoNotChangeTheSession() throws Exception {
    callAndTake(client.withOptions(HttpCallOptions.header("X-Trace", "once")));

    assertThat(callAndTake(client).header("X-Trace")).isEqualTo("session");
  }

  @Test
  void callCredentialsReplaceTheSessionOnes() throws Exception {
    JdkHttpTestServer.Received request =
        callAndTake(client.withOptions(HttpCallOptions.basicAuth("jürgen", "pässwörd")));

    assertThat(request.headers().get("Authorization")).containsExactly(basic("jürgen", "pässwörd"));
    assertThat(request.header("X-Client")).isEqualTo("inventory");
  }

  @Test
  void aBearerTokenForOneCallReplacesSessionBasicAuth() throws Exception {
    JdkHttpTestServer.Received request =
        callAndTake(client.withOptions(HttpCallOptions.bearerToken("t0k3n")));

    assertThat(request.headers().get("Authorization")).containsExactly("Bearer t0k3n");
  }

  @Test
  void optionsMergeAcrossWithOptionsAndTheLaterValueWins() throws Exception {
    JsonRpcClient derived =
        client
            .withOptions(
                HttpCallOptions.header("X-A", "1").mergedWith(HttpCallOptions.basicAuth("a", "b")))
            .withOptions(HttpCallOptions.headers(Map.of("X-B", "2", "X-A", "3")));

    JdkHttpTestServer.Received request = callAndTake(derived);

    assertThat(request.headers().get("X-A")).containsExactly("3");
    assertThat(request.header("X-B")).isEqualTo("2");
    assertThat(request.header("Authorization")).isEqualTo(basic("a", "b"));
    assertThat(request.header("X-Client")).isEqualTo("inventory");
  }

  @Test
  void theContentTypeCanBeOverriddenAsInJsonrpcclient() throws Exception {
    JdkHttpTestServer.Received request =
        callAndTake(
            client.withOptions(HttpCallOptions.header("Content-Type", "application/json-rpc")));

    assertThat(request.headers().get("Content-Type")).containsExactly("application/json-rpc");
    assertThat(request.header("Accept")).isEqualTo("application/json");
  }

  @Test
  void aPlainStringTransportOptionIsAHeaderToo() throws Exception {
    CallOptions raw = CallOptions.DEFAULT.withTransportOption("http.header.x-raw", "plain");

    assertThat(callAndTake(client.withOptions(raw)).header("X-Raw")).isEqualTo("plain");
  }

  @Test
  void aMalformedHeaderOptionFailsTheCallClearly() {
    CallOptions bad = CallOptions.DEFAULT.withTransportOption("http.header.x-count", 3);

    assertThatThrownBy(() -> client.withOptions(bad).call("cat", String.class))
        .isInstanceOf(TransportException.class)
        .hasMessageContaining("http.header.x-count must be an HttpHeader or a String")
        .hasRootCauseInstanceOf(IllegalArgumentException.class);
    assertThat(server.receivedCount()).isZero();
  }

  @Test
  void badHeadersAreRefusedWhereTheyAreWritten() {
    assertThatThrownBy(() -> HttpCallOptions.header("Bad Name", "x"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("not a valid HTTP header name");
    assertThatThrownBy(() -> HttpCallOptions.header("Host", "elsewhere"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("set by the HTTP client itself");
    assertThatThrownBy(() -> HttpCallOptions.header("X-Evil", "a\r\nX-Injected: 1"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("CR, LF or NUL");
    assertThatThrownBy(() -> HttpCallOptions.basicAuth("a:b", "c"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("':'");
    assertThatThrownBy(
            () -> HttpClientTransport.builder("http://127.0.0.1/rpc").header("Content-Length", "5"))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void credentialsNeverShowInAHeadersText() {
    assertThat(HttpHeader.basicAuth("user", "pass")).hasToString("Authorization: ***");
    assertThat(new HttpHeader("X-Client", "inventory")).hasToString("X-Client: inventory");
  }

  @Test
  void theSessionHeadersIncludeTheJsonDefaults() {
    try (HttpClientTransport transport =
        HttpClientTransport.builder(server.uri()).header("X-A", "1").build()) {
      assertThat(transport.sessionHeaders().keySet())
          .containsExactly("content-type", "accept", "x-a");
      assertThat(List.copyOf(transport.sessionHeaders().values()))
          .extracting(HttpHeader::value)
          .containsExactly("application/json", "application/json", "1");
    }
  }
}
