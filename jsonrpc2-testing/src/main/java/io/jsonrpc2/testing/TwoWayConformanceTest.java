package io.jsonrpc2.testing;

import static java.util.Objects.requireNonNull;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jsonrpc2.JsonRpcClient;
import io.jsonrpc2.JsonRpcException;
import io.jsonrpc2.JsonRpcService;
import io.jsonrpc2.SubscriptionOptions;
import io.jsonrpc2.client.ConnectionLostException;
import io.jsonrpc2.client.ErrorResponseException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Flow;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The behaviour every pair of a server and a client that share a two-way connection must show: the
 * server calls its caller back and notifies it, errors pass through, notifications arrive in order
 * before the result that follows them, a dropped connection fails what waits on it at once, and
 * cancellation reaches the peer. Calls wait 30 s by default, longer than any test may take
 * ({@code @Timeout}): whatever must fail, fails at once.
 *
 * <p>A transport's test extends this class and says how to serve a service and how to make a
 * client, with a local service, for it. Subscriptions run with {@link
 * SubscriptionOptions#defaults()} on both sides.
 */
@Timeout(60)
public abstract class TwoWayConformanceTest {
  /** The name of the cancel notification both sides are built with. */
  protected static final String CANCEL = JsonRpcService.CANCEL_METHOD;

  private final List<Integer> ticks = new CopyOnWriteArrayList<>();
  private final ManualPublisher<Integer> feed = new ManualPublisher<>();
  private final UntilInterrupted block = new UntilInterrupted();
  private JsonRpcClient client;

  /**
   * Serves {@code service} (built with {@code cancellation(CANCEL)}) on the transport under test.
   */
  protected abstract void startServer(JsonRpcService service) throws Exception;

  /**
   * A client connected to the server started last, answering the server's calls with {@code local}
   * and built with {@code cancellation(CANCEL)}.
   */
  protected abstract JsonRpcClient newClient(JsonRpcService local) throws Exception;

  /** Stops what {@link #startServer} started. */
  protected abstract void stopServer() throws Exception;

  /** Whether the client opens a new connection by itself once its connection dropped. */
  protected abstract boolean reconnects();

  @BeforeEach
  void start() throws Exception {
    startServer(serverSide());
    client = newClient(clientSide());
  }

  @AfterEach
  void stop() throws Exception {
    client.close();
    stopServer();
  }

  private JsonRpcService serverSide() {
    return JsonRpcService.builder()
        .method("echo", (params, call) -> params.get(0, String.class))
        .method(
            "ask",
            (params, call) ->
                call.peer()
                    .call(
                        "client.answer", String.class, requireNonNull(params.get(0, String.class))))
        .method(
            "countdown",
            (params, call) -> {
              for (int left = requireNonNull(params.get(0, Integer.class)) - 1; left >= 0; left--) {
                call.peer().notify("tick", left);
              }
              return "done";
            })
        .method(
            "hangUp",
            (params, call) -> {
              call.peer().close();
              return "gone";
            })
        .method("block", block)
        .method("count", (params, call) -> counting(requireNonNull(params.get(0, Integer.class))))
        .method("feed", (params, call) -> feed)
        .cancellation(CANCEL)
        .subscriptions(SubscriptionOptions.defaults())
        .build();
  }

  /** A publisher of 0 to {@code n - 1}, sent as soon as it is subscribed to, then completed. */
  private static Flow.Publisher<Integer> counting(int n) {
    return ManualPublisher.of(IntStream.range(0, n).boxed().toList());
  }

  private JsonRpcService clientSide() {
    return JsonRpcService.builder()
        .method(
            "client.answer",
            (params, call) -> {
              String question = requireNonNull(params.get(0, String.class));
              if (question.startsWith("fail")) {
                throw new JsonRpcException(4242, "cannot answer " + question);
              }
              return "answer to " + question;
            })
        .asyncMethod(
            "tick",
            (params, call) -> {
              ticks.add(params.get(0, Integer.class));
              return CompletableFuture.completedFuture(null);
            })
        .build();
  }

  @Test
  void theServerCallsItsCallerBack() {
    assertThat(client.call("ask", String.class, "why?")).isEqualTo("answer to why?");
  }

  @Test
  void theCallersErrorPassesThroughTheServerWithItsCode() {
    assertThatThrownBy(() -> client.call("ask", String.class, "fail now"))
        .isInstanceOfSatisfying(
            ErrorResponseException.class,
            e -> {
              assertThat(e.code()).isEqualTo(4242);
              assertThat(e.getMessage()).contains("cannot answer fail now");
            });
  }

  @Test
  void notificationsArriveInOrderBeforeTheResultThatFollowsThem() {
    // Many rounds: a result that overtakes its notifications does so only now and then.
    for (int round = 1; round <= 40; round++) {
      assertThat(client.call("countdown", String.class, 50)).isEqualTo("done");
      assertThat(ticks).as("ticks read before the result of round %d", round).hasSize(50 * round);
    }
    assertThat(ticks.subList(0, 50)).isSortedAccordingTo((a, b) -> Integer.compare(b, a));
  }

  @Test
  void concurrentCallsBackEachGetTheirOwnAnswer() throws Exception {
    List<CompletableFuture<String>> answers = new ArrayList<>();
    for (int i = 0; i < 100; i++) {
      answers.add(client.callAsync("ask", String.class, "question " + i));
    }
    for (int i = 0; i < answers.size(); i++) {
      assertThat(answers.get(i).get(10, TimeUnit.SECONDS)).isEqualTo("answer to question " + i);
    }
  }

  @Test
  void aDroppedConnectionFailsTheWaitingCallsAtOnce() throws Exception {
    CompletableFuture<String> waiting = client.callAsync("block", String.class);
    assertThat(block.started.await(10, TimeUnit.SECONDS)).isTrue();
    // Whether hangUp's own answer gets out before its connection closes is not the point.
    client.callAsync("hangUp", String.class);

    assertThatThrownBy(() -> waiting.get(10, TimeUnit.SECONDS))
        .isInstanceOf(ExecutionException.class)
        .hasCauseInstanceOf(ConnectionLostException.class);
    assertThat(block.interrupted.await(10, TimeUnit.SECONDS))
        .as("the server cancelled the call of the connection that went")
        .isTrue();
    if (reconnects()) {
      assertThat(client.call("echo", String.class, "again")).isEqualTo("again");
      assertThat(client.call("ask", String.class, "anew")).isEqualTo("answer to anew");
    }
  }

  @Test
  void aCallTheCallerCancelsIsCancelledOnTheServer() throws Exception {
    CompletableFuture<String> waiting = client.callAsync("block", String.class);
    assertThat(block.started.await(10, TimeUnit.SECONDS)).isTrue();
    waiting.cancel(true);

    assertThat(block.interrupted.await(10, TimeUnit.SECONDS))
        .as("the server's work stopped")
        .isTrue();
    assertThat(client.call("echo", String.class, "still here")).isEqualTo("still here");
  }

  @Test
  void aSubscriptionDeliversItsItemsInOrderThenCompletes() throws Exception {
    CollectingSubscriber<Integer> items = CollectingSubscriber.unbounded();
    client.subscribe("count", Integer.class, 500).subscribe(items);

    items.done.get(10, TimeUnit.SECONDS);
    assertThat(items.items).containsExactlyElementsOf(IntStream.range(0, 500).boxed().toList());
    assertThat(client.subscriptionCount()).isZero();
  }

  @Test
  void aSubscriberThatAsksForOneItemAtATimeGetsEveryItem() throws Exception {
    CollectingSubscriber<Integer> items = CollectingSubscriber.oneAtATime();
    client.subscribe("count", Integer.class, 50).subscribe(items);

    items.done.get(10, TimeUnit.SECONDS);
    assertThat(items.items).containsExactlyElementsOf(IntStream.range(0, 50).boxed().toList());
  }

  @Test
  void aPublisherThatFailsEndsTheSubscriptionWithItsError() throws Exception {
    CollectingSubscriber<Integer> items = subscribeToTheFeed();
    feed.fail(new JsonRpcException(4343, "the feed broke"));

    assertThatThrownBy(() -> items.done.get(10, TimeUnit.SECONDS))
        .hasCauseInstanceOf(ErrorResponseException.class)
        .cause()
        .satisfies(e -> assertThat(((ErrorResponseException) e).code()).isEqualTo(4343));
    assertThat(items.items).containsExactly(7);
  }

  @Test
  void cancellingASubscriptionStopsThePublisherOnTheServer() throws Exception {
    CollectingSubscriber<Integer> items = subscribeToTheFeed();

    items.cancel();
    feed.cancelled.get(10, TimeUnit.SECONDS);
    assertThat(client.subscriptionCount()).isZero();
    assertThat(items.done).isNotDone();
  }

  @Test
  void aDroppedConnectionCancelsThePublisherAndFailsTheSubscriber() throws Exception {
    CollectingSubscriber<Integer> items = subscribeToTheFeed();

    client.callAsync("hangUp", String.class);
    feed.cancelled.get(10, TimeUnit.SECONDS);
    assertThatThrownBy(() -> items.done.get(10, TimeUnit.SECONDS))
        .hasCauseInstanceOf(ConnectionLostException.class);
  }

  @Test
  void unsubscribingAnIdThatIsNoSubscriptionAnswersFalse() {
    assertThat(client.call(SubscriptionOptions.UNSUBSCRIBE_METHOD, Boolean.class, "0x0")).isFalse();
  }

  /** A subscriber to the server's feed, once the feed's first item, 7, reached it. */
  private CollectingSubscriber<Integer> subscribeToTheFeed() throws Exception {
    CollectingSubscriber<Integer> items = CollectingSubscriber.unbounded();
    client.subscribe("feed", Integer.class).subscribe(items);
    feed.subscribed.get(10, TimeUnit.SECONDS);
    feed.emit(7);
    assertThat(items.awaitItems(1, 10, TimeUnit.SECONDS)).isTrue();
    return items;
  }
}
