package io.jsonrpc2.httpclient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jsonrpc2.JsonRpcClient;
import io.jsonrpc2.client.ClientTransports;
import io.jsonrpc2.client.ConnectOptions;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** {@code http://} and {@code https://} URLs through {@link JsonRpcClient#connect}. */
@Timeout(30)
class HttpTransportProviderTest {
  @Test
  void anHttpUrlConnectsToTheServer() throws Exception {
    try (JdkHttpTestServer server = JdkHttpTestServer.serve(TestServices.service());
        JsonRpcClient client = JsonRpcClient.connect(server.uri().toString())) {
      assertThat(client.call("echo", String.class, "hello")).isEqualTo("hello");
      assertThat(client.endpoint()).isEqualTo(server.uri().toString());
    }
  }

  @Test
  void headersAndCredentialsOfTheOptionsGoWithEveryMessage() throws Exception {
    ConnectOptions options =
        ConnectOptions.builder().header("X-Pet", "Mittens").basicAuth("user", "pass").build();
    try (JdkHttpTestServer server = JdkHttpTestServer.serve(TestServices.service());
        JsonRpcClient client = JsonRpcClient.connect(server.uri(), options)) {
      assertThat(client.call("cat", String.class)).isEqualTo("meow");
      JdkHttpTestServer.Received request = server.takeReceived();
      assertThat(request.header("X-Pet")).isEqualTo("Mittens");
      assertThat(request.header("Authorization")).isEqualTo("Basic dXNlcjpwYXNz");
    }
  }

  @Test
  void anHttpsUrlTrustingAllCertificatesReachesASelfSignedServer(@TempDir Path dir)
      throws Exception {
    Path keys = TestCertificates.serverKeyStore(dir, "loopback", "ip:127.0.0.1");
    ConnectOptions trustAll = ConnectOptions.builder().trustAllCertificatesForTesting().build();
    try (JdkHttpTestServer server =
            JdkHttpTestServer.serveTls(
                TestServices.service(), TestCertificates.serverContext(keys));
        JsonRpcClient client = JsonRpcClient.connect(server.uri(), trustAll)) {
      assertThat(server.uri().getScheme()).isEqualTo("https");
      assertThat(client.call("cat", String.class)).isEqualTo("meow");
    }
  }

  @Test
  void trustingAllCertificatesIsRefusedForPlainHttp() {
    ConnectOptions trustAll = ConnectOptions.builder().trustAllCertificatesForTesting().build();
    assertThatThrownBy(() -> ClientTransports.open("http://127.0.0.1:1/rpc", trustAll))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("trusting all certificates is for TLS URLs");
  }

  @Test
  void anUnknownSchemeNamesTheSchemesOnTheClassPath() {
    assertThatThrownBy(() -> JsonRpcClient.connect("gopher://127.0.0.1:70/"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("gopher")
        .hasMessageContaining("http://, https://");
    assertThatThrownBy(() -> JsonRpcClient.connect("netstring://127.0.0.1:7080"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("no transport for netstring:// URLs")
        .hasMessageContaining("add jsonrpc2-netty")
        .hasMessageContaining("served here: http://, https://");
  }
}
