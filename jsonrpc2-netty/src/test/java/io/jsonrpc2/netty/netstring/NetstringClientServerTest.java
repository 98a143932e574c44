package io.jsonrpc2.netty.netstring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jsonrpc2.JsonRpcClient;
import io.jsonrpc2.JsonRpcService;
import io.jsonrpc2.client.BatchResponse;
import io.jsonrpc2.client.CallTimeoutException;
import io.jsonrpc2.client.ConnectionLostException;
import io.jsonrpc2.client.ErrorResponseException;
import io.jsonrpc2.client.TransportException;
import io.jsonrpc2.message.ErrorCodes;
import io.jsonrpc2.message.Notification;
import io.jsonrpc2.message.Request;
import io.jsonrpc2.testing.CountingInlineExecutor;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.nio.NioIoHandler;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** {@link JsonRpcClient} over {@link NetstringClientTransport} against {@link NetstringServer}. */
@Timeout(60)
class NetstringClientServerTest {
  private final TestMethods methods = new TestMethods();
  private final List<AutoCloseable> resources = new ArrayList<>();

  @AfterEach
  void closeAll() throws Exception {
    for (int i = resources.size() - 1; i >= 0; i--) {
      resources.get(i).close();
    }
  }

  private NetstringServer start(NetstringServer.Builder builder) {
    NetstringServer server =
        builder.host("127.0.0.1").shutdownTimeout(Duration.ofSeconds(5)).start();
    resources.add(server);
    return server;
  }

  private NetstringServer start() {
    return start(NetstringServer.builder(JsonRpcService.builder().handler(methods).build()));
  }

  private JsonRpcClient client(int port) {
    JsonRpcClient client = NetstringClient.create("127.0.0.1", port);
    resources.add(client);
    return client;
  }

  private static Throwable failureOf(CompletableFuture<?> future) throws InterruptedException {
    try {
      future.get(20, TimeUnit.SECONDS);
      throw new AssertionError("the call succeeded");
    } catch (ExecutionException e) {
      return e.getCause();
    } catch (java.util.concurrent.TimeoutException e) {
      throw new AssertionError("the call did not fail within 20 s");
    }
  }

  @Test
  void theServersCallsOfOneReadAreOneHandOffOnTheClient() throws Exception {
    // An async method runs on the server's event loop: what it sends goes out in one write.
    JsonRpcService server =
        JsonRpcService.builder()
            .asyncMethod(
                "burst",
                (params, context) -> {
                  for (int i = 0; i < 20; i++) {
                    context.peer().notify("tick", i);
                  }
                  return CompletableFuture.completedFuture("done");
                })
            .build();
    CountDownLatch ticks = new CountDownLatch(20);
    // Runs each hand-off at once, on the event loop: a call handed off alone would be one each.
    CountingInlineExecutor handOffs = new CountingInlineExecutor();
    JsonRpcService local =
        JsonRpcService.builder()
            .method(
                "tick",
                (params, context) -> {
                  ticks.countDown();
                  return null;
                })
            .executor(handOffs)
            .build();
    JsonRpcClient client =
        JsonRpcClient.builder()
            .transport(
                NetstringClientTransport.builder(
                        "127.0.0.1", start(NetstringServer.builder(server)).port())
                    .build())
            .service(local)
            .build();
    resources.add(client);

    assertThat(client.call("burst", String.class)).isEqualTo("done");
    assertThat(ticks.await(10, TimeUnit.SECONDS)).isTrue();
    // One read, or a few if the bytes came apart: never one hand-off per tick.
    assertThat(handOffs.count()).isBetween(1, 3);
  }

  @Test
  void callsWithoutAConnectStep() {
    NetstringServer server = start();
    NetstringClientTransport transport =
        NetstringClientTransport.builder("127.0.0.1", server.port()).build();
    try (JsonRpcClient client = JsonRpcClient.builder().transport(transport).build()) {
      assertThat(transport.isConnected()).isFalse();
      assertThat(client.call("echo", String.class, "foo")).isEqualTo("foo");
      assertThat(transport.isConnected()).isTrue();
      assertThat(client.call("echo", List.class, List.of(1, Map.of("a", "b"))))
          .isEqualTo(List.of(1, Map.of("a", "b")));
      assertThat(client.endpoint()).isEqualTo("netstring://127.0.0.1:" + server.port());
    }
  }

  @Test
  void pipelinesAThousandCallsOnOneConnection() {
    NetstringServer server = start();
    JsonRpcClient client = client(server.port());
    List<CompletableFuture<Integer>> calls = new ArrayList<>();
    for (int i = 0; i < 1000; i++) {
      calls.add(client.callAsync("echo", Integer.class, i));
    }
    for (int i = 0; i < 1000; i++) {
      assertThat(calls.get(i).join()).isEqualTo(i);
    }
    assertThat(server.connectionCount()).isEqualTo(1);
  }

  @Test
  void matchesRepliesThatComeOutOfOrder() {
    JsonRpcClient client = client(start().port());
    CompletableFuture<String> slow = client.callAsync("gate", String.class, "slow");
    CompletableFuture<String> fast = client.callAsync("echo", String.class, "fast");
    assertThat(fast.join()).isEqualTo("fast");
    assertThat(slow).isNotDone();
    methods.open("slow");
    assertThat(slow.join()).isEqualTo("slow");
  }

  @Test
  void sendsBatchesAndNotifications() throws Exception {
    JsonRpcClient client = client(start().port());
    BatchResponse batch =
        client.send(
            List.of(
                Request.of("echo", 1),
                Notification.of("note", "in a batch"),
                Request.of("echo", "two")));
    assertThat(batch.size()).isEqualTo(2);
    assertThat(batch.responses().get(0).result().asInt()).isEqualTo(1);
    assertThat(batch.responses().get(1).result().asText()).isEqualTo("two");
    assertThat(methods.notes.poll(5, TimeUnit.SECONDS)).isEqualTo("in a batch");

    client.notify("note", "alone");
    assertThat(methods.notes.poll(5, TimeUnit.SECONDS)).isEqualTo("alone");
  }

  @Test
  void reconnectsByItselfAfterTheServerRestartsOnTheSamePort() throws Exception {
    JsonRpcService service = JsonRpcService.builder().handler(methods).build();
    NetstringServer first = NetstringServer.builder(service).host("127.0.0.1").start();
    int port = first.port();
    JsonRpcClient client = client(port);
    assertThat(client.call("echo", String.class, "before")).isEqualTo("before");

    first.close();
    assertThat(failureOf(client.callAsync("echo", String.class, "while down")))
        .isInstanceOf(TransportException.class);

    start(NetstringServer.builder(service).port(port));
    assertThat(client.call("echo", String.class, "after")).isEqualTo("after");
  }

  @Test
  void failsCallsInFlightAtOnceWhenTheConnectionDrops() throws Exception {
    NetstringServer server = start();
    JsonRpcClient client =
        JsonRpcClient.builder()
            .transport(NetstringClientTransport.builder("127.0.0.1", server.port()).build())
            .timeout(Duration.ofMinutes(5)) // so only the drop can end the calls
            .build();
    resources.add(client);
    CompletableFuture<String> first = client.callAsync("gate", String.class, "never");
    CompletableFuture<String> second = client.callAsync("gate", String.class, "never either");
    assertThat(client.call("echo", String.class, "connected")).isEqualTo("connected");

    server.shutdown(Duration.ofMillis(1)); // cuts the calls off
    assertThat(failureOf(first)).isInstanceOf(ConnectionLostException.class);
    assertThat(failureOf(second)).isInstanceOf(ConnectionLostException.class);
  }

  @Test
  void perCallTimeoutAndCancellationLeaveTheConnectionUsable() throws Exception {
    NetstringServer server = start();
    JsonRpcClient client = client(server.port());
    assertThat(
            failureOf(
                client.withTimeout(Duration.ofMillis(200)).callAsync("gate", String.class, "late")))
        .isInstanceOf(CallTimeoutException.class);
    CompletableFuture<String> cancelled = client.callAsync("gate", String.class, "cancelled");
    assertThat(cancelled.cancel(true)).isTrue();
    // the late replies arrive on the same connection and are dropped; other calls go on
    methods.open("late");
    methods.open("cancelled");
    assertThat(client.call("echo", String.class, "still connected")).isEqualTo("still connected");
    assertThat(server.connectionCount()).isEqualTo(1);
  }

  @Test
  void servesTheErrorOfStopServingAndResumes() {
    NetstringServer server = start();
    JsonRpcClient client = client(server.port());
    server.service().stopServing(TestMethods.CustomError.class);
    assertThatThrownBy(() -> client.call("echo", String.class, "x"))
        .isInstanceOfSatisfying(
            ErrorResponseException.class,
            e -> {
              assertThat(e.code()).isEqualTo(-32050);
              assertThat(e.errorMessage()).isEqualTo("Custom Error");
            });
    server.service().stopServing();
    assertThatThrownBy(() -> client.call("echo", String.class, "x"))
        .isInstanceOfSatisfying(
            ErrorResponseException.class,
            e -> assertThat(e.code()).isEqualTo(ErrorCodes.SERVICE_UNAVAILABLE));
    server.service().startServing();
    assertThat(client.call("echo", String.class, "x")).isEqualTo("x");
  }

  @Test
  void cancelPendingAnswersTheCallsInFlight() throws Exception {
    NetstringServer server = start();
    JsonRpcClient client = client(server.port());
    CompletableFuture<String> blocked = client.callAsync("block", String.class, 60_000);
    CompletableFuture<String> gated = client.callAsync("gate", String.class, "closed");
    assertThat(methods.blockStarted.tryAcquire(10, TimeUnit.SECONDS)).isTrue();
    // the gate call is registered before the block call returns from the executor hop
    assertThat(client.call("echo", String.class, "sync")).isEqualTo("sync");

    assertThat(server.service().cancelPending()).isEqualTo(2);
    assertThat(failureOf(blocked))
        .isInstanceOfSatisfying(
            ErrorResponseException.class,
            e -> assertThat(e.code()).isEqualTo(ErrorCodes.CANCELLED));
    assertThat(failureOf(gated))
        .isInstanceOfSatisfying(
            ErrorResponseException.class,
            e -> assertThat(e.code()).isEqualTo(ErrorCodes.CANCELLED));
  }

  @Test
  void servesTheTimeoutErrorOverTheWire() {
    NetstringServer server =
        start(
            NetstringServer.builder(
                JsonRpcService.builder().handler(methods).timeout(Duration.ofMillis(200)).build()));
    JsonRpcClient client = client(server.port());
    assertThatThrownBy(() -> client.call("block", String.class, 60_000))
        .isInstanceOfSatisfying(
            ErrorResponseException.class,
            e -> {
              assertThat(e.code()).isEqualTo(ErrorCodes.TIMEOUT);
              assertThat(e.errorMessage()).isEqualTo("Timeout error");
            });
    assertThat(client.call("echo", String.class, "still serving")).isEqualTo("still serving");
  }

  @Test
  void shutdownLetsCallsInFlightFinishThenStopsAccepting() throws Exception {
    NetstringServer server = start();
    int port = server.port();
    JsonRpcClient client = client(port);
    CompletableFuture<String> inFlight = client.callAsync("gate", String.class, "finishing");
    assertThat(client.call("echo", String.class, "connected")).isEqualTo("connected");

    CompletableFuture<Void> shutdown = server.shutdown(Duration.ofSeconds(20));
    // shutdown returns once the listener is closed: a new connection is refused
    JsonRpcClient late = client(port);
    assertThat(failureOf(late.callAsync("echo", String.class, "too late")))
        .isInstanceOf(TransportException.class);
    assertThat(shutdown).isNotDone();

    methods.open("finishing");
    assertThat(inFlight.get(10, TimeUnit.SECONDS)).isEqualTo("finishing");
    shutdown.get(10, TimeUnit.SECONDS);
    assertThat(server.connectionCount()).isZero();
  }

  @Test
  void shutdownGivesUpOnCallsAfterItsTimeout() throws Exception {
    NetstringServer server = start();
    JsonRpcClient client = client(server.port());
    CompletableFuture<String> stuck = client.callAsync("gate", String.class, "stuck");
    assertThat(client.call("echo", String.class, "connected")).isEqualTo("connected");
    server.shutdown(Duration.ofMillis(200)).get(10, TimeUnit.SECONDS);
    assertThat(failureOf(stuck)).isInstanceOf(ConnectionLostException.class);
  }

  @Test
  void failsClearlyWhenNothingListens() throws Exception {
    NetstringServer server = start();
    int port = server.port();
    server.close();
    JsonRpcClient client = client(port);
    Throwable failure = failureOf(client.callAsync("echo", String.class, "x"));
    assertThat(failure)
        .isInstanceOf(TransportException.class)
        .hasMessageContaining("cannot connect to netstring://127.0.0.1:" + port);
  }

  @Test
  void aBadFrameFromTheServerDropsTheConnectionAndFailsTheCalls() throws Exception {
    try (java.net.ServerSocket broken =
        new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
      CompletableFuture<Void> peer =
          CompletableFuture.runAsync(
              () -> {
                try (java.net.Socket socket = broken.accept()) {
                  socket.getInputStream().read(new byte[64]); // the request (or its start)
                  socket
                      .getOutputStream()
                      .write(
                          "5:abc!!not a netstring"
                              .getBytes(java.nio.charset.StandardCharsets.US_ASCII));
                  socket.getOutputStream().flush();
                  socket.getInputStream().read(); // until the client hangs up
                } catch (java.io.IOException e) {
                  throw new java.io.UncheckedIOException(e);
                }
              });
      JsonRpcClient client = client(broken.getLocalPort());
      assertThat(failureOf(client.callAsync("echo", String.class, "x")))
          .isInstanceOf(ConnectionLostException.class);
      peer.get(10, TimeUnit.SECONDS);
    }
  }

  /**
   * A server that breaks the protocol once fails the calls at once (the default call timeout is 30
   * s; failureOf waits 20) with what it broke, and the next call gets a new connection.
   */
  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      quoteCharacter = '`',
      value = {
        "HTTP/1.1 400 Bad Request CRLF CRLF | ConnectionLostException | does not speak netstrings",
        "7:garbage, | ParseResponseException | not JSON",
        "`41:{\"jsonrpc\":\"2.0\",\"result\":1,\"id\":\"other\"},` | InvalidResponseException"
            + " | matches no call"
      })
  void aServerBreakingTheProtocolFailsTheCallsAtOnceAndTheNextCallReconnects(
      String badReply, String exception, String message) throws Exception {
    String reply = badReply.replace(" CRLF", "\r\n");
    try (java.net.ServerSocket server =
        new java.net.ServerSocket(0, 2, java.net.InetAddress.getLoopbackAddress())) {
      CompletableFuture<Void> peer =
          CompletableFuture.runAsync(
              () -> {
                try (java.net.Socket first = server.accept()) {
                  RawNetstringSocket.readFrame(first.getInputStream());
                  first.getOutputStream().write(reply.getBytes(StandardCharsets.UTF_8));
                  first.getOutputStream().flush();
                  try (java.net.Socket second = server.accept()) {
                    String request = RawNetstringSocket.readFrame(second.getInputStream());
                    String id = request.replaceAll(".*\"id\":(\\d+).*", "$1");
                    byte[] answer =
                        ("{\"jsonrpc\":\"2.0\",\"result\":\"again\",\"id\":" + id + "}")
                            .getBytes(StandardCharsets.UTF_8);
                    second
                        .getOutputStream()
                        .write((answer.length + ":").getBytes(StandardCharsets.US_ASCII));
                    second.getOutputStream().write(answer);
                    second.getOutputStream().write(',');
                    second.getOutputStream().flush();
                    second.getInputStream().read(); // until the client hangs up
                  }
                } catch (java.io.IOException e) {
                  throw new java.io.UncheckedIOException(e);
                }
              });
      JsonRpcClient client = client(server.getLocalPort());
      assertThat(failureOf(client.callAsync("echo", String.class, "x")))
          .satisfies(e -> assertThat(e.getClass().getSimpleName()).isEqualTo(exception))
          .hasMessageContaining(message);
      assertThat(client.call("echo", String.class, "y")).isEqualTo("again");
      client.close();
      peer.get(10, TimeUnit.SECONDS);
    }
  }

  @Test
  void aThousandClientConnectionsAtOnce() throws Exception {
    NetstringServer server = start();
    EventLoopGroup shared = new MultiThreadIoEventLoopGroup(2, NioIoHandler.newFactory());
    List<JsonRpcClient> clients = new ArrayList<>();
    try {
      List<CompletableFuture<Integer>> calls = new ArrayList<>();
      for (int i = 0; i < 1000; i++) {
        JsonRpcClient client =
            JsonRpcClient.builder()
                .transport(
                    NetstringClientTransport.builder("127.0.0.1", server.port())
                        .eventLoopGroup(shared)
                        .build())
                .build();
        clients.add(client);
        calls.add(client.callAsync("echo", Integer.class, i));
      }
      for (int i = 0; i < calls.size(); i++) {
        assertThat(calls.get(i).get(30, TimeUnit.SECONDS)).isEqualTo(i);
      }
      assertThat(server.connectionCount()).isEqualTo(1000);
    } finally {
      clients.forEach(JsonRpcClient::close);
      shared.shutdownGracefully(0, 1, TimeUnit.SECONDS).sync();
    }
  }
}
