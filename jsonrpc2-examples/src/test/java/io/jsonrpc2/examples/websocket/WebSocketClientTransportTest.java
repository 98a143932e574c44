package io.jsonrpc2.examples.websocket;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jsonrpc2.JsonRpcClient;
import io.jsonrpc2.JsonRpcService;
import io.jsonrpc2.client.ClientTransport;
import io.jsonrpc2.client.ClientTransports;
import io.jsonrpc2.client.ConnectionLostException;
import io.jsonrpc2.client.OutboundMessage;
import io.jsonrpc2.client.TransportException;
import io.jsonrpc2.http.BearerTokenAuthenticator;
import io.jsonrpc2.http.HttpRules;
import io.jsonrpc2.httpclient.WebSocketClientTransport;
import io.jsonrpc2.netty.http.JsonRpcHttpServer;
import io.jsonrpc2.testing.TestCertificate;
import io.netty.handler.ssl.SslContextBuilder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** {@link WebSocketClientTransport} against the Netty server's WebSocket. */
@Timeout(30)
class WebSocketClientTransportTest {
  private final CountDownLatch hanging = new CountDownLatch(1);
  private final List<AutoCloseable> open = new ArrayList<>();

  private JsonRpcService service() {
    return JsonRpcService.builder()
        .method("echo", (params, call) -> params.get(0, String.class))
        .method(
            "whoami",
            (params, call) ->
                call.transport().principalIfAny().map(p -> p.getName()).orElse("nobody")
                    + " with "
                    + call.transport().header("X-Pet").orElse("no pet"))
        .method(
            "burst",
            (params, call) -> {
              for (int i = 0; i < 3; i++) {
                call.peer().notify("tick", i);
              }
              return "sent";
            })
        .method(
            "hang",
            (params, call) -> {
              hanging.countDown();
              return new CompletableFuture<String>();
            })
        .build();
  }

  private JsonRpcHttpServer start(int port, UnaryOperator<JsonRpcHttpServer.Builder> options) {
    JsonRpcHttpServer server =
        options
            .apply(
                JsonRpcHttpServer.builder(service())
                    .host("127.0.0.1")
                    .port(port)
                    .path("/rpc")
                    .ioThreads(1))
            .start();
    open.add(server);
    return server;
  }

  private JsonRpcClient client(WebSocketClientTransport transport) {
    JsonRpcClient client = JsonRpcClient.builder().transport(transport).build();
    open.add(client);
    return client;
  }

  private static String url(JsonRpcHttpServer server) {
    return "ws://127.0.0.1:" + server.port() + "/rpc";
  }

  @AfterEach
  void close() throws Exception {
    for (int i = open.size() - 1; i >= 0; i--) {
      open.get(i).close();
    }
  }

  @Test
  void reconnectsOnTheNextCallAfterTheServerRestarts() throws Exception {
    JsonRpcHttpServer first = start(0, builder -> builder);
    int port = first.port();
    WebSocketClientTransport transport = WebSocketClientTransport.builder(url(first)).build();
    JsonRpcClient client = client(transport);
    assertThat(client.call("echo", String.class, "one")).isEqualTo("one");
    assertThat(transport.isConnected()).isTrue();
    first.close();
    awaitDisconnected(transport);
    start(port, builder -> builder);
    assertThat(client.call("echo", String.class, "two")).isEqualTo("two");
    assertThat(transport.isConnected()).isTrue();
  }

  /** The server's close frame reaches the client a moment after the server has stopped. */
  private static void awaitDisconnected(WebSocketClientTransport transport) {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    while (transport.isConnected() && System.nanoTime() < deadline) {
      Thread.onSpinWait();
    }
    assertThat(transport.isConnected()).as("the drop is seen").isFalse();
  }

  @Test
  void callsInFlightFailAtOnceWhenTheWebSocketDrops() throws Exception {
    JsonRpcHttpServer server = start(0, builder -> builder);
    JsonRpcClient client = client(WebSocketClientTransport.builder(url(server)).build());
    CompletableFuture<String> waiting = client.callAsync("hang", String.class);
    assertThat(hanging.await(10, TimeUnit.SECONDS)).isTrue();
    long before = System.nanoTime();
    server.shutdown(Duration.ZERO);
    assertThatThrownBy(() -> waiting.get(10, TimeUnit.SECONDS))
        .isInstanceOf(ExecutionException.class)
        .hasCauseInstanceOf(ConnectionLostException.class);
    assertThat(System.nanoTime() - before).isLessThan(TimeUnit.SECONDS.toNanos(5));
  }

  @Test
  void speaksWssWithAnSslContext() throws Exception {
    TestCertificate certificate = TestCertificate.create();
    var tls =
        SslContextBuilder.forServer(certificate.privateKey(), certificate.certificate()).build();
    JsonRpcHttpServer server = start(0, builder -> builder.tls(tls));
    JsonRpcClient client =
        client(
            WebSocketClientTransport.builder("wss://127.0.0.1:" + server.port() + "/rpc")
                .sslContext(certificate.clientContext())
                .build());
    assertThat(client.call("echo", String.class, "secret")).isEqualTo("secret");
  }

  @Test
  void theUpgradeCarriesTheHeadersAndTheToken() throws Exception {
    HttpRules rules =
        HttpRules.builder()
            .authenticator(BearerTokenAuthenticator.of("rpc", Map.of("t0k3n", "ann")))
            .build();
    JsonRpcHttpServer server = start(0, builder -> builder.rules(rules));
    JsonRpcClient client =
        client(
            WebSocketClientTransport.builder(url(server))
                .bearerToken("t0k3n")
                .header("X-Pet", "Mittens")
                .build());
    assertThat(client.call("whoami", String.class)).isEqualTo("ann with Mittens");
    JsonRpcClient anonymous = client(WebSocketClientTransport.builder(url(server)).build());
    assertThatThrownBy(() -> anonymous.call("whoami", String.class))
        .isInstanceOf(TransportException.class)
        .hasMessageContaining("HTTP 401");
  }

  @Test
  void wsUrlsFindTheTransport() throws Exception {
    assertThat(ClientTransports.schemes()).contains("ws", "wss");
    JsonRpcHttpServer server = start(0, builder -> builder);
    JsonRpcClient client = JsonRpcClient.connect(url(server));
    open.add(client);
    assertThat(client.call("echo", String.class, "found")).isEqualTo("found");
  }

  @Test
  void aMessageOverTheLimitDropsTheWebSocketAndTheNextCallReconnects() throws Exception {
    JsonRpcHttpServer server = start(0, builder -> builder);
    JsonRpcClient client =
        client(WebSocketClientTransport.builder(url(server)).maxMessageSize(200).build());
    assertThatThrownBy(() -> client.call("echo", String.class, "x".repeat(500)))
        .isInstanceOf(ConnectionLostException.class)
        .hasMessageContaining("over the limit");
    assertThat(client.call("echo", String.class, "short")).isEqualTo("short");
  }

  @Test
  void whilePausedTheTransportAsksForNoMoreMessages() throws Exception {
    JsonRpcHttpServer server = start(0, builder -> builder);
    WebSocketClientTransport transport = WebSocketClientTransport.builder(url(server)).build();
    open.add(transport);
    BlockingQueue<String> received = new LinkedBlockingQueue<>();
    transport.start(
        new ClientTransport.Receiver() {
          @Override
          public void onMessage(byte[] message) {
            received.add(new String(message, StandardCharsets.UTF_8));
          }

          @Override
          public void onConnectionLost(Throwable cause) {
            received.add("lost");
          }
        });
    transport.pauseReading();
    transport
        .send(
            new OutboundMessage(
                "{\"jsonrpc\":\"2.0\",\"method\":\"burst\",\"id\":1}"
                    .getBytes(StandardCharsets.UTF_8),
                true,
                Map.of()))
        .get(10, TimeUnit.SECONDS);
    // The one message asked for when the WebSocket opened comes; no other until reading resumes.
    assertThat(received.poll(10, TimeUnit.SECONDS)).contains("\"params\":[0]");
    assertThat(received.poll(300, TimeUnit.MILLISECONDS)).isNull();
    transport.resumeReading();
    assertThat(received.poll(10, TimeUnit.SECONDS)).contains("\"params\":[1]");
    assertThat(received.poll(10, TimeUnit.SECONDS)).contains("\"params\":[2]");
    assertThat(received.poll(10, TimeUnit.SECONDS)).contains("\"result\":\"sent\"");
  }

  @Test
  void refusesUrlsThatAreNotWebSockets() {
    assertThatThrownBy(() -> WebSocketClientTransport.builder("http://127.0.0.1/rpc"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("ws://");
    assertThatThrownBy(() -> WebSocketClientTransport.builder("ws://u:p@127.0.0.1/rpc"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("basicAuth");
  }
}
