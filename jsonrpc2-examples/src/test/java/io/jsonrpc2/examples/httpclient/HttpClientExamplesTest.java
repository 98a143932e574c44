package io.jsonrpc2.examples.httpclient;

import static io.jsonrpc2.testing.JsonAssertions.assertSameJson;
import static org.assertj.core.api.Assertions.assertThat;

import io.jsonrpc2.JsonRpcClient;
import io.jsonrpc2.httpclient.JsonRpcHttp;
import io.jsonrpc2.message.Id;
import io.jsonrpc2.message.Response;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs every HTTP client example against {@link PetShop} served on 127.0.0.1 and checks both the
 * results and what went over the wire.
 */
@Timeout(60)
class HttpClientExamplesTest {
  private JdkHttpServerAdapter server;
  private JsonRpcClient client;

  @BeforeEach
  void start() throws IOException {
    server = JdkHttpServerAdapter.serve(PetShop.service());
    client = JsonRpcHttp.client(server.url());
  }

  @AfterEach
  void stop() {
    client.close();
    server.close();
  }

  @Test
  void namedCallGetsMeow() throws Exception {
    assertThat(HttpClientExamples.namedCall(server.url())).isEqualTo("meow");
    assertSameJson(
        server.takeReceived().body(),
        "{\"jsonrpc\":\"2.0\",\"method\":\"cat\",\"params\":{\"name\":\"Mittens\"},\"id\":1}");
  }

  @Test
  void theTenCubesGoInOneBatch() throws Exception {
    assertThat(HttpClientExamples.cubes(client))
        .containsExactly(0L, 1L, 8L, 27L, 64L, 125L, 216L, 343L, 512L, 729L);
    String batch = server.takeReceived().body();
    assertThat(batch).startsWith("[").contains("\"method\":\"cube\",\"params\":[9]");
  }

  @Test
  void theNotificationReachesTheServerWithoutAnId() throws Exception {
    HttpClientExamples.notification(client);

    assertSameJson(
        server.takeReceived().body(),
        "{\"jsonrpc\":\"2.0\",\"method\":\"cat\",\"params\":{\"name\":\"Mittens\"}}");
  }

  @Test
  void anExplicitRequestKeepsItsId() throws Exception {
    Response response = HttpClientExamples.requestWithId5(client);

    assertThat(response.id()).isEqualTo(Id.of(5));
    assertThat(response.result().asText()).isEqualTo("meow");
    assertSameJson(
        server.takeReceived().body(),
        "{\"jsonrpc\":\"2.0\",\"method\":\"cat\",\"params\":{\"name\":\"Mittens\"},\"id\":5}");
  }

  @Test
  void theConfiguredClientSendsItsHeadersAndPerCallOptionsMergeOverThem() throws Exception {
    try (JsonRpcClient configured = HttpClientExamples.configuredClient(server.url())) {
      assertThat(configured.call("dog", String.class)).isEqualTo("woof");
      JdkHttpServerAdapter.Received session = server.takeReceived();
      assertThat(session.header("X-Client")).isEqualTo("pet-inventory");
      assertThat(session.header("Authorization")).isEqualTo("Basic dXNlcjpwYXNz");

      assertThat(HttpClientExamples.perCallOptions(configured)).isEqualTo("meow");
      JdkHttpServerAdapter.Received perCall = server.takeReceived();
      assertThat(perCall.header("X-Client")).isEqualTo("pet-inventory");
      assertThat(perCall.header("X-Request-Id")).isEqualTo("order-42");
      assertThat(perCall.header("Authorization")).isEqualTo("Basic YWRtaW46czNjcmV0");
    }
  }

  @Test
  void failuresAreToldApart() throws Exception {
    assertThat(HttpClientExamples.describeFailure(client, "nope"))
        .isEqualTo("error response -32601: Method not found");

    server.replyNext(502, "text/html", "<html><body>Bad Gateway</body></html>");
    assertThat(HttpClientExamples.describeFailure(client, "dog"))
        .isEqualTo("HTTP 502 Bad Gateway: <html><body>Bad Gateway</body></html>");

    int freePort;
    try (ServerSocket probe = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      freePort = probe.getLocalPort();
    }
    try (JsonRpcClient nobodyThere = JsonRpcHttp.client("http://127.0.0.1:" + freePort + "/rpc")) {
      assertThat(HttpClientExamples.describeFailure(nobodyThere, "dog"))
          .startsWith("no reply: could not connect to http://127.0.0.1:" + freePort + "/rpc");
    }
  }

  @Test
  void theTrustStoreExampleTalksToASelfMadeCertificate(@TempDir Path dir) throws Exception {
    char[] password = "changeit".toCharArray();
    Path serverKeys = dir.resolve("server.p12");
    keytool(
        "-genkeypair",
        "-alias",
        "server",
        "-keyalg",
        "EC",
        "-groupname",
        "secp256r1",
        "-dname",
        "CN=127.0.0.1",
        "-ext",
        "SAN=ip:127.0.0.1",
        "-validity",
        "2",
        "-storetype",
        "PKCS12",
        "-keystore",
        serverKeys.toString(),
        "-storepass",
        "changeit",
        "-keypass",
        "changeit");
    KeyStore keys = KeyStore.getInstance(serverKeys.toFile(), password);
    KeyStore trust = KeyStore.getInstance("PKCS12");
    trust.load(null, null);
    trust.setCertificateEntry("server", keys.getCertificate("server"));
    Path trustStore = dir.resolve("trust.p12");
    try (OutputStream out = Files.newOutputStream(trustStore)) {
      trust.store(out, password);
    }
    KeyManagerFactory keyManagers =
        KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
    keyManagers.init(keys, password);
    SSLContext tls = SSLContext.getInstance("TLS");
    tls.init(keyManagers.getKeyManagers(), null, null);

    try (JdkHttpServerAdapter https = JdkHttpServerAdapter.serveTls(PetShop.service(), tls);
        JsonRpcClient secure =
            HttpClientExamples.clientTrusting(https.url(), trustStore, password)) {
      assertThat(secure.call("dog", String.class)).isEqualTo("woof");
    }
  }

  @Test
  void mainRunsJsonrpcclientsExamples() {
    ByteArrayOutputStream printed = new ByteArrayOutputStream();
    PrintStream original = System.out;
    System.setOut(new PrintStream(printed, true, StandardCharsets.UTF_8));
    try {
      HttpClientExamples.main(new String[] {server.url()});
    } finally {
      System.setOut(original);
    }
    assertThat(printed.toString(StandardCharsets.UTF_8))
        .contains("cat(name=Mittens) -> meow")
        .contains("cubes -> [0, 1, 8, 27, 64, 125, 216, 343, 512, 729]")
        .contains("nope -> error response -32601: Method not found");
  }

  private static void keytool(String... args) throws IOException, InterruptedException {
    List<String> command = new java.util.ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "keytool").toString());
    command.addAll(List.of(args));
    Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
      process.destroyForcibly();
      throw new IOException("keytool failed: " + output);
    }
  }
}
