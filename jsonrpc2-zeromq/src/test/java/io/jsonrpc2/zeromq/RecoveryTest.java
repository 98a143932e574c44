package io.jsonrpc2.zeromq;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jsonrpc2.JsonRpcClient;
import io.jsonrpc2.client.CallTimeoutException;
import io.jsonrpc2.client.ConnectionLostException;
import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.zeromq.SocketType;

/** A client stays usable after timeouts and lost connections. */
@Timeout(30)
class RecoveryTest {
  private final TestMethods methods = new TestMethods("server", 1);
  private final List<AutoCloseable> open = new ArrayList<>();

  @AfterEach
  void closeAll() throws Exception {
    for (int i = open.size() - 1; i >= 0; i--) {
      open.get(i).close();
    }
  }

  private ZmqServer server(SocketType type) {
    ZmqServer server =
        ZmqServer.builder(TestMethods.service(methods))
            .socketType(type)
            .bind("tcp://127.0.0.1:0")
            .shutdownTimeout(Duration.ZERO)
            .start();
    open.add(server);
    return server;
  }

  private JsonRpcClient client(
      String endpoint, SocketType type, Duration timeout, Duration replyTimeout) {
    return client(
        ZmqClientTransport.builder(endpoint).socketType(type).replyTimeout(replyTimeout), timeout);
  }

  private JsonRpcClient client(ZmqClientTransport.Builder transport, Duration timeout) {
    JsonRpcClient client =
        JsonRpcClient.builder().transport(transport.build()).timeout(timeout).build();
    open.add(client);
    return client;
  }

  /**
   * The REQ socket that waited for the slow reply is replaced as soon as the call times out; kept,
   * it would hold up the next call until the transport's 30 s reply timeout. The next call's 10 s
   * leave room for the new connection's handshake to stall and be retried (see ClientSocket).
   */
  @Test
  void aReqClientRecoversFromATimedOutCall() {
    JsonRpcClient client =
        client(
            server(SocketType.ROUTER).endpoint(),
            SocketType.REQ,
            Duration.ofSeconds(10),
            Duration.ofSeconds(30));
    assertThatThrownBy(
            () -> client.withTimeout(Duration.ofMillis(300)).call("slow", String.class, 10_000))
        .isInstanceOf(CallTimeoutException.class);
    assertThat(client.call("echo", String.class, "next")).isEqualTo("next");
    assertThat(client.call("echo", String.class, "and the next")).isEqualTo("and the next");
  }

  /**
   * A REP server answers the slow call late; that answer goes to the closed socket, not to the next
   * call.
   */
  @Test
  void aLateReplyIsNeverTakenForTheNextOne() {
    JsonRpcClient client =
        client(
            server(SocketType.REP).endpoint(),
            SocketType.REQ,
            Duration.ofSeconds(10),
            Duration.ofSeconds(30));
    assertThatThrownBy(
            () -> client.withTimeout(Duration.ofMillis(300)).call("slow", String.class, 1_000))
        .isInstanceOf(CallTimeoutException.class);
    assertThat(client.call("echo", String.class, "next")).isEqualTo("next");
  }

  @Test
  void aDealerClientRecoversFromATimedOutCall() {
    JsonRpcClient client =
        client(
            server(SocketType.ROUTER).endpoint(),
            SocketType.DEALER,
            Duration.ofSeconds(10),
            Duration.ofSeconds(30));
    assertThatThrownBy(
            () -> client.withTimeout(Duration.ofMillis(300)).call("slow", String.class, 1_000))
        .isInstanceOf(CallTimeoutException.class);
    assertThat(client.call("echo", String.class, "next")).isEqualTo("next");
  }

  /**
   * Nobody waits for a notification's empty answer; the reply timeout is what frees the REQ socket
   * (the server answers the notification only after a minute).
   *
   * <p>The same reply timeout then bounds the call, which goes over the new socket's new
   * connection: JeroMQ now and then stalls such a connection's handshake until the handshake
   * timeout has it made again (see ClientSocket). A short handshake timeout and a reply timeout
   * several retries long keep such a stall from ending the call's exchange too.
   */
  @Test
  void theReplyTimeoutFreesAReqSocketStuckOnANotification() {
    JsonRpcClient client =
        client(
            ZmqClientTransport.builder(server(SocketType.ROUTER).endpoint())
                .socketType(SocketType.REQ)
                .replyTimeout(Duration.ofSeconds(2))
                .handshakeTimeout(Duration.ofMillis(250)),
            Duration.ofSeconds(10));
    client.notify("slow", 60_000);
    assertThat(client.call("echo", String.class, "next")).isEqualTo("next");
  }

  @Test
  void aDroppedConnectionFailsTheCallsWaitingOnItAtOnceOverDealer() throws Exception {
    ZmqServer server = server(SocketType.ROUTER);
    JsonRpcClient client =
        client(server.endpoint(), SocketType.DEALER, Duration.ofMinutes(1), Duration.ofMinutes(1));
    assertThat(client.call("echo", String.class, "up")).isEqualTo("up"); // the connection is in use
    CompletableFuture<String> waiting = client.callAsync("slow", String.class, 60_000);
    assertThat(methods.slowStarted.tryAcquire(10, TimeUnit.SECONDS)).isTrue();
    server.close();
    assertThatThrownBy(() -> waiting.get(20, TimeUnit.SECONDS)) // well before the call's timeout
        .isInstanceOf(ExecutionException.class)
        .hasCauseInstanceOf(ConnectionLostException.class);
  }

  @Test
  void aDroppedConnectionFailsTheWaitingExchangeOverReq() throws Exception {
    ZmqServer server = server(SocketType.ROUTER);
    JsonRpcClient client =
        client(server.endpoint(), SocketType.REQ, Duration.ofMinutes(1), Duration.ofMinutes(1));
    assertThat(client.call("echo", String.class, "up")).isEqualTo("up"); // the connection is in use
    CompletableFuture<String> waiting = client.callAsync("slow", String.class, 60_000);
    assertThat(methods.slowStarted.tryAcquire(10, TimeUnit.SECONDS)).isTrue();
    server.close();
    assertThatThrownBy(() -> waiting.get(20, TimeUnit.SECONDS)) // well before the call's timeout
        .isInstanceOf(ExecutionException.class)
        .hasCauseInstanceOf(ConnectionLostException.class);
  }

  /** ZeroMQ queues what is sent before the server is up and delivers it once it is. */
  @Test
  void aCallMadeBeforeTheServerStartsIsAnsweredOnceItDoes() throws IOException {
    int port;
    try (ServerSocket probe = new ServerSocket(0)) {
      port = probe.getLocalPort();
    }
    String endpoint = "tcp://127.0.0.1:" + port;
    JsonRpcClient client =
        client(endpoint, SocketType.REQ, Duration.ofSeconds(20), Duration.ofSeconds(20));
    CompletableFuture<String> early = client.callAsync("echo", String.class, "early");
    open.add(ZmqServer.builder(TestMethods.service(methods)).bind(endpoint).start());
    assertThat(early.join()).isEqualTo("early");
  }
}
