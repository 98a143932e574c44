package io.jsonrpc2.testing;

import static java.util.Objects.requireNonNull;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.core.type.TypeReference;
import io.jsonrpc2.JsonRpcClient;
import io.jsonrpc2.JsonRpcException;
import io.jsonrpc2.JsonRpcMethod;
import io.jsonrpc2.JsonRpcService;
import io.jsonrpc2.client.BatchResponse;
import io.jsonrpc2.client.CallTimeoutException;
import io.jsonrpc2.client.ErrorResponseException;
import io.jsonrpc2.message.Id;
import io.jsonrpc2.message.Notification;
import io.jsonrpc2.message.Request;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The behaviour every client transport must show against a server of its own kind: typed calls,
 * error responses, notifications, batches, concurrent callers and timeouts.
 *
 * <p>A transport's test extends this class and says how to serve a service and how to make a client
 * for it.
 */
@Timeout(60)
public abstract class ClientConformanceTest {

  /** The methods the suite calls. */
  public static final class Methods {
    final CountDownLatch notified = new CountDownLatch(1);
    final CountDownLatch release = new CountDownLatch(1);

    @JsonRpcMethod
    public int subtract(int minuend, int subtrahend) {
      return minuend - subtrahend;
    }

    @JsonRpcMethod
    public List<Integer> range(int n) {
      List<Integer> values = new ArrayList<>();
      for (int i = 0; i < n; i++) {
        values.add(i);
      }
      return values;
    }

    @JsonRpcMethod
    public void ping() {
      notified.countDown();
    }

    @JsonRpcMethod
    @SuppressWarnings("DoNotCallSuggester") // called over the wire, to fail there
    public String refuse() {
      throw new JsonRpcException(-32001, "Refused", Map.of("reason", "testing"));
    }

    @JsonRpcMethod
    public String slow() throws InterruptedException {
      release.await(30, TimeUnit.SECONDS);
      return "late";
    }
  }

  private Methods methods;
  private JsonRpcClient client;

  /** Serves {@code service} on the transport under test. */
  protected abstract void startServer(JsonRpcService service) throws Exception;

  /** A client of the transport under test, connected to the server started last. */
  protected abstract JsonRpcClient newClient() throws Exception;

  /** Stops what {@link #startServer} started. */
  protected abstract void stopServer() throws Exception;

  @BeforeEach
  void start() throws Exception {
    methods = new Methods();
    startServer(JsonRpcService.builder().handler(methods).build());
    client = newClient();
  }

  @AfterEach
  void stop() throws Exception {
    methods.release.countDown();
    client.close();
    stopServer();
  }

  @Test
  void callsWithPositionalAndNamedParams() {
    assertThat(client.call("subtract", Integer.class, 42, 23)).isEqualTo(19);
    assertThat(client.call("subtract", Integer.class, Map.of("subtrahend", 23, "minuend", 42)))
        .isEqualTo(19);
    assertThat(client.call("range", new TypeReference<List<Integer>>() {}, 3))
        .containsExactly(0, 1, 2);
  }

  @Test
  void errorResponsesCarryCodeMessageAndData() {
    assertThatThrownBy(() -> client.call("refuse", String.class))
        .isInstanceOfSatisfying(
            ErrorResponseException.class,
            e -> {
              assertThat(e.code()).isEqualTo(-32001);
              assertThat(e.errorMessage()).isEqualTo("Refused");
              assertThat(requireNonNull(e.data()).get("reason").asText()).isEqualTo("testing");
            });
    assertThatThrownBy(() -> client.call("nope", String.class))
        .isInstanceOfSatisfying(
            ErrorResponseException.class, e -> assertThat(e.code()).isEqualTo(-32601));
  }

  @Test
  void notificationsReachTheServer() throws Exception {
    client.notify("ping");
    assertThat(methods.notified.await(10, TimeUnit.SECONDS)).isTrue();
  }

  @Test
  void batchesAnswerEveryRequestInOrder() {
    BatchResponse batch =
        client.send(
            List.of(
                Request.of("subtract", 5, 2).withId(Id.of("a")),
                Notification.of("ping"),
                Request.of("subtract", 9, 2).withId(Id.of("b")),
                Request.of("nope").withId(Id.of("c"))));

    assertThat(batch.size()).isEqualTo(3);
    assertThat(requireNonNull(batch.get(Id.of("a")).orElseThrow().result()).asInt()).isEqualTo(3);
    assertThat(requireNonNull(batch.get(Id.of("b")).orElseThrow().result()).asInt()).isEqualTo(7);
    assertThat(requireNonNull(batch.get(Id.of("c")).orElseThrow().error()).code())
        .isEqualTo(-32601);
    assertThat(batch.responses()).extracting(r -> r.id().text()).containsExactly("a", "b", "c");
  }

  @Test
  void concurrentCallersEachGetTheirOwnAnswer() {
    List<CompletableFuture<Integer>> calls = new ArrayList<>();
    for (int i = 0; i < 200; i++) {
      calls.add(client.callAsync("subtract", Integer.class, i, 1));
    }
    for (int i = 0; i < calls.size(); i++) {
      assertThat(calls.get(i).join()).isEqualTo(i - 1);
    }
  }

  @Test
  void aCallThatTimesOutLeavesTheClientUsable() {
    assertThatThrownBy(() -> client.withTimeout(Duration.ofMillis(300)).call("slow", String.class))
        .isInstanceOf(CallTimeoutException.class);
    methods.release.countDown();
    assertThat(client.call("subtract", Integer.class, 3, 1)).isEqualTo(2);
  }
}
