package io.jsonrpc2.netty.http;

import static io.jsonrpc2.testing.JsonAssertions.assertSameJson;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jsonrpc2.JsonRpcService;
import io.jsonrpc2.testing.CountingInlineExecutor;
import io.jsonrpc2.testing.RawHttpConnection;
import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import java.io.UncheckedIOException;
import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The server's own life: ports, start and stop, graceful shutdown, own bootstraps, bad HTTP. */
@Timeout(30)
class JsonRpcHttpServerTest {
  private static final String ECHO =
      "{\"jsonrpc\":\"2.0\",\"method\":\"echo\",\"params\":[\"hi\"],\"id\":1}";
  private static final String ECHO_REPLY = "{\"jsonrpc\":\"2.0\",\"result\":\"hi\",\"id\":1}";

  private static JsonRpcService echoService() {
    return JsonRpcService.builder()
        .asyncMethod(
            "echo", (params, ctx) -> CompletableFuture.completedFuture(params.get(0, String.class)))
        .build();
  }

  private static JsonRpcHttpServer.Builder local(JsonRpcService service) {
    return JsonRpcHttpServer.builder(service).host("127.0.0.1").port(0).ioThreads(1);
  }

  @Test
  void portZeroBindsAFreePortThatCanBeRead() {
    try (JsonRpcHttpServer a = local(echoService()).build().start();
        JsonRpcHttpServer b = local(echoService()).build().start()) {
      assertThat(a.port()).isPositive().isNotEqualTo(b.port());
      assertThat(a.address().getAddress().isLoopbackAddress()).isTrue();
      assertThat(a.path()).isEqualTo("/");
    }
  }

  @Test
  void aTakenPortIsAClearErrorAndStartingTwiceIsRefused() {
    try (JsonRpcHttpServer first = local(echoService()).build().start()) {
      JsonRpcHttpServer second = local(echoService()).port(first.port()).build();
      assertThatThrownBy(second::start)
          .isInstanceOf(UncheckedIOException.class)
          .hasMessageContaining(String.valueOf(first.port()));
      assertThatThrownBy(first::start).isInstanceOf(IllegalStateException.class);
    }
  }

  @Test
  void configurationMistakesFailAtOnce() {
    var builder = JsonRpcHttpServer.builder(echoService());
    assertThatThrownBy(() -> builder.path("rpc")).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> builder.port(70000)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> builder.ioThreads(0)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> JsonRpcHttpServer.builder(null))
        .isInstanceOf(NullPointerException.class);
    assertThatThrownBy(() -> builder.build().port()).isInstanceOf(IllegalStateException.class);
  }

  @Test
  void shutdownFinishesWhatWasReadThenRefusesNewConnections() throws Exception {
    CountDownLatch started = new CountDownLatch(1);
    CompletableFuture<String> release = new CompletableFuture<>();
    JsonRpcService service =
        JsonRpcService.builder()
            .asyncMethod(
                "hold",
                (params, ctx) -> {
                  started.countDown();
                  return release;
                })
            .build();
    JsonRpcHttpServer server = local(service).build().start();
    int port = server.port();
    try (RawHttpConnection busy = new RawHttpConnection("127.0.0.1", port);
        RawHttpConnection idle = new RawHttpConnection("127.0.0.1", port)) {
      busy.send(RawHttpConnection.post("/", "{\"jsonrpc\":\"2.0\",\"method\":\"hold\",\"id\":1}"));
      assertThat(started.await(10, TimeUnit.SECONDS)).isTrue();
      CompletableFuture<Void> stopped = server.shutdown(Duration.ofSeconds(20));
      assertThat(idle.isClosedByServer()).isTrue();
      assertThat(stopped).isNotDone();
      release.complete("done");
      RawHttpConnection.Response last = busy.read();
      assertSameJson(last.bodyText(), "{\"jsonrpc\":\"2.0\",\"result\":\"done\",\"id\":1}");
      assertThat(last.header("Connection")).isEqualToIgnoringCase("close");
      assertThat(busy.isClosedByServer()).isTrue();
      stopped.get(10, TimeUnit.SECONDS);
      assertThat(server.shutdown(Duration.ZERO)).isSameAs(stopped);
    }
    assertThatThrownBy(() -> new Socket().connect(new InetSocketAddress("127.0.0.1", port), 2_000))
        .isInstanceOf(ConnectException.class);
  }

  @Test
  void theBlockingCallsOfPipelinedRequestsReadTogetherAreHandedOffTogether() throws Exception {
    // Runs each hand-off at once, on the event loop: a call handed off alone would be one each.
    CountingInlineExecutor handOffs = new CountingInlineExecutor();
    JsonRpcService service =
        JsonRpcService.builder()
            .method("echo", (params, context) -> params.get(0, String.class))
            .executor(handOffs)
            .build();
    JsonRpcHttpServer server = local(service).build().start();
    try (RawHttpConnection connection = new RawHttpConnection("127.0.0.1", server.port())) {
      StringBuilder ten = new StringBuilder();
      for (int i = 1; i <= 10; i++) {
        ten.append(
            RawHttpConnection.post(
                "/",
                "{\"jsonrpc\":\"2.0\",\"method\":\"echo\",\"params\":[\"m\"],\"id\":" + i + "}"));
      }
      connection.send(ten.toString());
      for (int i = 1; i <= 10; i++) {
        assertThat(connection.read().bodyText()).contains("\"id\":" + i + "}");
      }
    } finally {
      server.close();
    }

    // One turn, or two if the bytes came apart, not one hand-off per request.
    assertThat(handOffs.count()).isBetween(1, 2);
  }

  @Test
  void shutdownClosesWhatIsLeftAfterTheGracePeriod() throws Exception {
    CountDownLatch started = new CountDownLatch(1);
    JsonRpcService service =
        JsonRpcService.builder()
            .asyncMethod(
                "never",
                (params, ctx) -> {
                  started.countDown();
                  return new CompletableFuture<>();
                })
            .build();
    JsonRpcHttpServer server = local(service).build().start();
    try (RawHttpConnection stuck = new RawHttpConnection("127.0.0.1", server.port())) {
      stuck.send(
          RawHttpConnection.post("/", "{\"jsonrpc\":\"2.0\",\"method\":\"never\",\"id\":1}"));
      assertThat(started.await(10, TimeUnit.SECONDS)).isTrue();
      server.shutdown(Duration.ofMillis(100)).get(10, TimeUnit.SECONDS);
      assertThat(stuck.isClosedByServer()).isTrue();
    }
  }

  @Test
  void theInitializerServesInAUsersOwnBootstrap() throws Exception {
    EventLoopGroup group = new MultiThreadIoEventLoopGroup(1, NioIoHandler.newFactory());
    try {
      JsonRpcHttpInitializer initializer =
          JsonRpcHttpInitializer.builder(echoService()).path("/api").build();
      Channel channel =
          new ServerBootstrap()
              .group(group)
              .channel(NioServerSocketChannel.class)
              .childHandler(initializer)
              .bind("127.0.0.1", 0)
              .sync()
              .channel();
      int port = ((InetSocketAddress) channel.localAddress()).getPort();
      try (RawHttpConnection connection = new RawHttpConnection("127.0.0.1", port)) {
        assertSameJson(
            connection.send(RawHttpConnection.post("/api?x=1", ECHO)).read().bodyText(),
            ECHO_REPLY);
        assertThat(initializer.openConnections()).isEqualTo(1);
      }
      channel.close().sync();
    } finally {
      group.shutdownGracefully(0, 1, TimeUnit.SECONDS).sync();
    }
  }

  @Test
  void sharedEventLoopsAreLeftRunning() throws Exception {
    EventLoopGroup group = new MultiThreadIoEventLoopGroup(1, NioIoHandler.newFactory());
    try {
      JsonRpcHttpServer server =
          JsonRpcHttpServer.builder(echoService())
              .host("127.0.0.1")
              .port(0)
              .eventLoops(group, group, NioServerSocketChannel.class)
              .build()
              .start();
      try (RawHttpConnection connection = new RawHttpConnection("127.0.0.1", server.port())) {
        assertSameJson(
            connection.send(RawHttpConnection.post("/", ECHO)).read().bodyText(), ECHO_REPLY);
      }
      server.close();
      assertThat(group.isShuttingDown()).isFalse();
    } finally {
      group.shutdownGracefully(0, 1, TimeUnit.SECONDS).sync();
    }
  }

  @Test
  void invalidHttpGets400AndAClose() throws Exception {
    try (JsonRpcHttpServer server = local(echoService()).maxHeaderBytes(1024).build().start()) {
      try (RawHttpConnection connection = new RawHttpConnection("127.0.0.1", server.port())) {
        String hugeHeader = "X-Big: " + "a".repeat(2000);
        RawHttpConnection.Response response =
            connection.send(RawHttpConnection.post("/", ECHO, hugeHeader)).read();
        assertThat(response.status()).isEqualTo(400);
        assertThat(connection.isClosedByServer()).isTrue();
      }
      try (RawHttpConnection connection = new RawHttpConnection("127.0.0.1", server.port())) {
        String badLength = "POST / HTTP/1.1\r\nHost: x\r\nContent-Length: nope\r\n\r\n";
        assertThat(connection.send(badLength).read().status()).isEqualTo(400);
      }
      try (RawHttpConnection connection = new RawHttpConnection("127.0.0.1", server.port())) {
        String brokenChunk =
            "POST / HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n5\r\n{\"jso\r\nzz\r\n";
        assertThat(connection.send(brokenChunk).read().status()).isEqualTo(400);
        assertThat(connection.isClosedByServer()).isTrue();
      }
      try (RawHttpConnection connection = new RawHttpConnection("127.0.0.1", server.port())) {
        assertSameJson(
            connection.send(RawHttpConnection.post("/", ECHO)).read().bodyText(), ECHO_REPLY);
      }
    }
  }

  @Test
  void anotherPathGets404() throws Exception {
    try (JsonRpcHttpServer server = local(echoService()).path("/rpc").build().start();
        RawHttpConnection connection = new RawHttpConnection("127.0.0.1", server.port())) {
      assertThat(connection.send(RawHttpConnection.post("/rpc/other", ECHO)).read().status())
          .isEqualTo(404);
      assertThat(connection.send(RawHttpConnection.post("/", ECHO)).read().status()).isEqualTo(404);
      assertSameJson(
          connection.send(RawHttpConnection.post("/rpc?v=2", ECHO)).read().bodyText(), ECHO_REPLY);
    }
  }

  @Test
  void idleConnectionsAreClosed() throws Exception {
    try (JsonRpcHttpServer server =
            local(echoService()).idleTimeout(Duration.ofSeconds(1)).build().start();
        RawHttpConnection connection = new RawHttpConnection("127.0.0.1", server.port())) {
      assertSameJson(
          connection.send(RawHttpConnection.post("/", ECHO)).read().bodyText(), ECHO_REPLY);
      assertThat(connection.isClosedByServer()).isTrue();
    }
  }

  @Test
  void pathsAreMatchedWithoutQueryOrAuthority() {
    assertThat(HttpExchangeHandler.pathOf("/rpc")).isEqualTo("/rpc");
    assertThat(HttpExchangeHandler.pathOf("/rpc?a=b")).isEqualTo("/rpc");
    assertThat(HttpExchangeHandler.pathOf("/rpc#x")).isEqualTo("/rpc");
    assertThat(HttpExchangeHandler.pathOf("http://host:80/rpc?q")).isEqualTo("/rpc");
    assertThat(HttpExchangeHandler.pathOf("http://host")).isEqualTo("/");
    assertThat(HttpExchangeHandler.pathOf("*")).isEqualTo("*");
  }
}
