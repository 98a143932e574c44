package io.jsonrpc2.zeromq;

import static io.jsonrpc2.testing.JsonAssertions.assertSameJson;
import static io.jsonrpc2.zeromq.RawPeer.utf8;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.zeromq.SocketType;
import org.zeromq.ZMQ;

/** Whatever a peer sends, it gets a clear answer or is cut off, and the server keeps serving. */
@Timeout(30)
class BadInputTest {
  private static final String PARSE_ERROR =
      "{\"jsonrpc\":\"2.0\",\"error\":{\"code\":-32700,\"message\":\"Parse error\"},\"id\":null}";
  private static final String ECHO =
      "{\"jsonrpc\":\"2.0\",\"method\":\"echo\",\"params\":[\"still here\"],\"id\":9}";
  private static final String ECHOED = "{\"jsonrpc\":\"2.0\",\"result\":\"still here\",\"id\":9}";

  private ZmqServer server;

  enum Kind {
    REP,
    ROUTER
  }

  private RawPeer start(Kind kind) {
    server =
        ZmqServer.builder(TestMethods.service(new TestMethods("server", 1)))
            .socketType(SocketType.valueOf(kind.name()))
            .bind("tcp://127.0.0.1:0")
            .maxMessageSize(1_000)
            .discardMessagesAbove(100_000)
            .start();
    return new RawPeer(SocketType.REQ, server.endpoint());
  }

  @AfterEach
  void stop() {
    server.close();
  }

  @ParameterizedTest
  @EnumSource(Kind.class)
  void invalidUtf8IsAParseError(Kind kind) {
    try (RawPeer peer = start(kind)) {
      String text = "{\"jsonrpc\":\"2.0\",\"method\":\"echo\",\"params\":[\"xx\"],\"id\":1}";
      byte[] bad = utf8(text);
      int at = text.indexOf("xx");
      bad[at] = (byte) 0xC3; // a lead byte followed by '(' instead of a continuation byte
      bad[at + 1] = (byte) 0x28;
      assertSameJson(peer.send(bad).receive(), PARSE_ERROR);
      assertSameJson(peer.send(ECHO).receive(), ECHOED);
    }
  }

  @ParameterizedTest
  @EnumSource(Kind.class)
  void textThatIsNotJsonIsAParseError(Kind kind) {
    try (RawPeer peer = start(kind)) {
      assertSameJson(peer.send("hello, server").receive(), PARSE_ERROR);
      assertSameJson(peer.send(new byte[0]).receive(), PARSE_ERROR);
      assertSameJson(peer.send(ECHO).receive(), ECHOED);
    }
  }

  @ParameterizedTest
  @EnumSource(Kind.class)
  void aMessageOverTheLimitGetsAnErrorNamingTheLimit(Kind kind) {
    try (RawPeer peer = start(kind)) {
      String big =
          "{\"jsonrpc\":\"2.0\",\"method\":\"echo\",\"params\":[\""
              + "x".repeat(2_000)
              + "\"],\"id\":1}";
      assertSameJson(
          peer.send(big).receive(),
          "{\"jsonrpc\":\"2.0\",\"error\":{\"code\":-32600,\"message\":\"Invalid Request: the message has "
              + big.length()
              + " bytes, more than the limit of 1000\"},\"id\":null}");
      assertSameJson(peer.send(ECHO).receive(), ECHOED);
    }
  }

  @ParameterizedTest
  @EnumSource(Kind.class)
  void aMessageOfSeveralFramesGetsAnError(Kind kind) {
    try (RawPeer peer = start(kind)) {
      assertSameJson(
          peer.send(utf8("{\"jsonrpc\":\"2.0\","), utf8("\"method\":\"echo\",\"id\":1}")).receive(),
          "{\"jsonrpc\":\"2.0\",\"error\":{\"code\":-32600,\"message\":"
              + "\"Invalid Request: a JSON-RPC message must be one ZeroMQ frame, got 2\"},\"id\":null}");
      assertSameJson(peer.send(ECHO).receive(), ECHOED);
    }
  }

  /** Far over the limit the socket does not even read the frame: it drops that peer alone. */
  @ParameterizedTest
  @EnumSource(Kind.class)
  void aHugeFrameCostsThePeerItsConnectionAndNobodyElseAnything(Kind kind) {
    try (RawPeer bystander = start(kind);
        RawPeer attacker = new RawPeer(SocketType.DEALER, server.endpoint())) {
      assertSameJson(bystander.send(ECHO).receive(), ECHOED);
      ZMQ.Socket watch = attacker.context().createSocket(SocketType.PAIR);
      attacker.socket().monitor("inproc://attacker", ZMQ.EVENT_DISCONNECTED);
      watch.connect("inproc://attacker");
      attacker.send(new byte[0], new byte[200_000]);
      watch.setReceiveTimeOut((int) TimeUnit.SECONDS.toMillis(10));
      assertThat(watch.recv(0)).as("the server cut the attacker off").isNotNull();
      assertSameJson(bystander.send(ECHO).receive(), ECHOED);
    }
  }

  /** A ROUTER answers peers without a delimiter frame (plain DEALERs) in kind: bare replies. */
  @ParameterizedTest
  @EnumSource(value = Kind.class, names = "ROUTER")
  void plainDealerPeersGetBareRepliesAndNothingForNotifications(Kind kind) {
    start(kind).close();
    try (RawPeer dealer = new RawPeer(SocketType.DEALER, server.endpoint())) {
      dealer.send(
          "{\"jsonrpc\":\"2.0\",\"method\":\"ping\",\"params\":[1]}"); // answered with nothing
      dealer.send(ECHO);
      List<byte[]> frames = dealer.receiveFrames();
      assertThat(frames).hasSize(1);
      assertSameJson(new String(frames.get(0), java.nio.charset.StandardCharsets.UTF_8), ECHOED);
    }
  }
}
