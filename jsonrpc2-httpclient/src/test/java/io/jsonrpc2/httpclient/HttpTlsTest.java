package io.jsonrpc2.httpclient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jsonrpc2.JsonRpcClient;
import io.jsonrpc2.client.TransportException;
import java.nio.file.Path;
import java.security.KeyStore;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * HTTPS against servers with self-made certificates: one issued for 127.0.0.1, one for another host
 * name. Trust comes from a trust store, an SSLContext or the trust-all switch.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Timeout(60)
class HttpTlsTest {
  private Path dir;

  private Path trustStoreForLoopback;
  private Path trustStoreForOtherHost;
  private JdkHttpTestServer loopbackServer;
  private JdkHttpTestServer otherHostServer;

  @BeforeAll
  void startServers(@TempDir Path tempDir) throws Exception {
    dir = tempDir;
    Path loopbackKeys = TestCertificates.serverKeyStore(dir, "loopback", "ip:127.0.0.1");
    Path otherHostKeys = TestCertificates.serverKeyStore(dir, "other", "dns:other.example");
    trustStoreForLoopback =
        TestCertificates.trustStoreFor(loopbackKeys, dir.resolve("trust-loopback.p12"));
    trustStoreForOtherHost =
        TestCertificates.trustStoreFor(otherHostKeys, dir.resolve("trust-other.p12"));
    loopbackServer =
        JdkHttpTestServer.serveTls(
            TestServices.service(), TestCertificates.serverContext(loopbackKeys));
    otherHostServer =
        JdkHttpTestServer.serveTls(
            TestServices.service(), TestCertificates.serverContext(otherHostKeys));
  }

  @AfterAll
  void stopServers() {
    loopbackServer.close();
    otherHostServer.close();
  }

  private static String call(HttpClientTransport transport) {
    try (JsonRpcClient client = JsonRpcHttp.client(transport)) {
      return client.call("cat", String.class);
    }
  }

  @Test
  void aTrustStoreWithTheServersCertificateIsTrusted() {
    HttpClientTransport transport =
        HttpClientTransport.builder(loopbackServer.uri())
            .trustStore(trustStoreForLoopback, TestCertificates.PASSWORD)
            .basicAuth("user", "pass")
            .build();

    assertThat(call(transport)).isEqualTo("meow");
  }

  @Test
  void aCustomSslContextIsUsed() throws Exception {
    TrustManagerFactory trust =
        TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
    trust.init(KeyStore.getInstance(trustStoreForLoopback.toFile(), TestCertificates.PASSWORD));
    SSLContext context = SSLContext.getInstance("TLS");
    context.init(null, trust.getTrustManagers(), null);

    assertThat(call(HttpClientTransport.builder(loopbackServer.uri()).sslContext(context).build()))
        .isEqualTo("meow");
  }

  @Test
  void aSelfMadeCertificateIsRefusedByDefault() {
    HttpClientTransport transport = HttpClientTransport.builder(loopbackServer.uri()).build();

    assertThatThrownBy(() -> call(transport))
        .isInstanceOf(TransportException.class)
        .hasMessageStartingWith("TLS with " + loopbackServer.uri() + " failed");
  }

  @Test
  void aTrustedCertificateForAnotherHostIsRefused() {
    HttpClientTransport transport =
        HttpClientTransport.builder(otherHostServer.uri())
            .trustStore(trustStoreForOtherHost, TestCertificates.PASSWORD)
            .build();

    assertThatThrownBy(() -> call(transport))
        .isInstanceOf(TransportException.class)
        .hasMessageStartingWith("TLS with " + otherHostServer.uri() + " failed")
        .hasMessageContaining("127.0.0.1");
  }

  @Test
  void trustAllAcceptsAnUnknownCertificateForAnotherHost() {
    HttpClientTransport transport =
        HttpClientTransport.builder(otherHostServer.uri()).insecureTrustAllCertificates().build();

    assertThat(call(transport)).isEqualTo("meow");
  }

  @Test
  void aTrustStoreThatCannotBeOpenedFailsTheBuild() {
    assertThatThrownBy(
            () ->
                HttpClientTransport.builder(loopbackServer.uri())
                    .trustStore(trustStoreForLoopback, "wrong".toCharArray())
                    .build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("cannot open the trust store " + trustStoreForLoopback);
    assertThatThrownBy(
            () ->
                HttpClientTransport.builder(loopbackServer.uri())
                    .trustStore(dir.resolve("missing.p12"), TestCertificates.PASSWORD)
                    .build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("does not exist");
  }
}
