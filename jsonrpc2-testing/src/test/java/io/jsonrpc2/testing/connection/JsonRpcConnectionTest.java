package io.jsonrpc2.testing.connection;

import static io.jsonrpc2.testing.JsonAssertions.assertSameJson;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jsonrpc2.JsonRpcException;
import io.jsonrpc2.JsonRpcService;
import io.jsonrpc2.client.ConnectionLostException;
import io.jsonrpc2.client.ErrorResponseException;
import io.jsonrpc2.client.InvalidResponseException;
import io.jsonrpc2.client.ParseResponseException;
import io.jsonrpc2.connection.JsonRpcConnection;
import io.jsonrpc2.connection.MessageChannel;
import io.jsonrpc2.message.ErrorObject;
import io.jsonrpc2.testing.InMemoryChannel;
import io.jsonrpc2.testing.UntilInterrupted;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * {@link JsonRpcConnection} over {@link InMemoryChannel}s: both directions, routing, backpressure,
 * protocol violations and close. Calls wait 30 s by default, longer than any test may take
 * ({@code @Timeout}): whatever must fail, fails at once.
 */
@Timeout(20)
class JsonRpcConnectionTest {
  private final List<JsonRpcConnection> opened = new ArrayList<>();

  @AfterEach
  void closeAll() {
    opened.forEach(JsonRpcConnection::close);
  }

  private JsonRpcConnection connect(
      MessageChannel channel, @Nullable JsonRpcService service, int maxInFlight) {
    JsonRpcConnection.Builder builder = JsonRpcConnection.builder(channel).maxInFlight(maxInFlight);
    if (service != null) {
      builder.service(service);
    }
    JsonRpcConnection connection = builder.build().start();
    opened.add(connection);
    return connection;
  }

  @Test
  void aMethodCallsItsCallerBackOnTheSameConnection() {
    JsonRpcService server =
        JsonRpcService.builder()
            .method(
                "ask",
                (params, context) ->
                    "the answer is "
                        + context.peer().call("answer", String.class, params.get(0, String.class)))
            .build();
    JsonRpcService client =
        JsonRpcService.builder()
            .method("answer", (params, context) -> "42 to " + params.get(0, String.class))
            .build();
    InMemoryChannel.Pair pair = InMemoryChannel.pair();
    connect(pair.right(), server, 16);
    JsonRpcConnection caller = connect(pair.left(), client, 16);

    assertThat(caller.peer().call("ask", String.class, "why?"))
        .isEqualTo("the answer is 42 to why?");
  }

  @Test
  void twoAsksAnsweredInReverseOrderEachGetTheirOwnAnswer() throws Exception {
    CountDownLatch bothAsked = new CountDownLatch(2);
    CompletableFuture<Void> firstMayAnswer = new CompletableFuture<>();
    JsonRpcService server =
        JsonRpcService.builder()
            .method(
                "ask",
                (params, context) ->
                    context.peer().call("answer", String.class, params.get(0, String.class)))
            .build();
    JsonRpcService client =
        JsonRpcService.builder()
            .method(
                "answer",
                (params, context) -> {
                  String question = params.get(0, String.class);
                  bothAsked.countDown();
                  if ("first".equals(question)) {
                    firstMayAnswer.get(10, TimeUnit.SECONDS);
                  }
                  return "re " + question;
                })
            .build();
    InMemoryChannel.Pair pair = InMemoryChannel.pair();
    connect(pair.right(), server, 16);
    JsonRpcConnection caller = connect(pair.left(), client, 16);

    CompletableFuture<String> first = caller.peer().callAsync("ask", String.class, "first");
    CompletableFuture<String> second = caller.peer().callAsync("ask", String.class, "second");
    assertThat(second.get(10, TimeUnit.SECONDS)).isEqualTo("re second");
    assertThat(first).isNotDone();
    firstMayAnswer.complete(null);
    assertThat(first.get(10, TimeUnit.SECONDS)).isEqualTo("re first");
    assertThat(bothAsked.getCount()).isZero();
  }

  @Test
  void notificationsFromAMethodArriveInOrderBeforeItsResult() {
    List<Integer> ticks = new CopyOnWriteArrayList<>();
    JsonRpcService server =
        JsonRpcService.builder()
            .method(
                "countdown",
                (params, context) -> {
                  int n = params.get(0, Integer.class);
                  for (int i = n - 1; i >= 0; i--) {
                    context.peer().notify("tick", i);
                  }
                  return "done";
                })
            .build();
    JsonRpcService client =
        JsonRpcService.builder()
            .asyncMethod(
                "tick",
                (params, context) -> {
                  ticks.add(params.get(0, Integer.class));
                  return CompletableFuture.completedFuture(null);
                })
            .build();
    InMemoryChannel.Pair pair = InMemoryChannel.pair();
    connect(pair.right(), server, 16);
    JsonRpcConnection caller = connect(pair.left(), client, 16);

    assertThat(caller.peer().call("countdown", String.class, 5)).isEqualTo("done");
    assertThat(ticks).containsExactly(4, 3, 2, 1, 0);
  }

  @Test
  void anErrorFromThePeerPassesThroughWithItsCode() {
    JsonRpcService server =
        JsonRpcService.builder()
            .method("ask", (params, context) -> context.peer().call("answer", String.class))
            .build();
    JsonRpcService client =
        JsonRpcService.builder()
            .method(
                "answer",
                (params, context) -> {
                  throw new JsonRpcException(new ErrorObject(7, "no answer", null));
                })
            .build();
    InMemoryChannel.Pair pair = InMemoryChannel.pair();
    connect(pair.right(), server, 16);
    JsonRpcConnection caller = connect(pair.left(), client, 16);

    assertThatThrownBy(() -> caller.peer().call("ask", String.class))
        .isInstanceOfSatisfying(
            ErrorResponseException.class,
            e -> {
              assertThat(e.code()).isEqualTo(7);
              assertThat(e.errorMessage()).isEqualTo("no answer");
            });
  }

  @Test
  void aConnectionWithoutAServiceAnswersThePeersCallsWithMethodNotFound() {
    InMemoryChannel.Pair pair = InMemoryChannel.pair();
    connect(pair.right(), null, 16);
    JsonRpcConnection caller = connect(pair.left(), null, 16);

    assertThatThrownBy(() -> caller.peer().call("anything", String.class))
        .isInstanceOfSatisfying(
            ErrorResponseException.class, e -> assertThat(e.code()).isEqualTo(-32601));
  }

  @Test
  void theSpecificationsAnswersComeBackOverAConnection() throws Exception {
    InMemoryChannel.Pair pair = InMemoryChannel.pair();
    connect(pair.right(), JsonRpcService.builder().build(), 16);
    RawPeer raw = RawPeer.on(pair.left());

    raw.send("{\"jsonrpc\":\"2.0\",\"method\":\"foobar,\"params\":\"bar\",\"baz]");
    assertSameJson(
        raw.next(),
        "{\"jsonrpc\":\"2.0\",\"error\":{\"code\":-32700,\"message\":\"Parse error\"},\"id\":null}");
    raw.send("[]");
    assertSameJson(
        raw.next(),
        "{\"jsonrpc\":\"2.0\",\"error\":{\"code\":-32600,\"message\":\"Invalid Request\"},"
            + "\"id\":null}");
    raw.send("{\"jsonrpc\":\"2.0\",\"id\":1}");
    assertSameJson(
        raw.next(),
        "{\"jsonrpc\":\"2.0\",\"error\":{\"code\":-32600,\"message\":\"Invalid Request\"},"
            + "\"id\":1}");
  }

  @Test
  void aPeerFloodingCallsIsHeldAtTheInFlightCap() throws Exception {
    AtomicInteger running = new AtomicInteger();
    AtomicInteger mostAtOnce = new AtomicInteger();
    Semaphore started = new Semaphore(0);
    CompletableFuture<Void> release = new CompletableFuture<>();
    JsonRpcService server =
        JsonRpcService.builder()
            .method(
                "work",
                (params, context) -> {
                  mostAtOnce.accumulateAndGet(running.incrementAndGet(), Math::max);
                  started.release();
                  release.get(10, TimeUnit.SECONDS);
                  running.decrementAndGet();
                  return "ok";
                })
            .build();
    InMemoryChannel.Pair pair = InMemoryChannel.pair();
    JsonRpcConnection serving = connect(pair.right(), server, 2);
    JsonRpcConnection caller = connect(pair.left(), null, 16);

    List<CompletableFuture<String>> calls = new ArrayList<>();
    for (int i = 0; i < 6; i++) {
      calls.add(caller.peer().callAsync("work", String.class));
    }
    assertThat(started.tryAcquire(2, 10, TimeUnit.SECONDS)).isTrue();
    assertThat(pair.right().isPaused()).isTrue();
    assertThat(serving.inFlightCount()).isEqualTo(2);
    release.complete(null);
    for (CompletableFuture<String> call : calls) {
      assertThat(call.get(10, TimeUnit.SECONDS)).isEqualTo("ok");
    }
    assertThat(mostAtOnce.get()).isEqualTo(2);
    assertThat(pair.right().isPaused()).isFalse();
  }

  @Test
  void callsAnsweredOnManyThreadsAtTheCapAreAllServedAndReadingResumes() throws Exception {
    int cap = 3;
    AtomicInteger running = new AtomicInteger();
    AtomicInteger mostAtOnce = new AtomicInteger();
    ExecutorService answering = Executors.newFixedThreadPool(4);
    JsonRpcService server =
        JsonRpcService.builder()
            .asyncMethod(
                "work",
                (params, context) -> {
                  mostAtOnce.accumulateAndGet(running.incrementAndGet(), Math::max);
                  int n = params.get(0, Integer.class);
                  return CompletableFuture.supplyAsync(
                      () -> {
                        running.decrementAndGet();
                        return n;
                      },
                      answering);
                })
            .build();
    try {
      InMemoryChannel.Pair pair = InMemoryChannel.pair();
      JsonRpcConnection serving = connect(pair.right(), server, cap);
      JsonRpcConnection caller = connect(pair.left(), null, 16);

      List<CompletableFuture<Integer>> calls = new ArrayList<>();
      for (int i = 0; i < 2_000; i++) {
        calls.add(caller.peer().callAsync("work", Integer.class, i));
      }
      for (int i = 0; i < calls.size(); i++) {
        assertThat(calls.get(i).get(10, TimeUnit.SECONDS)).isEqualTo(i);
      }
      assertThat(mostAtOnce.get()).isBetween(1, cap);
      assertThat(serving.inFlightCount()).isZero();
      assertThat(pair.right().isPaused()).isFalse();
    } finally {
      answering.shutdownNow();
    }
  }

  @Test
  void aDroppedConnectionCancelsItsCallsAndFailsTheWaitingOnes() throws Exception {
    UntilInterrupted block = new UntilInterrupted();
    CountDownLatch started = block.started;
    CountDownLatch interrupted = block.interrupted;
    JsonRpcService server = JsonRpcService.builder().method("block", block).build();
    InMemoryChannel.Pair pair = InMemoryChannel.pair();
    JsonRpcConnection serving = connect(pair.right(), server, 16);
    JsonRpcConnection caller = connect(pair.left(), null, 16);

    CompletableFuture<String> call = caller.peer().callAsync("block", String.class);
    assertThat(started.await(10, TimeUnit.SECONDS)).isTrue();
    pair.left().drop(new java.io.IOException("cable cut"));

    assertThatThrownBy(() -> call.get(10, TimeUnit.SECONDS))
        .hasCauseInstanceOf(ConnectionLostException.class);
    assertThat(interrupted.await(10, TimeUnit.SECONDS)).isTrue();
    serving.closeFuture().get(10, TimeUnit.SECONDS);
    assertThat(caller.isClosed()).isTrue();
  }

  @Test
  void aNotificationOutlivesTheConnectionItCameOn() throws Exception {
    CountDownLatch started = new CountDownLatch(1);
    CompletableFuture<Void> release = new CompletableFuture<>();
    CompletableFuture<String> done = new CompletableFuture<>();
    JsonRpcService server =
        JsonRpcService.builder()
            .method(
                "remember",
                (params, context) -> {
                  started.countDown();
                  release.get(10, TimeUnit.SECONDS);
                  done.complete(params.get(0, String.class));
                  return null;
                })
            .build();
    InMemoryChannel.Pair pair = InMemoryChannel.pair();
    JsonRpcConnection serving = connect(pair.right(), server, 16);
    JsonRpcConnection caller = connect(pair.left(), null, 16);

    caller.peer().notify("remember", "this");
    assertThat(started.await(10, TimeUnit.SECONDS)).isTrue();
    caller.close();
    serving.closeFuture().get(10, TimeUnit.SECONDS);
    release.complete(null);
    assertThat(done.get(10, TimeUnit.SECONDS)).isEqualTo("this");
  }

  @Test
  void aReplyThatIsNotJsonFailsTheWaitingCallsAtOnceAndClosesTheConnection() throws Exception {
    InMemoryChannel.Pair pair = InMemoryChannel.pair();
    RawPeer raw = RawPeer.on(pair.right());
    JsonRpcConnection caller = connect(pair.left(), null, 16);

    CompletableFuture<String> first = caller.peer().callAsync("a", String.class);
    CompletableFuture<String> second = caller.peer().callAsync("b", String.class);
    raw.next();
    raw.next();
    raw.send("HTTP/1.1 400 Bad Request");

    assertThatThrownBy(() -> first.get(10, TimeUnit.SECONDS))
        .hasCauseInstanceOf(ParseResponseException.class);
    assertThatThrownBy(() -> second.get(10, TimeUnit.SECONDS))
        .hasCauseInstanceOf(ParseResponseException.class);
    caller.closeFuture().get(10, TimeUnit.SECONDS);
  }

  @Test
  void aResponseForNoWaitingCallFailsTheWaitingCallsAndClosesTheConnection() throws Exception {
    InMemoryChannel.Pair pair = InMemoryChannel.pair();
    RawPeer raw = RawPeer.on(pair.right());
    JsonRpcConnection caller = connect(pair.left(), null, 16);

    CompletableFuture<String> call = caller.peer().callAsync("a", String.class);
    raw.next();
    raw.send("{\"jsonrpc\":\"2.0\",\"result\":\"x\",\"id\":\"someone else's\"}");

    assertThatThrownBy(() -> call.get(10, TimeUnit.SECONDS))
        .hasCauseInstanceOf(InvalidResponseException.class)
        .hasMessageContaining("matches no call");
    caller.closeFuture().get(10, TimeUnit.SECONDS);
  }

  @Test
  void shutdownClosesOnceThePeersCallsHaveAnswered() throws Exception {
    CountDownLatch started = new CountDownLatch(1);
    CompletableFuture<Void> release = new CompletableFuture<>();
    JsonRpcService server =
        JsonRpcService.builder()
            .method(
                "slow",
                (params, context) -> {
                  started.countDown();
                  release.get(10, TimeUnit.SECONDS);
                  return "finished";
                })
            .build();
    InMemoryChannel.Pair pair = InMemoryChannel.pair();
    JsonRpcConnection serving = connect(pair.right(), server, 16);
    JsonRpcConnection caller = connect(pair.left(), null, 16);

    CompletableFuture<String> call = caller.peer().callAsync("slow", String.class);
    assertThat(started.await(10, TimeUnit.SECONDS)).isTrue();
    CompletableFuture<Void> closed = serving.shutdown(Duration.ofSeconds(10));
    assertThat(closed).isNotDone();
    release.complete(null);

    assertThat(call.get(10, TimeUnit.SECONDS)).isEqualTo("finished");
    closed.get(10, TimeUnit.SECONDS);
  }

  @Test
  void thePeerIsOnlyThereOnATwoWayConnection() {
    JsonRpcService service =
        JsonRpcService.builder()
            .method("hasPeer", (params, context) -> context.peerIfAny().isPresent())
            .method(
                "whyNoPeer",
                (params, context) -> {
                  try {
                    return context.peer().endpoint();
                  } catch (IllegalStateException e) {
                    return e.getMessage();
                  }
                })
            .build();

    assertThat(service.handle("{\"jsonrpc\":\"2.0\",\"method\":\"hasPeer\",\"id\":1}").join())
        .contains("\"result\":false");
    assertThat(service.handle("{\"jsonrpc\":\"2.0\",\"method\":\"whyNoPeer\",\"id\":1}").join())
        .contains("carries no calls back to the caller of 'whyNoPeer'");
  }

  @Test
  void theBlockingCallsOfOneReadAreHandedOffTogether() throws Exception {
    // The test runs what is handed off itself, so it sees each hand-off and when it ends.
    List<Runnable> handedOff = new ArrayList<>();
    HandDrivenChannel channel = new HandDrivenChannel(true);
    connect(channel, echoOn(handedOff::add), 64);
    MessageChannel.Listener reader = channel.listener();
    reader.onMessage(echo(0));
    reader.onReadComplete();
    assertThat(handedOff).hasSize(1);
    handedOff.remove(0).run();
    assertThat(channel.nextSent()).contains("\"id\":0");

    for (int i = 1; i <= 20; i++) {
      reader.onMessage(echo(i));
    }
    assertThat(handedOff).isEmpty();
    reader.onReadComplete();

    assertThat(handedOff).hasSize(1);
    handedOff.remove(0).run();
    for (int i = 1; i <= 20; i++) {
      assertThat(channel.nextSent()).contains("\"id\":" + i + "}");
    }
  }

  @Test
  void aChannelThatDoesNotReportItsReadsHasItsCallsHandedOffAtOnce() throws Exception {
    ExecutorService pool = Executors.newCachedThreadPool();
    try {
      HandDrivenChannel channel = new HandDrivenChannel(false);
      connect(channel, echoOn(pool), 64);
      for (int i = 0; i < 20; i++) {
        channel.listener().onMessage(echo(i));
      }

      for (int i = 0; i < 20; i++) {
        assertThat(channel.nextSent()).contains("\"result\":\"m\"");
      }
    } finally {
      pool.shutdownNow();
    }
  }

  private static JsonRpcService echoOn(Executor executor) {
    return JsonRpcService.builder()
        .method("echo", (params, context) -> params.get(0, String.class))
        .executor(executor)
        .build();
  }

  private static byte[] echo(int id) {
    return ("{\"jsonrpc\":\"2.0\",\"method\":\"echo\",\"params\":[\"m\"],\"id\":" + id + "}")
        .getBytes(StandardCharsets.UTF_8);
  }

  /** A channel whose reads the test makes itself, on its own thread, as an event loop would. */
  private static final class HandDrivenChannel implements MessageChannel {
    private final BlockingQueue<String> sent = new LinkedBlockingQueue<>();
    private final boolean reportsReadComplete;
    private volatile MessageChannel.@Nullable Listener listener;

    HandDrivenChannel(boolean reportsReadComplete) {
      this.reportsReadComplete = reportsReadComplete;
    }

    @Override
    public boolean reportsReadComplete() {
      return reportsReadComplete;
    }

    MessageChannel.Listener listener() {
      MessageChannel.Listener started = listener;
      assertThat(started).as("started").isNotNull();
      return started;
    }

    String nextSent() throws InterruptedException {
      String message = sent.poll(10, TimeUnit.SECONDS);
      assertThat(message).as("a message sent within 10 s").isNotNull();
      return message;
    }

    @Override
    public void start(MessageChannel.Listener listener) {
      this.listener = listener;
    }

    @Override
    public CompletableFuture<Void> send(byte[] message) {
      sent.add(new String(message, StandardCharsets.UTF_8));
      return CompletableFuture.completedFuture(null);
    }

    @Override
    public void pauseReading() {}

    @Override
    public void resumeReading() {}

    @Override
    public void close() {
      MessageChannel.Listener started = listener;
      if (started != null) {
        started.onClosed(null);
      }
    }

    @Override
    public String description() {
      return "hand-driven";
    }
  }
}
