package io.jsonrpc2.netty.http;

import static io.jsonrpc2.testing.JsonAssertions.assertSameJson;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jsonrpc2.http.BasicAuthenticator;
import io.jsonrpc2.http.HttpRules;
import io.jsonrpc2.testing.HttpServerConformanceTest;
import io.jsonrpc2.testing.TestCertificate;
import io.netty.handler.ssl.SslContextBuilder;
import java.io.File;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import javax.net.ssl.SSLHandshakeException;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** HTTPS on the embedded server, with a self-made certificate. */
@Timeout(30)
class NettyHttpTlsTest {
  private static final String ECHO =
      "{\"jsonrpc\":\"2.0\",\"method\":\"echo\",\"params\":[\"hello\"],\"id\":1}";
  private static TestCertificate certificate;

  @BeforeAll
  static void makeCertificate() throws Exception {
    certificate = TestCertificate.create();
  }

  private static HttpResponse<String> post(
      HttpClient client, int port, String body, String... headers) throws Exception {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create("https://127.0.0.1:" + port + "/rpc"))
            .timeout(Duration.ofSeconds(10))
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(body));
    for (int i = 0; i < headers.length; i += 2) {
      request.header(headers[i], headers[i + 1]);
    }
    return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  private static HttpClient trustingClient() throws Exception {
    return HttpClient.newBuilder()
        .version(HttpClient.Version.HTTP_1_1)
        .sslContext(certificate.clientContext())
        .build();
  }

  @Test
  void servesHttpsWithAnSslContextAndBasicAuthOverIt() throws Exception {
    var rules =
        HttpRules.builder()
            .authenticator(BasicAuthenticator.of("rpc", Map.of("ann", "pw")))
            .build();
    var tls =
        SslContextBuilder.forServer(certificate.privateKey(), certificate.certificate()).build();
    try (JsonRpcHttpServer server =
        JsonRpcHttpServer.builder(service())
            .host("127.0.0.1")
            .port(0)
            .path("/rpc")
            .rules(rules)
            .tls(tls)
            .ioThreads(1)
            .build()
            .start()) {
      String basic =
          "Basic " + Base64.getEncoder().encodeToString("ann:pw".getBytes(StandardCharsets.UTF_8));
      HttpResponse<String> response =
          post(
              trustingClient(),
              server.port(),
              "{\"jsonrpc\":\"2.0\",\"method\":\"whoami\",\"id\":1}",
              "Authorization",
              basic);
      assertSameJson(response.body(), "{\"jsonrpc\":\"2.0\",\"result\":\"ann\",\"id\":1}");
      assertThat(post(trustingClient(), server.port(), ECHO).statusCode()).isEqualTo(401);
    }
  }

  @Test
  void servesHttpsFromPemFiles(@TempDir Path directory) throws Exception {
    TestCertificate.Pem pem = certificate.writePem(directory);
    try (JsonRpcHttpServer server =
        JsonRpcHttpServer.builder(service())
            .host("127.0.0.1")
            .port(0)
            .path("/rpc")
            .tls(pem.certificate().toFile(), pem.privateKey().toFile())
            .ioThreads(1)
            .build()
            .start()) {
      assertSameJson(
          post(trustingClient(), server.port(), ECHO).body(),
          "{\"jsonrpc\":\"2.0\",\"result\":\"hello\",\"id\":1}");
      HttpClient untrusting = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
      assertThatThrownBy(() -> post(untrusting, server.port(), ECHO))
          .isInstanceOf(SSLHandshakeException.class);
      // the server survives a failed handshake
      assertThat(post(trustingClient(), server.port(), ECHO).statusCode()).isEqualTo(200);
    }
  }

  @Test
  void unreadableTlsFilesAreAClearConfigurationError(@TempDir Path directory) throws Exception {
    File garbage = Files.writeString(directory.resolve("x.pem"), "not a certificate").toFile();
    assertThatThrownBy(() -> JsonRpcHttpServer.builder(service()).tls(garbage, garbage))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("x.pem");
  }

  private static io.jsonrpc2.JsonRpcService service() {
    return io.jsonrpc2.JsonRpcService.builder()
        .handler(new HttpServerConformanceTest.Methods())
        .build();
  }
}
