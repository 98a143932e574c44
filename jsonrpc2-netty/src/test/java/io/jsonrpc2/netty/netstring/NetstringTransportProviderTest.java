package io.jsonrpc2.netty.netstring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jsonrpc2.JsonRpcClient;
import io.jsonrpc2.JsonRpcService;
import io.jsonrpc2.client.ConnectOptions;
import io.jsonrpc2.testing.TestCertificate;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** {@code netstring://} and {@code netstring+tls://} URLs through {@link JsonRpcClient#connect}. */
@Timeout(60)
class NetstringTransportProviderTest {
  private final JsonRpcService service =
      JsonRpcService.builder().handler(new TestMethods()).build();

  private NetstringServer.Builder loopback() {
    return NetstringServer.builder(service)
        .host("127.0.0.1")
        .shutdownTimeout(Duration.ofSeconds(2));
  }

  @Test
  void aNetstringUrlConnectsToTheServer() {
    try (NetstringServer server = loopback().start();
        JsonRpcClient client = JsonRpcClient.connect("netstring://127.0.0.1:" + server.port())) {
      assertThat(client.call("echo", String.class, "hello")).isEqualTo("hello");
      assertThat(client.endpoint()).isEqualTo("netstring://127.0.0.1:" + server.port());
    }
  }

  @Test
  void aNetstringTlsUrlTrustingAllCertificatesReachesASelfSignedServer(@TempDir Path dir)
      throws Exception {
    TestCertificate.Pem cert = TestCertificate.selfSigned(dir, "server");
    ConnectOptions trustAll = ConnectOptions.builder().trustAllCertificatesForTesting().build();
    try (NetstringServer server =
            loopback().tls(cert.certificate().toFile(), cert.privateKey().toFile()).start();
        JsonRpcClient client =
            JsonRpcClient.connect("netstring+tls://127.0.0.1:" + server.port(), trustAll)) {
      assertThat(client.call("echo", String.class, "over tls")).isEqualTo("over tls");
    }
  }

  @Test
  void aUrlWithoutAPortSaysWhatIsNeeded() {
    assertThatThrownBy(() -> JsonRpcClient.connect("netstring://127.0.0.1"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "'netstring://127.0.0.1' needs a host and a port, as in netstring://127.0.0.1:7080");
    assertThatThrownBy(() -> JsonRpcClient.connect("netstring://127.0.0.1:7080/path"))
        .hasMessageContaining("must be just netstring://HOST:PORT");
  }

  @Test
  void optionsANetstringCannotHonourAreRefused() {
    ConnectOptions header = ConnectOptions.builder().header("X-Pet", "Mittens").build();
    assertThatThrownBy(() -> JsonRpcClient.connect("netstring://127.0.0.1:7080", header))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("HTTP headers and credentials are for http:// and https:// URLs");
    ConnectOptions trustAll = ConnectOptions.builder().trustAllCertificatesForTesting().build();
    assertThatThrownBy(() -> JsonRpcClient.connect("netstring://127.0.0.1:7080", trustAll))
        .hasMessageContaining("trusting all certificates is for TLS URLs");
  }

  @Test
  void anUnknownSchemeNamesTheSchemesOnTheClassPath() {
    assertThatThrownBy(() -> JsonRpcClient.connect("ws://127.0.0.1:8080/"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("the scheme ws,")
        .hasMessageContaining("use netstring://, netstring+tls://");
  }
}
