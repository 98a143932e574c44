package io.jsonrpc2.zeromq;

import static org.assertj.core.api.Assertions.assertThat;

import io.jsonrpc2.JsonRpcClient;
import io.jsonrpc2.client.BatchResponse;
import io.jsonrpc2.message.Request;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.zeromq.SocketType;

/** JsonRpcClient over ZmqClientTransport against ZmqServer, every pairing of socket types. */
@Timeout(30)
class RoundTripTest {
  private static final int RENDEZVOUS = 16;

  private final TestMethods methods = new TestMethods("server", RENDEZVOUS);
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
            .start();
    open.add(server);
    return server;
  }

  private JsonRpcClient client(ZmqServer server, SocketType type) {
    JsonRpcClient client =
        JsonRpcClient.builder()
            .transport(ZmqClientTransport.builder(server.endpoint()).socketType(type).build())
            .timeout(Duration.ofSeconds(20))
            .build();
    open.add(client);
    return client;
  }

  @Test
  void reqToRep() {
    JsonRpcClient client = client(server(SocketType.REP), SocketType.REQ);
    assertThat(client.call("cat", String.class, Map.of("name", "Mittens"))).isEqualTo("meow");
    assertThat(client.call("cube", Long.class, 3)).isEqualTo(27L);
  }

  @Test
  void dealerToRouter() {
    JsonRpcClient client = client(server(SocketType.ROUTER), SocketType.DEALER);
    assertThat(client.call("echo", String.class, "hi")).isEqualTo("hi");
    assertThat(client.call("cube", Long.class, 4)).isEqualTo(64L);
  }

  @Test
  void reqToRouter() {
    JsonRpcClient client = client(server(SocketType.ROUTER), SocketType.REQ);
    assertThat(client.call("echo", String.class, "hi")).isEqualTo("hi");
  }

  @Test
  void dealerToRep() {
    JsonRpcClient client = client(server(SocketType.REP), SocketType.DEALER);
    List<CompletableFuture<Long>> cubes =
        IntStream.range(0, 20).mapToObj(i -> client.callAsync("cube", Long.class, i)).toList();
    for (int i = 0; i < cubes.size(); i++) {
      assertThat(cubes.get(i).join()).isEqualTo((long) i * i * i);
    }
  }

  @Test
  void aBatchOfTenCubesOverReq() {
    JsonRpcClient client = client(server(SocketType.REP), SocketType.REQ);
    List<Request> requests = IntStream.range(0, 10).mapToObj(i -> Request.of("cube", i)).toList();
    BatchResponse batch = client.send(requests);
    assertThat(batch.responses()).hasSize(10);
    assertThat(batch.responses().stream().map(r -> r.result().asLong()).toList())
        .containsExactly(0L, 1L, 8L, 27L, 64L, 125L, 216L, 343L, 512L, 729L);
  }

  @Test
  void aNotificationOverReqDoesNotStopTheNextCall() throws Exception {
    JsonRpcClient client = client(server(SocketType.REP), SocketType.REQ);
    client.notify("ping", 7);
    assertThat(client.call("echo", String.class, "after")).isEqualTo("after");
    assertThat(methods.pings.poll(10, TimeUnit.SECONDS)).isEqualTo(7);
  }

  @Test
  void notificationsOverDealerToRouterAreNotAnswered() throws Exception {
    JsonRpcClient client = client(server(SocketType.ROUTER), SocketType.DEALER);
    for (int i = 0; i < 5; i++) {
      client.notify("ping", i);
    }
    assertThat(client.call("echo", String.class, "after")).isEqualTo("after");
    for (int i = 0; i < 5; i++) {
      assertThat(methods.pings.poll(10, TimeUnit.SECONDS)).isEqualTo(i);
    }
  }

  /** close() still sends what was handed over before it: here a notification. */
  @ParameterizedTest
  @EnumSource(
      value = SocketType.class,
      names = {"REQ", "DEALER"})
  void aNotificationSentJustBeforeCloseStillArrives(SocketType clientType) throws Exception {
    JsonRpcClient client = client(server(SocketType.ROUTER), clientType);
    client.notify("ping", 42);
    client.close();
    assertThat(methods.pings.poll(10, TimeUnit.SECONDS)).isEqualTo(42);
  }

  /**
   * Every call waits at the server until all of them are there: only a concurrent server answers.
   */
  @Test
  void manyConcurrentCallsOverDealer() {
    JsonRpcClient client = client(server(SocketType.ROUTER), SocketType.DEALER);
    List<CompletableFuture<Integer>> calls =
        IntStream.range(0, RENDEZVOUS)
            .mapToObj(i -> client.callAsync("rendezvous", Integer.class, i))
            .toList();
    for (int i = 0; i < RENDEZVOUS; i++) {
      assertThat(calls.get(i).join()).isEqualTo(i);
    }
    List<CompletableFuture<String>> echoes =
        IntStream.range(0, 2_000)
            .mapToObj(i -> client.callAsync("echo", String.class, "m" + i))
            .toList();
    for (int i = 0; i < echoes.size(); i++) {
      assertThat(echoes.get(i).join()).isEqualTo("m" + i);
    }
  }

  /** One REQ socket, many threads: each caller gets its own answer. */
  @Test
  void manyThreadsShareOneReqClient() throws Exception {
    JsonRpcClient client = client(server(SocketType.REP), SocketType.REQ);
    ExecutorService threads = Executors.newFixedThreadPool(8);
    try {
      List<Future<Boolean>> results = new ArrayList<>();
      for (int t = 0; t < 8; t++) {
        int thread = t;
        results.add(
            threads.submit(
                () -> {
                  for (int i = 0; i < 50; i++) {
                    String text = thread + "/" + i;
                    if (!text.equals(client.call("echo", String.class, text))) {
                      return false;
                    }
                  }
                  return true;
                }));
      }
      for (Future<Boolean> result : results) {
        assertThat(result.get(20, TimeUnit.SECONDS)).isTrue();
      }
    } finally {
      threads.shutdownNow();
    }
  }

  @Test
  void methodsSeeTheTransport() {
    JsonRpcClient client = client(server(SocketType.ROUTER), SocketType.DEALER);
    assertThat(client.call("peer", String.class)).startsWith("zeromq ROUTER /127.0.0.1:");
  }

  @Test
  void theShortcutReadsLikeJsonrpcclient() {
    ZmqServer server = JsonRpcZmq.serve("tcp://127.0.0.1:*", TestMethods.service(methods));
    open.add(server);
    assertThat(server.endpoint()).matches("tcp://127\\.0\\.0\\.1:\\d+").doesNotEndWith(":0");
    try (JsonRpcClient client = JsonRpcZmq.client(server.endpoint())) {
      assertThat(client.call("cat", String.class, Map.of("name", "Mittens"))).isEqualTo("meow");
    }
  }
}
