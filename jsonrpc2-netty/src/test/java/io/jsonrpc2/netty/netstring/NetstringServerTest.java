package io.jsonrpc2.netty.netstring;

import static io.jsonrpc2.testing.JsonAssertions.assertSameJson;
import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jsonrpc2.JsonRpcService;
import io.jsonrpc2.testing.CountingInlineExecutor;
import io.jsonrpc2.testing.SpecExamples;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The server seen through raw sockets: framing, ordering, limits and connection handling. */
@Timeout(30)
class NetstringServerTest {
  private final TestMethods methods = new TestMethods();
  private final List<AutoCloseable> resources = new ArrayList<>();

  private NetstringServer start(NetstringServer.Builder builder) {
    NetstringServer server = builder.host("127.0.0.1").start();
    resources.add(server);
    return server;
  }

  private NetstringServer start() {
    return start(NetstringServer.builder(JsonRpcService.builder().handler(methods).build()));
  }

  private RawNetstringSocket connect(NetstringServer server) throws IOException {
    RawNetstringSocket socket = new RawNetstringSocket(server.port());
    resources.add(socket);
    return socket;
  }

  @AfterEach
  void closeAll() throws Exception {
    for (int i = resources.size() - 1; i >= 0; i--) {
      resources.get(i).close();
    }
  }

  private static String call(String method, String params, Object id) {
    String idJson = id instanceof String ? "\"" + id + "\"" : String.valueOf(id);
    return "{\"jsonrpc\":\"2.0\",\"method\":\""
        + method
        + "\",\"params\":"
        + params
        + ",\"id\":"
        + idJson
        + "}";
  }

  @Test
  void aDroppedConnectionsCallsAreCancelled() throws Exception {
    NetstringServer server = start();
    RawNetstringSocket socket = connect(server);
    socket.send(call("waitForInterrupt", "[]", 1));
    assertThat(methods.waitStarted.tryAcquire(10, TimeUnit.SECONDS)).isTrue();
    socket.close();
    assertThat(methods.interrupted.await(10, TimeUnit.SECONDS)).isTrue();
    RawNetstringSocket another = connect(server);
    another.send(call("echo", "[\"still serving\"]", 2));
    assertThat(another.read()).contains("\"result\":\"still serving\"");
  }

  @Test
  void aMethodCallsItsCallerBackOnTheSameConnection() throws Exception {
    NetstringServer server = start();
    RawNetstringSocket socket = connect(server);
    socket.send(call("askBack", "[\"why?\"]", "outer"));
    String request = socket.read();
    assertThat(request).contains("\"method\":\"client.answer\"").contains("\"params\":[\"why?\"]");
    String id = request.replaceAll(".*\"id\":(\\d+).*", "$1");
    socket.send("{\"jsonrpc\":\"2.0\",\"result\":\"because\",\"id\":" + id + "}");
    assertThat(socket.read())
        .isEqualTo("{\"jsonrpc\":\"2.0\",\"result\":\"you said because\",\"id\":\"outer\"}");
  }

  @Test
  void answersARequestInOneFrame() throws Exception {
    RawNetstringSocket socket = connect(start());
    socket.send(call("echo", "[\"h\u00e9llo\"]", 1));
    assertSameJson(socket.read(), "{\"jsonrpc\":\"2.0\",\"result\":\"h\u00e9llo\",\"id\":1}");
  }

  @Test
  void theBlockingCallsOfOneReadAreHandedOffTogether() throws Exception {
    // Runs each hand-off at once, on the event loop: a call handed off alone would be one each.
    CountingInlineExecutor handOffs = new CountingInlineExecutor();
    JsonRpcService service =
        JsonRpcService.builder()
            .method("echo", (params, context) -> params.get(0, String.class))
            .executor(handOffs)
            .build();
    RawNetstringSocket socket = connect(start(NetstringServer.builder(service)));
    socket.send(call("echo", "[\"first\"]", 0));
    assertThat(socket.read()).contains("first");
    int before = handOffs.count();

    ByteArrayOutputStream twenty = new ByteArrayOutputStream();
    for (int i = 1; i <= 20; i++) {
      twenty.write(RawNetstringSocket.frame(call("echo", "[\"m\"]", i)));
    }
    socket.sendRaw(twenty.toByteArray());
    for (int i = 1; i <= 20; i++) {
      assertThat(socket.read()).contains("\"id\":" + i + "}");
    }

    // One read, or two if the bytes came apart, not one hand-off per call.
    assertThat(handOffs.count() - before).isBetween(1, 2);
  }

  @Test
  void aMessageThatIsNotUtf8IsAParseError() throws Exception {
    RawNetstringSocket socket = connect(start());
    byte[] head = "{\"jsonrpc\":\"2.0\",\"method\":\"echo\",\"params\":[\"".getBytes(UTF_8);
    byte[] tail = "\"],\"id\":1}".getBytes(UTF_8);
    ByteArrayOutputStream frame = new ByteArrayOutputStream();
    // A lone surrogate, U+D800, as three bytes: not UTF-8.
    frame.writeBytes((head.length + 3 + tail.length + ":").getBytes(UTF_8));
    frame.writeBytes(head);
    frame.writeBytes(new byte[] {(byte) 0xED, (byte) 0xA0, (byte) 0x80});
    frame.writeBytes(tail);
    frame.write(',');
    socket.sendRaw(frame.toByteArray());

    assertSameJson(
        socket.read(),
        "{\"jsonrpc\":\"2.0\",\"error\":{\"code\":-32700,\"message\":\"Parse error\"},\"id\":null}");
  }

  @Test
  void bindsPortZeroAndReportsTheActualPort() {
    NetstringServer server = start();
    assertThat(server.port()).isPositive();
    assertThat(server.address().getPort()).isEqualTo(server.port());
  }

  @Test
  void refusesToBindABusyPort() {
    NetstringServer server = start();
    assertThatThrownBy(
            () ->
                NetstringServer.builder(SpecExamples.service())
                    .host("127.0.0.1")
                    .port(server.port())
                    .start())
        .isInstanceOf(UncheckedIOException.class)
        .hasMessageContaining(String.valueOf(server.port()));
  }

  @Test
  void writesEachReplyWhenReadyOutOfOrder() throws Exception {
    RawNetstringSocket socket = connect(start());
    socket.send(call("gate", "[\"slow\"]", 1));
    socket.send(call("echo", "[\"fast\"]", 2));
    assertSameJson(socket.read(), "{\"jsonrpc\":\"2.0\",\"result\":\"fast\",\"id\":2}");
    methods.open("slow");
    assertSameJson(socket.read(), "{\"jsonrpc\":\"2.0\",\"result\":\"slow\",\"id\":1}");
  }

  @Test
  void answersPipelinedRequestsWrittenInOneBurst() throws Exception {
    RawNetstringSocket socket = connect(start());
    StringBuilder burst = new StringBuilder();
    for (int i = 0; i < 1000; i++) {
      burst.append(new String(RawNetstringSocket.frame(call("echo", "[" + i + "]", i)), "UTF-8"));
    }
    socket.sendRaw(burst.toString());
    Set<String> replies = new HashSet<>();
    for (int i = 0; i < 1000; i++) {
      replies.add(socket.read());
    }
    for (int i = 0; i < 1000; i++) {
      assertThat(replies).contains("{\"jsonrpc\":\"2.0\",\"result\":" + i + ",\"id\":" + i + "}");
    }
  }

  @Test
  void sendsNothingForANotification() throws Exception {
    RawNetstringSocket socket = connect(start());
    socket.send("{\"jsonrpc\":\"2.0\",\"method\":\"note\",\"params\":[\"quiet\"]}");
    socket.send(call("echo", "[\"after\"]", 7));
    // the first frame on the wire is the reply to the request sent after the notification
    assertSameJson(socket.read(), "{\"jsonrpc\":\"2.0\",\"result\":\"after\",\"id\":7}");
    assertThat(methods.notes.poll(5, TimeUnit.SECONDS)).isEqualTo("quiet");
  }

  @Test
  void answersABatchInOneFrame() throws Exception {
    RawNetstringSocket socket = connect(start());
    socket.send(
        "["
            + call("echo", "[1]", 1)
            + ",{\"jsonrpc\":\"2.0\",\"method\":\"note\",\"params\":[\"b\"]},"
            + call("echo", "[2]", 2)
            + "]");
    assertSameJson(
        socket.read(),
        "[{\"jsonrpc\":\"2.0\",\"result\":1,\"id\":1},{\"jsonrpc\":\"2.0\",\"result\":2,\"id\":2}]");
  }

  @Test
  void answersAnEmptyFrameWithAParseError() throws Exception {
    RawNetstringSocket socket = connect(start());
    socket.sendRaw("0:,");
    assertSameJson(
        socket.read(),
        "{\"jsonrpc\":\"2.0\",\"error\":{\"code\":-32700,\"message\":\"Parse error\"},\"id\":null}");
  }

  @ParameterizedTest
  @ValueSource(strings = {"abc:", "01:x,", "{\"jsonrpc\":\"2.0\"}", "5:hello!", "3:abc4:next,"})
  void closesOnlyTheConnectionWithABadFrame(String bad) throws Exception {
    NetstringServer server = start();
    RawNetstringSocket good = connect(server);
    RawNetstringSocket broken = connect(server);
    good.send(call("echo", "[\"before\"]", 1));
    assertThat(good.read()).contains("before");

    broken.sendRaw(bad);
    assertThat(broken.closedByServer()).isTrue();

    good.send(call("echo", "[\"after\"]", 2));
    assertThat(good.read()).contains("after");
  }

  @Test
  void closesAConnectionThatAnnouncesAFrameOverTheLimit() throws Exception {
    NetstringServer server =
        start(
            NetstringServer.builder(JsonRpcService.builder().handler(methods).build())
                .maxFrameLength(100));
    RawNetstringSocket fits = connect(server);
    String params = "[\"" + "x".repeat(100 - call("echo", "[\"\"]", 1).length()) + "\"]";
    String largest = call("echo", params, 1);
    assertThat(largest).hasSize(100);
    fits.send(largest);
    assertThat(fits.read()).contains("xxxx");

    RawNetstringSocket tooLong = connect(server);
    tooLong.sendRaw("101:"); // the prefix alone is enough to refuse it
    assertThat(tooLong.closedByServer()).isTrue();
  }

  @Test
  void defaultFrameLimitIsAtLeastEightMebibytes() throws Exception {
    RawNetstringSocket socket = connect(start());
    String big = "y".repeat(8 * 1024 * 1024 - 100);
    socket.send(call("echo", "[\"" + big + "\"]", 1));
    assertThat(socket.read())
        .hasSize(big.length() + "{\"jsonrpc\":\"2.0\",\"result\":\"\",\"id\":1}".length());
  }

  @Test
  void closesIdleConnectionsWhenAsked() throws Exception {
    NetstringServer server =
        start(
            NetstringServer.builder(JsonRpcService.builder().handler(methods).build())
                .idleTimeout(Duration.ofMillis(200)));
    RawNetstringSocket socket = connect(server);
    socket.send(call("echo", "[1]", 1));
    assertThat(socket.read()).contains("\"result\":1");
    assertThat(socket.closedByServer()).isTrue();
  }

  @Test
  void keepsIdleConnectionsOpenByDefault() throws Exception {
    RawNetstringSocket socket = connect(start());
    assertThat(socket.readWithin(300)).isNull(); // neither a frame nor a close
    socket.send(call("echo", "[1]", 1));
    assertThat(socket.read()).contains("\"result\":1");
  }

  @Test
  void stopsReadingAConnectionWithTooManyCallsInFlight() throws Exception {
    NetstringServer server =
        start(
            NetstringServer.builder(JsonRpcService.builder().handler(methods).build())
                .maxInFlightPerConnection(2));
    RawNetstringSocket socket = connect(server);
    socket.send(call("gate", "[\"a\"]", 1));
    socket.send(call("gate", "[\"b\"]", 2));
    socket.send(call("echo", "[\"queued\"]", 3));
    assertThat(socket.readWithin(300)).as("read stops at two calls in flight").isNull();
    methods.open("a");
    List<String> replies = List.of(socket.read(), socket.read());
    assertThat(String.join(" ", replies)).contains("\"a\"").contains("queued");
    methods.open("b");
    assertThat(socket.read()).contains("\"b\"");
  }

  @Test
  void handsTheRemoteAddressToMethods() throws Exception {
    RawNetstringSocket socket = connect(start());
    socket.send(call("whoami", "[]", 1));
    String reply = socket.read();
    assertThat(reply)
        .contains("\"transport\":\"netstring\"")
        .contains("127.0.0.1")
        .contains("\"principal\":null");
  }

  @Test
  void servesConcurrentRepliesFromBlockingMethods() throws Exception {
    RawNetstringSocket socket = connect(start());
    for (int i = 0; i < 20; i++) {
      socket.send(call("block", "[10]", i));
    }
    for (int i = 0; i < 20; i++) {
      assertThat(socket.read()).contains("\"done\"");
    }
  }

  @Test
  void offersAnInitializerForAnotherBootstrap() throws Exception {
    NetstringChannelInitializer initializer =
        NetstringServer.builder(JsonRpcService.builder().handler(methods).build())
            .channelInitializer();
    io.netty.channel.EventLoopGroup group =
        new io.netty.channel.MultiThreadIoEventLoopGroup(
            1, io.netty.channel.nio.NioIoHandler.newFactory());
    try {
      io.netty.channel.Channel listener =
          new io.netty.bootstrap.ServerBootstrap()
              .group(group)
              .channel(io.netty.channel.socket.nio.NioServerSocketChannel.class)
              .childHandler(initializer)
              .bind("127.0.0.1", 0)
              .sync()
              .channel();
      int port = ((java.net.InetSocketAddress) listener.localAddress()).getPort();
      try (RawNetstringSocket socket = new RawNetstringSocket(port)) {
        socket.send(call("echo", "[\"mounted\"]", 1));
        assertThat(socket.read()).contains("mounted");
      }
      listener.close().sync();
    } finally {
      group.shutdownGracefully(0, 1, TimeUnit.SECONDS).sync();
    }
  }

  @Test
  void manyConnectionsAtOnceGetTheirOwnReplies() throws Exception {
    NetstringServer server = start();
    List<RawNetstringSocket> sockets = new ArrayList<>();
    for (int i = 0; i < 50; i++) {
      sockets.add(connect(server));
    }
    for (int i = 0; i < sockets.size(); i++) {
      sockets.get(i).send(call("echo", "[" + i + "]", i));
    }
    for (int i = 0; i < sockets.size(); i++) {
      assertThat(sockets.get(i).read())
          .isEqualTo("{\"jsonrpc\":\"2.0\",\"result\":" + i + ",\"id\":" + i + "}");
    }
    assertThat(server.connectionCount()).isEqualTo(50);
  }
}
