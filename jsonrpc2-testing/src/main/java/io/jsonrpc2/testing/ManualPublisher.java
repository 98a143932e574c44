package io.jsonrpc2.testing;

import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Flow;

/**
 * A {@link Flow.Publisher} for tests that emits what the test tells it to, to its one subscriber,
 * and records when that subscriber cancels. It ignores demand: a hot source, as a price feed is.
 */
public final class ManualPublisher<T> implements Flow.Publisher<T> {
  /** Completes with the subscriber once one subscribed. */
  public final CompletableFuture<Flow.Subscriber<? super T>> subscribed = new CompletableFuture<>();

  /** Completes when the subscriber cancelled. */
  public final CompletableFuture<Void> cancelled = new CompletableFuture<>();

  /**
   * A cold publisher: each subscriber gets {@code items} as soon as it subscribes, whatever it
   * asked for, then the end.
   */
  public static <T> Flow.Publisher<T> of(List<T> items) {
    List<T> copy = List.copyOf(items);
    return subscriber -> {
      ManualPublisher<T> publisher = new ManualPublisher<>();
      publisher.subscribe(subscriber);
      copy.forEach(publisher::emit);
      publisher.complete();
    };
  }

  @Override
  public void subscribe(Flow.Subscriber<? super T> subscriber) {
    Objects.requireNonNull(subscriber, "subscriber");
    subscriber.onSubscribe(
        new Flow.Subscription() {
          @Override
          public void request(long n) {}

          @Override
          public void cancel() {
            cancelled.complete(null);
          }
        });
    subscribed.complete(subscriber);
  }

  /** Sends {@code item} to the subscriber; there must be one. */
  public void emit(T item) {
    subscribed.join().onNext(item);
  }

  /** Completes the stream. */
  public void complete() {
    subscribed.join().onComplete();
  }

  /** Fails the stream. */
  public void fail(Throwable failure) {
    subscribed.join().onError(failure);
  }
}
