package io.jsonrpc2.examples.http;

import static io.jsonrpc2.testing.JsonAssertions.assertSameJson;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jsonrpc2.JsonRpcService;
import io.jsonrpc2.http.HttpRules;
import io.jsonrpc2.netty.http.JsonRpcHttpServer;
import io.jsonrpc2.server.JsonRpcServer;
import io.jsonrpc2.testing.TestCertificate;
import io.netty.channel.Channel;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.nio.NioIoHandler;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.concurrent.TimeUnit;
import org.eclipse.jetty.server.Server;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** Runs every HTTP example and calls it over a real socket, as the docs show it. */
@Timeout(60)
class HttpExamplesTest {
  private static final String GREETING =
      "{\"jsonrpc\":\"2.0\",\"method\":\"greeting\",\"id\":\"greeting\"}";
  private static final String HELLO_WORLD =
      "{\"jsonrpc\":\"2.0\",\"result\":\"Hello, world!\",\"id\":\"greeting\"}";
  private static final String WHOAMI = "{\"jsonrpc\":\"2.0\",\"method\":\"whoami\",\"id\":1}";

  private final HttpClient client =
      HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

  private HttpResponse<String> post(HttpClient client, String url, String body, String... headers)
      throws Exception {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create(url))
            .timeout(Duration.ofSeconds(10))
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(body));
    for (int i = 0; i < headers.length; i += 2) {
      request.setHeader(headers[i], headers[i + 1]);
    }
    return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  private HttpResponse<String> post(String url, String body, String... headers) throws Exception {
    return post(client, url, body, headers);
  }

  private static JsonRpcHttpServer serve(HttpRules rules) {
    JsonRpcService service = JsonRpcService.builder().handler(new Greeter()).build();
    return JsonRpcHttpServer.builder(service)
        .host("127.0.0.1")
        .port(0)
        .rules(rules)
        .build()
        .start();
  }

  @Test
  void theNettyServerGreetsLikeThePythonLibrary() throws Exception {
    JsonRpcHttpServer server = NettyHttpServerExample.serve(0);
    try {
      String url = "http://127.0.0.1:" + server.port() + "/rpc";
      assertSameJson(post(url, GREETING).body(), HELLO_WORLD);
      assertSameJson(
          post(
                  url,
                  "{\"jsonrpc\":\"2.0\",\"method\":\"greeting\",\"params\":{\"name\":\"Ann\"},\"id\":2}")
              .body(),
          "{\"jsonrpc\":\"2.0\",\"result\":\"Hello, Ann!\",\"id\":2}");
      assertSameJson(
          post(url, WHOAMI).body(), "{\"jsonrpc\":\"2.0\",\"result\":\"anonymous\",\"id\":1}");
    } finally {
      NettyHttpServerExample.stop(server);
    }
    assertThat(server.shutdown(Duration.ZERO)).isDone();
  }

  @Test
  void theCustomRulesApply() throws Exception {
    try (JsonRpcHttpServer server = serve(NettyHttpServerExample.customRules())) {
      String url = "http://127.0.0.1:" + server.port() + "/";
      assertThat(post(url, "{\"jsonrpc\":\"2.0\",\"method\":\"greeting\"}").statusCode())
          .isEqualTo(204);
      assertThat(post(url, GREETING, "Content-Type", "application/octet-stream").statusCode())
          .isEqualTo(415);
      HttpResponse<String> fromApp = post(url, GREETING, "Origin", "https://app.example.com");
      assertThat(fromApp.headers().firstValue("Access-Control-Allow-Origin"))
          .hasValue("https://app.example.com");
      assertThat(post(url, "[" + (GREETING + ",").repeat(20_000) + GREETING + "]").statusCode())
          .isEqualTo(413);
    }
  }

  @Test
  void basicAuthenticationNamesTheCaller() throws Exception {
    try (JsonRpcHttpServer server = NettyHttpServerExample.serveWithBasicAuth(0)) {
      String url = "http://127.0.0.1:" + server.port() + "/";
      String basic =
          "Basic "
              + Base64.getEncoder()
                  .encodeToString("ann:correct horse".getBytes(StandardCharsets.UTF_8));
      assertSameJson(
          post(url, WHOAMI, "Authorization", basic).body(),
          "{\"jsonrpc\":\"2.0\",\"result\":\"ann\",\"id\":1}");
      HttpResponse<String> refused = post(url, WHOAMI);
      assertThat(refused.statusCode()).isEqualTo(401);
      assertThat(refused.headers().firstValue("WWW-Authenticate"))
          .hasValue("Basic realm=\"greeter\", charset=\"UTF-8\"");
    }
  }

  @Test
  void bearerAndCustomAuthenticators() throws Exception {
    try (JsonRpcHttpServer server = serve(NettyHttpServerExample.bearerRules())) {
      String url = "http://127.0.0.1:" + server.port() + "/";
      assertSameJson(
          post(url, WHOAMI, "Authorization", "Bearer s3cr3t-token").body(),
          "{\"jsonrpc\":\"2.0\",\"result\":\"build-bot\",\"id\":1}");
      assertThat(post(url, WHOAMI, "Authorization", "Bearer guess").statusCode()).isEqualTo(401);
    }
    try (JsonRpcHttpServer server = serve(NettyHttpServerExample.loopbackOnlyRules())) {
      String url = "http://127.0.0.1:" + server.port() + "/";
      assertThat(post(url, WHOAMI).body()).contains("local:");
    }
  }

  @Test
  void tlsFromPemFiles(@TempDir Path directory) throws Exception {
    TestCertificate certificate = TestCertificate.create();
    TestCertificate.Pem pem = certificate.writePem(directory);
    JsonRpcHttpServer server =
        NettyHttpServerExample.serveTls(0, pem.certificate().toFile(), pem.privateKey().toFile());
    try {
      HttpClient trusting =
          HttpClient.newBuilder()
              .version(HttpClient.Version.HTTP_1_1)
              .sslContext(certificate.clientContext())
              .build();
      assertSameJson(
          post(trusting, "https://127.0.0.1:" + server.port() + "/", GREETING).body(), HELLO_WORLD);
    } finally {
      server.close();
    }
  }

  @Test
  void ownBootstrap() throws Exception {
    EventLoopGroup group = new MultiThreadIoEventLoopGroup(1, NioIoHandler.newFactory());
    try {
      Channel channel = OwnBootstrapExample.bind(group, 0);
      int port = ((InetSocketAddress) channel.localAddress()).getPort();
      assertSameJson(post("http://127.0.0.1:" + port + "/rpc", GREETING).body(), HELLO_WORLD);
      channel.close().sync();
    } finally {
      group.shutdownGracefully(0, 1, TimeUnit.SECONDS).sync();
    }
  }

  @Test
  void theServletInJettyGreetsLikeThePythonLibrary() throws Exception {
    Server jetty = JettyServletExample.serve(0);
    try {
      String url = "http://127.0.0.1:" + JettyServletExample.port(jetty) + "/rpc";
      assertSameJson(post(url, GREETING).body(), HELLO_WORLD);
      assertThat(post(url, GREETING, "Content-Type", "text/plain").statusCode()).isEqualTo(415);
    } finally {
      jetty.stop();
    }
  }

  @Test
  void theServletBehindTheSharedLifecycle() throws Exception {
    JsonRpcServer server = JettyServletExample.serveWithTheSharedLifecycle(0);
    try {
      String url = "http://127.0.0.1:" + server.port() + "/rpc";
      assertSameJson(post(url, GREETING).body(), HELLO_WORLD);
    } finally {
      server.close();
    }
    assertThatThrownBy(() -> post("http://127.0.0.1:" + server.port() + "/rpc", GREETING))
        .isInstanceOf(IllegalStateException.class);
  }

  @Test
  void theServletFromInitParameters() throws Exception {
    Server jetty = JettyServletExample.serveFromInitParameters(0);
    try {
      assertSameJson(
          post("http://127.0.0.1:" + JettyServletExample.port(jetty) + "/rpc", GREETING).body(),
          HELLO_WORLD);
    } finally {
      jetty.stop();
    }
  }
}
