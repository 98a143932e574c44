package io.jsonrpc2.zeromq;

import static org.assertj.core.api.Assertions.assertThat;

import io.jsonrpc2.JsonRpcClient;
import io.jsonrpc2.client.CallTimeoutException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.zeromq.SocketType;

/**
 * One endpoint, two workers behind it, and every worker gets its share.
 *
 * <p>A request the broker hands to a worker whose connection then drops is lost; with JeroMQ 0.6.0
 * that happens now and then to a worker's brand-new connection (see ClientSocket). Clients of a
 * broker therefore call with a short timeout and try again, as these tests do.
 */
@Timeout(60)
class BrokerTest {
  private static final int MAX_CALLS = 5_000;
  private static final Duration TRY_TIMEOUT = Duration.ofSeconds(2);

  private final List<AutoCloseable> open = new ArrayList<>();
  private ZmqBroker broker;

  @AfterEach
  void closeAll() throws Exception {
    for (int i = open.size() - 1; i >= 0; i--) {
      open.get(i).close();
    }
  }

  private void startBroker() {
    broker = ZmqBroker.builder().frontend("tcp://127.0.0.1:0").backend("tcp://127.0.0.1:0").start();
    open.add(broker);
  }

  private void worker(String name, SocketType type) {
    open.add(
        ZmqServer.builder(TestMethods.service(new TestMethods(name, 1)))
            .socketType(type)
            .connect(broker.backendEndpoint())
            .start());
  }

  private JsonRpcClient client(SocketType type) {
    JsonRpcClient client = JsonRpcZmq.client(broker.frontendEndpoint(), type, TRY_TIMEOUT);
    open.add(client);
    return client;
  }

  @Test
  void twoRepWorkersBothAnswerAReqClient() {
    startBroker();
    worker("worker-1", SocketType.REP);
    worker("worker-2", SocketType.REP);
    JsonRpcClient client = client(SocketType.REQ);
    // The workers' connections come up in their own time; calls go round once both are there.
    Set<String> seen = new HashSet<>();
    for (int i = 0; i < MAX_CALLS && seen.size() < 2; i++) {
      try {
        seen.add(client.call("whoami", String.class));
      } catch (CallTimeoutException lost) {
        // the request went to a worker connection that dropped; ask again
      }
    }
    assertThat(seen).containsExactlyInAnyOrder("worker-1", "worker-2");
  }

  @Test
  void concurrentWorkersShareTheCallsOfADealerClient() {
    startBroker();
    worker("worker-1", SocketType.DEALER);
    worker("worker-2", SocketType.ROUTER);
    JsonRpcClient client = client(SocketType.DEALER);
    Set<String> seen = new HashSet<>();
    for (int round = 0; round < MAX_CALLS / 50 && seen.size() < 2; round++) {
      List<CompletableFuture<String>> calls = new ArrayList<>();
      for (int i = 0; i < 50; i++) {
        calls.add(client.callAsync("whoami", String.class));
      }
      for (CompletableFuture<String> call : calls) {
        try {
          seen.add(call.join());
        } catch (CompletionException e) {
          if (!(e.getCause() instanceof CallTimeoutException)) {
            throw e;
          }
          // lost: see the class comment
        }
      }
    }
    assertThat(seen).containsExactlyInAnyOrder("worker-1", "worker-2");
  }

  @Test
  void theBrokerReportsItsEndpointsAndClosesCleanly() {
    startBroker();
    assertThat(broker.frontendEndpoint()).matches("tcp://127\\.0\\.0\\.1:[1-9]\\d*");
    assertThat(broker.backendEndpoint()).matches("tcp://127\\.0\\.0\\.1:[1-9]\\d*");
    broker.close();
    broker.close();
    try (ZmqBroker again =
        ZmqBroker.builder()
            .frontend(broker.frontendEndpoint())
            .backend(broker.backendEndpoint())
            .start()) {
      assertThat(again.frontendEndpoint()).isEqualTo(broker.frontendEndpoint());
    }
  }
}
