package io.jsonrpc2.testing;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Flow;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;

/**
 * A {@link Flow.Subscriber} for tests: keeps every item, completes {@link #done} when the stream
 * ends (exceptionally on an error), and asks for {@code batch} items at a time (or for all).
 */
public final class CollectingSubscriber<T> implements Flow.Subscriber<T> {
  /** The items received, in order. */
  public final List<T> items = new CopyOnWriteArrayList<>();

  /** Completes on {@code onComplete}, fails with the error of {@code onError}. */
  public final CompletableFuture<Void> done = new CompletableFuture<>();

  private final long batch;
  private final Semaphore received = new Semaphore(0);
  private volatile Flow.@Nullable Subscription subscription;

  private CollectingSubscriber(long batch) {
    this.batch = batch;
  }

  /** Asks for everything at once. */
  public static <T> CollectingSubscriber<T> unbounded() {
    return new CollectingSubscriber<>(Long.MAX_VALUE);
  }

  /** Asks for one more item after each one it receives. */
  public static <T> CollectingSubscriber<T> oneAtATime() {
    return new CollectingSubscriber<>(1);
  }

  @Override
  public void onSubscribe(Flow.Subscription subscription) {
    this.subscription = subscription;
    subscription.request(batch);
  }

  @Override
  public void onNext(T item) {
    items.add(item);
    received.release();
    Flow.Subscription current = subscription;
    if (batch != Long.MAX_VALUE && current != null) {
      current.request(batch);
    }
  }

  @Override
  public void onError(Throwable failure) {
    done.completeExceptionally(failure);
  }

  @Override
  public void onComplete() {
    done.complete(null);
  }

  /** Waits until {@code count} items came in all. */
  public boolean awaitItems(int count, long timeout, TimeUnit unit) throws InterruptedException {
    if (!received.tryAcquire(count, timeout, unit)) {
      return false;
    }
    received.release(count);
    return true;
  }

  /** Cancels the subscription. */
  public void cancel() {
    Flow.Subscription current = subscription;
    if (current != null) {
      current.cancel();
    }
  }
}
