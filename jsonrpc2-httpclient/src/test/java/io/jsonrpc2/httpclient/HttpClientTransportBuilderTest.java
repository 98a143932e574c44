package io.jsonrpc2.httpclient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jsonrpc2.JsonRpcClient;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import javax.net.ssl.SSLContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** What the builder accepts, refuses, and who owns a given HttpClient. */
@Timeout(30)
class HttpClientTransportBuilderTest {

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "ftp://127.0.0.1/rpc        | must be an http:// or https:// URL",
        "/rpc                       | must be an http:// or https:// URL",
        "http:///rpc                | has no host",
        "http://a b/rpc             | not a URL",
        "http://user:pw@host/rpc    | put credentials in basicAuth"
      })
  void refusesEndpointsThatAreNotHttpUrls(String endpoint, String problem) {
    assertThatThrownBy(() -> HttpClientTransport.builder(endpoint))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining(problem);
  }

  @Test
  void describesItselfByItsUrl() {
    try (HttpClientTransport transport =
        HttpClientTransport.builder(URI.create("https://127.0.0.1:8443/api")).build()) {
      assertThat(transport.endpoint()).isEqualTo("https://127.0.0.1:8443/api");
      assertThat(transport.isRequestResponse()).isTrue();
    }
  }

  @Test
  void refusesTwoTlsChoices() throws Exception {
    HttpClientTransport.Builder builder =
        HttpClientTransport.builder("https://127.0.0.1/rpc")
            .sslContext(SSLContext.getDefault())
            .insecureTrustAllCertificates();

    assertThatThrownBy(builder::build)
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining(
            "choose one of sslContext, trustStore and insecureTrustAllCertificates");
  }

  @Test
  void refusesClientSettingsTogetherWithAGivenHttpClient() {
    HttpClientTransport.Builder builder =
        HttpClientTransport.builder("http://127.0.0.1/rpc")
            .httpClient(HttpClient.newHttpClient())
            .connectTimeout(Duration.ofSeconds(1));

    assertThatThrownBy(builder::build)
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("belong to the HttpClient given to httpClient()");
  }

  @Test
  void refusesNonPositiveLimits() {
    HttpClientTransport.Builder builder = HttpClientTransport.builder("http://127.0.0.1/rpc");

    assertThatThrownBy(() -> builder.requestTimeout(Duration.ZERO))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> builder.connectTimeout(Duration.ofSeconds(-1)))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> builder.maxReplySize(0)).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void usesAGivenHttpClientAndLeavesItRunningOnClose() throws Exception {
    HttpClient shared = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    try (JdkHttpTestServer server = JdkHttpTestServer.serve(TestServices.service())) {
      try (JsonRpcClient client =
          JsonRpcHttp.client(
              HttpClientTransport.builder(server.uri()).httpClient(shared).build())) {
        assertThat(client.call("cat", String.class)).isEqualTo("meow");
      }

      HttpResponse<String> stillWorks =
          shared.send(
              HttpRequest.newBuilder(server.uri())
                  .POST(
                      HttpRequest.BodyPublishers.ofString(
                          "{\"jsonrpc\":\"2.0\",\"method\":\"cat\",\"id\":1}"))
                  .build(),
              HttpResponse.BodyHandlers.ofString());
      assertThat(stillWorks.body()).contains("meow");
    }
  }
}
