package io.jsonrpc2.examples.netstring;

import java.util.concurrent.Executors;
import java.util.concurrent.Flow;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.jspecify.annotations.Nullable;

/**
 * A publisher of the numbers 0 to {@code count - 1}, one every {@code interval}, then the end: the
 * stream behind the example's {@code main.ticks} subscription. Each subscriber gets its own ticks;
 * cancelling stops them. It is a clock and ignores demand, as a live feed does.
 */
public final class Ticks implements Flow.Publisher<Integer> {
  private static final ScheduledExecutorService CLOCK =
      Executors.newSingleThreadScheduledExecutor(
          task -> {
            Thread thread = new Thread(task, "example-ticks");
            thread.setDaemon(true);
            return thread;
          });

  private final int count;
  private final long intervalMillis;

  public Ticks(int count, long intervalMillis) {
    this.count = count;
    this.intervalMillis = intervalMillis;
  }

  @Override
  public void subscribe(Flow.Subscriber<? super Integer> subscriber) {
    new Ticking(subscriber).start();
  }

  /** One subscriber's ticks. */
  private final class Ticking implements Flow.Subscription, Runnable {
    private final Flow.Subscriber<? super Integer> subscriber;
    private final AtomicBoolean stopped = new AtomicBoolean();
    private volatile @Nullable ScheduledFuture<?> clock;
    private int next; // only the clock's thread touches it

    Ticking(Flow.Subscriber<? super Integer> subscriber) {
      this.subscriber = subscriber;
    }

    void start() {
      subscriber.onSubscribe(this);
      clock = CLOCK.scheduleAtFixedRate(this, 0, intervalMillis, TimeUnit.MILLISECONDS);
    }

    @Override
    public void run() {
      if (stopped.get()) {
        return;
      }
      if (next < count) {
        subscriber.onNext(next++);
      }
      if (next == count && stopped.compareAndSet(false, true)) {
        stopClock();
        subscriber.onComplete();
      }
    }

    @Override
    public void request(long n) {}

    @Override
    public void cancel() {
      if (stopped.compareAndSet(false, true)) {
        stopClock();
      }
    }

    private void stopClock() {
      ScheduledFuture<?> running = clock;
      if (running != null) {
        running.cancel(false);
      }
    }
  }
}
