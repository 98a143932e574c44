package io.jsonrpc2.netty.netstring;

import static org.assertj.core.api.Assertions.assertThat;

import io.jsonrpc2.JsonRpcClient;
import io.jsonrpc2.JsonRpcService;
import io.jsonrpc2.client.TransportException;
import io.jsonrpc2.testing.TestCertificate;
import io.netty.handler.ssl.SslContextBuilder;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** The same server and client over TLS, with certificates the test makes. */
@Timeout(60)
class NetstringTlsTest {
  @TempDir static Path dir;
  static TestCertificate.Pem serverCert;
  static TestCertificate.Pem clientCert;
  static TestCertificate.Pem strangerCert;

  private final List<AutoCloseable> resources = new ArrayList<>();
  private final JsonRpcService service =
      JsonRpcService.builder().handler(new TestMethods()).build();

  @BeforeAll
  static void makeCertificates() throws Exception {
    serverCert = TestCertificate.selfSigned(dir, "server");
    clientCert = TestCertificate.selfSigned(dir, "client");
    strangerCert = TestCertificate.selfSigned(dir, "stranger");
  }

  @AfterEach
  void closeAll() throws Exception {
    for (int i = resources.size() - 1; i >= 0; i--) {
      resources.get(i).close();
    }
  }

  private NetstringServer start(NetstringServer.Builder builder) {
    NetstringServer server =
        builder.host("127.0.0.1").shutdownTimeout(Duration.ofSeconds(2)).start();
    resources.add(server);
    return server;
  }

  private NetstringServer startTls() {
    return start(
        NetstringServer.builder(service)
            .tls(serverCert.certificate().toFile(), serverCert.privateKey().toFile()));
  }

  private NetstringServer startRequiringClientCertificates() {
    return start(
        NetstringServer.builder(service)
            .tls(serverCert.certificate().toFile(), serverCert.privateKey().toFile())
            .clientCertificates(clientCert.certificate().toFile(), true));
  }

  private JsonRpcClient client(NetstringClientBuilder builder) {
    JsonRpcClient client = builder.buildClient();
    resources.add(client);
    return client;
  }

  private static Throwable failureOf(CompletableFuture<?> future) throws Exception {
    try {
      future.get(20, TimeUnit.SECONDS);
      throw new AssertionError("the call succeeded");
    } catch (ExecutionException e) {
      return e.getCause();
    }
  }

  @Test
  void callsOverTlsTrustingTheServerCertificate() {
    NetstringServer server = startTls();
    JsonRpcClient client =
        client(
            NetstringClientTransport.builder("127.0.0.1", server.port())
                .trustCertificates(serverCert.certificate()));
    assertThat(client.call("echo", String.class, "secret")).isEqualTo("secret");
    assertThat(client.endpoint()).startsWith("netstring+tls://");
    assertThat(client.call("whoami", Map.class).get("principal")).isNull();
  }

  @Test
  void callsOverTlsWithAServerSslContext() throws Exception {
    NetstringServer server =
        start(
            NetstringServer.builder(service)
                .tls(
                    SslContextBuilder.forServer(
                            serverCert.certificate().toFile(), serverCert.privateKey().toFile())
                        .build()));
    JsonRpcClient client =
        client(
            NetstringClientTransport.builder("localhost", server.port())
                .trustCertificates(serverCert.certificate()));
    assertThat(client.call("echo", String.class, "via context")).isEqualTo("via context");
  }

  @Test
  void trustAllForTestingAcceptsAnyCertificate() {
    NetstringServer server = startTls();
    JsonRpcClient client =
        client(
            NetstringClientTransport.builder("127.0.0.1", server.port())
                .trustAllCertificatesForTesting());
    assertThat(client.call("echo", String.class, "trusting")).isEqualTo("trusting");
  }

  @Test
  void refusesAServerCertificateItDoesNotTrust() throws Exception {
    NetstringServer server = startTls();
    JsonRpcClient client =
        client(
            NetstringClientTransport.builder("127.0.0.1", server.port())
                .trustCertificates(strangerCert.certificate()));
    assertThat(failureOf(client.callAsync("echo", String.class, "x")))
        .isInstanceOf(TransportException.class)
        .hasMessageContaining("cannot connect");
  }

  @Test
  void plainClientCannotTalkToATlsServer() throws Exception {
    NetstringServer server = startTls();
    JsonRpcClient client =
        JsonRpcClient.builder()
            .transport(NetstringClientTransport.builder("127.0.0.1", server.port()).build())
            .timeout(Duration.ofSeconds(5))
            .build();
    resources.add(client);
    assertThat(failureOf(client.callAsync("echo", String.class, "x")))
        .isInstanceOf(TransportException.class);
  }

  @Test
  void clientCertificateAuthenticatesTheCaller() {
    NetstringServer server = startRequiringClientCertificates();
    JsonRpcClient client =
        client(
            NetstringClientTransport.builder("127.0.0.1", server.port())
                .trustCertificates(serverCert.certificate())
                .clientCertificate(
                    clientCert.certificate().toFile(), clientCert.privateKey().toFile()));
    Map<?, ?> who = client.call("whoami", Map.class);
    assertThat(who.get("principal")).isEqualTo("CN=client");
    assertThat(who.get("transport")).isEqualTo("netstring");
  }

  @Test
  void requiredClientCertificateKeepsOthersOut() throws Exception {
    NetstringServer server = startRequiringClientCertificates();
    JsonRpcClient anonymous =
        client(
            NetstringClientTransport.builder("127.0.0.1", server.port())
                .trustCertificates(serverCert.certificate()));
    assertThat(failureOf(anonymous.callAsync("echo", String.class, "x")))
        .isInstanceOf(TransportException.class);

    JsonRpcClient stranger =
        client(
            NetstringClientTransport.builder("127.0.0.1", server.port())
                .trustCertificates(serverCert.certificate())
                .clientCertificate(
                    strangerCert.certificate().toFile(), strangerCert.privateKey().toFile()));
    assertThat(failureOf(stranger.callAsync("echo", String.class, "x")))
        .isInstanceOf(TransportException.class);
  }

  @Test
  void badKeyFilesAreRefusedAtStart() {
    org.assertj.core.api.Assertions.assertThatThrownBy(
            () ->
                NetstringServer.builder(service)
                    .tls(dir.resolve("missing.crt").toFile(), serverCert.privateKey().toFile())
                    .start())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("missing.crt");
  }
}
