package io.jsonrpc2.testing.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.jsonrpc2.JsonRpcClient;
import io.jsonrpc2.JsonRpcService;
import io.jsonrpc2.client.CallTimeoutException;
import io.jsonrpc2.client.ConnectionLostException;
import io.jsonrpc2.client.IdGenerators;
import io.jsonrpc2.client.InvalidResponseException;
import io.jsonrpc2.message.Request;
import io.jsonrpc2.testing.InMemoryTransport;
import io.jsonrpc2.testing.ScriptedTransport;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Many callers at once, and the races between responses, timeouts, cancellation and disconnects.
 */
@Timeout(30)
class ClientConcurrencyTest {
  private final CountDownLatch release = new CountDownLatch(1);
  private final JsonRpcService service =
      JsonRpcService.builder()
          .method("echo", (params, ctx) -> params.get(0, String.class))
          .method(
              "jitter",
              (params, ctx) -> {
                Thread.sleep(ThreadLocalRandom.current().nextInt(3)); // out-of-order replies
                return params.get(0, String.class);
              })
          .method(
              "sleep",
              (params, ctx) -> {
                Thread.sleep(params.get(0, Integer.class));
                return "late";
              })
          .method("held", (params, ctx) -> release.await(10, TimeUnit.SECONDS))
          .build();

  @ParameterizedTest
  @ValueSource(booleans = {false, true})
  void manyThreadsGetTheirOwnResults(boolean connection) throws Exception {
    try (JsonRpcClient client =
        JsonRpcClient.builder()
            .transport(
                connection
                    ? InMemoryTransport.connection(service)
                    : InMemoryTransport.requestResponse(service))
            .idGenerator(
                IdGenerators.random(4, "0123456789abcdef")) // 65,536 ids: collisions get redrawn
            .build()) {
      int threads = 8;
      int calls = 150;
      ExecutorService pool = Executors.newFixedThreadPool(threads);
      try {
        List<Future<Integer>> done = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
          int thread = t;
          done.add(
              pool.submit(
                  () -> {
                    int wrong = 0;
                    List<CompletableFuture<String>> mine = new ArrayList<>();
                    for (int i = 0; i < calls; i++) {
                      mine.add(client.callAsync("jitter", String.class, thread + "/" + i));
                    }
                    for (int i = 0; i < calls; i++) {
                      if (!mine.get(i).get(20, TimeUnit.SECONDS).equals(thread + "/" + i)) {
                        wrong++;
                      }
                    }
                    return wrong;
                  }));
        }
        for (Future<Integer> f : done) {
          assertThat(f.get(25, TimeUnit.SECONDS)).isZero();
        }
      } finally {
        pool.shutdownNow();
      }
    }
  }

  @ParameterizedTest
  @ValueSource(booleans = {false, true})
  void aTimedOutCallFailsAndItsLateResponseIsDropped(boolean connection) {
    try (JsonRpcClient client =
        JsonRpcClient.builder()
            .transport(
                connection
                    ? InMemoryTransport.connection(service)
                    : InMemoryTransport.requestResponse(service))
            .timeout(Duration.ofMillis(50))
            .build()) {
      assertThatThrownBy(() -> client.call("sleep", String.class, 400))
          .isInstanceOf(CallTimeoutException.class)
          .hasMessageContaining("no response to call 1");
      // The client goes on working while, and after, the late response comes in.
      JsonRpcClient patient = client.withTimeout(Duration.ofSeconds(5));
      assertThat(patient.call("sleep", String.class, 500)).isEqualTo("late");
      assertThat(patient.call("echo", String.class, "still fine")).isEqualTo("still fine");
    }
  }

  @Test
  void aLateResponseIsNotMistakenForAStrayReply() {
    ScriptedTransport transport = ScriptedTransport.connection();
    try (JsonRpcClient client =
        JsonRpcClient.builder().transport(transport).timeout(Duration.ofMillis(50)).build()) {
      assertThatThrownBy(() -> client.request("first")).isInstanceOf(CallTimeoutException.class);
      transport.push("{\"jsonrpc\":\"2.0\",\"result\":\"late\",\"id\":1}");
      // The first call's late response breaks nothing: the connection stays.
      assertThat(transport.aborts()).isEmpty();
      assertThatThrownBy(() -> client.request("second"))
          .isInstanceOf(CallTimeoutException.class)
          .hasNoCause();
      // A reply for an id that never was a call is a violation: it fails the waiting call.
      transport.reply("{\"jsonrpc\":\"2.0\",\"result\":\"?\",\"id\":77}");
      assertThatThrownBy(() -> client.request("third"))
          .isInstanceOf(InvalidResponseException.class)
          .hasMessageContaining("id 77 matches no call");
      assertThat(transport.aborts()).hasSize(1);
    }
  }

  @Test
  void racingTimeoutsAndResponsesEndEveryCallExactlyOnce() {
    try (JsonRpcClient client =
        JsonRpcClient.builder()
            .transport(InMemoryTransport.connection(service))
            .timeout(Duration.ofMillis(2))
            .build()) {
      List<CompletableFuture<String>> calls = new ArrayList<>();
      for (int i = 0; i < 300; i++) {
        calls.add(client.callAsync("jitter", String.class, "v" + i));
      }
      int answered = 0;
      int timedOut = 0;
      for (int i = 0; i < calls.size(); i++) {
        try {
          assertThat(calls.get(i).join()).isEqualTo("v" + i);
          answered++;
        } catch (CompletionException e) {
          assertThat(e.getCause()).isInstanceOf(CallTimeoutException.class);
          timedOut++;
        }
      }
      assertThat(answered + timedOut).isEqualTo(calls.size());
    }
  }

  @Test
  void aCancelledCallIsForgottenItsLateResponseDroppedAndItsIdFreed() {
    ScriptedTransport transport = ScriptedTransport.connection();
    try (JsonRpcClient client = JsonRpcClient.builder().transport(transport).build()) {
      CompletableFuture<JsonNode> cancelled = client.requestAsync("slow");
      assertThat(cancelled.cancel(true)).isTrue();
      assertThatThrownBy(cancelled::join).isInstanceOf(CancellationException.class);
      transport.push(
          "{\"jsonrpc\":\"2.0\",\"result\":\"too late\",\"id\":1}"); // dropped, nothing fails
      // Id 1 is free again: a request may use it, and gets its own response.
      transport.reply("{\"jsonrpc\":\"2.0\",\"result\":\"again\",\"id\":1}");
      assertThat(client.send(Request.of("echo", "again").withId(1)).result().textValue())
          .isEqualTo("again");
    }
  }

  @Test
  void cancellingABatchCancelsItsCalls() {
    ScriptedTransport transport = ScriptedTransport.connection();
    try (JsonRpcClient client = JsonRpcClient.builder().transport(transport).build()) {
      var batch = client.sendAsync(List.of(Request.of("a").withId(1), Request.of("b").withId(2)));
      batch.cancel(true);
      transport.reply("{\"jsonrpc\":\"2.0\",\"result\":\"free\",\"id\":2}");
      assertThat(client.send(Request.of("c").withId(2)).result().textValue()).isEqualTo("free");
    }
  }

  @Test
  void anExplicitIdInUseIsRefused() {
    try (JsonRpcClient client =
        JsonRpcClient.builder().transport(InMemoryTransport.connection(service)).build()) {
      CompletableFuture<?> held = client.sendAsync(Request.of("held").withId("x"));
      assertThatThrownBy(() -> client.sendAsync(Request.of("echo", "y").withId("x")))
          .isInstanceOf(IllegalStateException.class)
          .hasMessageContaining("already waiting");
      release.countDown();
      held.join();
    }
  }

  @Test
  void aLostConnectionFailsEveryWaitingCallAtOnce() {
    InMemoryTransport transport = InMemoryTransport.connection(service);
    try (JsonRpcClient client = JsonRpcClient.builder().transport(transport).build()) {
      List<CompletableFuture<JsonNode>> waiting = new ArrayList<>();
      for (int i = 0; i < 5; i++) {
        waiting.add(client.requestAsync("held"));
      }
      transport.disconnect();
      for (CompletableFuture<JsonNode> call : waiting) {
        assertThatThrownBy(call::join).hasCauseInstanceOf(ConnectionLostException.class);
      }
      release.countDown();
      transport.reconnect();
      assertThat(client.call("echo", String.class, "back")).isEqualTo("back");
    }
  }

  @Test
  void closingFailsTheWaitingCalls() {
    JsonRpcClient client =
        JsonRpcClient.builder().transport(InMemoryTransport.connection(service)).build();
    CompletableFuture<JsonNode> waiting = client.requestAsync("held");
    client.close();
    assertThatThrownBy(waiting::join).hasCauseInstanceOf(ConnectionLostException.class);
    release.countDown();
  }

  @Test
  void aBatchReplyAnswersByIdWhateverTheOrderAndAnErrorWithIdNullTakesTheRest() {
    // The server could not read the second request: its error (id null) comes first in the reply.
    ScriptedTransport transport =
        new ScriptedTransport()
            .reply(
                "[{\"jsonrpc\":\"2.0\",\"error\":{\"code\":-32600,\"message\":\"Invalid Request\"},\"id\":null},"
                    + "{\"jsonrpc\":\"2.0\",\"result\":1,\"id\":1}]");
    try (JsonRpcClient client = JsonRpcClient.builder().transport(transport).build()) {
      var responses =
          client.send(
              "[{\"jsonrpc\":\"2.0\",\"method\":\"one\",\"id\":1},{\"jsonrpc\":\"2.0\",\"method\":\"two\",\"id\":2}]");
      assertThat(responses.get(1).orElseThrow().result().intValue()).isEqualTo(1);
      assertThat(responses.get(2).orElseThrow().error().code()).isEqualTo(-32600);
    }
  }

  @Test
  void aSingleErrorWithIdNullAnswersTheWholeBatch() {
    ScriptedTransport transport =
        new ScriptedTransport()
            .reply(
                "{\"jsonrpc\":\"2.0\",\"error\":{\"code\":-32700,\"message\":\"Parse error\"},\"id\":null}");
    try (JsonRpcClient client = JsonRpcClient.builder().transport(transport).build()) {
      var responses = client.send(List.of(Request.of("a"), Request.of("b")));
      assertThat(responses.responses())
          .hasSize(2)
          .allSatisfy(r -> assertThat(r.error().code()).isEqualTo(-32700));
    }
  }

  @Test
  void twoErrorsWithIdNullCannotBeToldApart() {
    ScriptedTransport transport =
        new ScriptedTransport()
            .reply(
                "[{\"jsonrpc\":\"2.0\",\"error\":{\"code\":-32600,\"message\":\"Invalid Request\"},\"id\":null},"
                    + "{\"jsonrpc\":\"2.0\",\"error\":{\"code\":-32600,\"message\":\"Invalid Request\"},\"id\":null}]");
    try (JsonRpcClient client = JsonRpcClient.builder().transport(transport).build()) {
      assertThatThrownBy(() -> client.send(List.of(Request.of("a"), Request.of("b"))))
          .isInstanceOf(io.jsonrpc2.client.InvalidResponseException.class)
          .hasMessageContaining("cannot be told");
    }
  }
}
