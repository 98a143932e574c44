package io.jsonrpc2.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(20)
class WarmThreadPoolTest {
  private static final long LONG_KEEP_ALIVE = TimeUnit.MINUTES.toNanos(1);
  private final List<Thread> started = new CopyOnWriteArrayList<>();
  private final List<Throwable> uncaught = new CopyOnWriteArrayList<>();

  private final ThreadFactory threads =
      runnable -> {
        Thread thread = new Thread(runnable, "warm-" + started.size());
        thread.setDaemon(true);
        thread.setUncaughtExceptionHandler((t, e) -> uncaught.add(e));
        started.add(thread);
        return thread;
      };

  private static void runAndWait(WarmThreadPool pool, Runnable task) throws InterruptedException {
    CountDownLatch done = new CountDownLatch(1);
    pool.execute(
        () -> {
          try {
            task.run();
          } finally {
            done.countDown();
          }
        });
    assertThat(done.await(10, TimeUnit.SECONDS)).isTrue();
  }

  /** Until {@code count} threads wait for a task: a task has ended before its thread is idle. */
  private static void awaitIdle(WarmThreadPool pool, int count) {
    while (pool.idleCount() < count) {
      Thread.onSpinWait();
    }
  }

  @Test
  void oneTaskAfterAnotherRunsOnTheSameThread() throws Exception {
    WarmThreadPool pool = new WarmThreadPool(64, LONG_KEEP_ALIVE, threads);
    Set<String> ranOn = ConcurrentHashMap.newKeySet();
    for (int i = 0; i < 20; i++) {
      runAndWait(pool, () -> ranOn.add(Thread.currentThread().getName()));
      awaitIdle(pool, 1);
    }

    assertThat(ranOn).hasSize(1);
    assertThat(started).hasSize(1);
  }

  @Test
  void theThreadThatWentIdleLastTakesTheNextTask() throws Exception {
    WarmThreadPool pool = new WarmThreadPool(64, LONG_KEEP_ALIVE, threads);
    CountDownLatch bothRunning = new CountDownLatch(2);
    CountDownLatch firstMayEnd = new CountDownLatch(1);
    CountDownLatch secondMayEnd = new CountDownLatch(1);
    List<String> first = new CopyOnWriteArrayList<>();
    List<String> second = new CopyOnWriteArrayList<>();
    pool.execute(() -> runUntil(bothRunning, firstMayEnd, first));
    pool.execute(() -> runUntil(bothRunning, secondMayEnd, second));
    assertThat(bothRunning.await(10, TimeUnit.SECONDS)).isTrue();
    firstMayEnd.countDown();
    awaitIdle(pool, 1);
    secondMayEnd.countDown();
    awaitIdle(pool, 2);

    List<String> next = new CopyOnWriteArrayList<>();
    runAndWait(pool, () -> next.add(Thread.currentThread().getName()));
    assertThat(next).isEqualTo(second).isNotEqualTo(first);
  }

  private static void runUntil(CountDownLatch running, CountDownLatch mayEnd, List<String> ranOn) {
    ranOn.add(Thread.currentThread().getName());
    running.countDown();
    try {
      mayEnd.await();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  @Test
  void neverRunsMoreThanItsThreadsAndRunsWhatWaitedInOrder() throws Exception {
    WarmThreadPool pool = new WarmThreadPool(3, LONG_KEEP_ALIVE, threads);
    Semaphore mayEnd = new Semaphore(0);
    AtomicInteger running = new AtomicInteger();
    AtomicInteger mostAtOnce = new AtomicInteger();
    CountDownLatch threeRunning = new CountDownLatch(3);
    CountDownLatch allDone = new CountDownLatch(10);
    List<Integer> order = new CopyOnWriteArrayList<>();
    for (int i = 0; i < 10; i++) {
      int task = i;
      pool.execute(
          () -> {
            mostAtOnce.accumulateAndGet(running.incrementAndGet(), Math::max);
            order.add(task);
            threeRunning.countDown();
            mayEnd.acquireUninterruptibly();
            running.decrementAndGet();
            allDone.countDown();
          });
    }
    assertThat(threeRunning.await(10, TimeUnit.SECONDS)).isTrue();
    assertThat(pool.threadCount()).isEqualTo(3);
    // One thread at a time is freed, so the order in which waiting tasks start is the pool's.
    for (int begun = 4; begun <= 10; begun++) {
      mayEnd.release();
      while (order.size() < begun) {
        Thread.onSpinWait();
      }
    }
    mayEnd.release(3);

    assertThat(allDone.await(10, TimeUnit.SECONDS)).isTrue();
    assertThat(mostAtOnce.get()).isEqualTo(3);
    assertThat(started).hasSize(3);
    assertThat(order.subList(0, 3)).containsExactlyInAnyOrder(0, 1, 2);
    assertThat(order.subList(3, 10)).containsExactly(3, 4, 5, 6, 7, 8, 9);
  }

  @Test
  void aThreadIdleForItsKeepAliveEnds() throws Exception {
    WarmThreadPool pool = new WarmThreadPool(4, TimeUnit.MILLISECONDS.toNanos(50), threads);
    runAndWait(pool, () -> {});
    started.get(0).join(10_000);

    assertThat(started.get(0).isAlive()).isFalse();
    assertThat(pool.threadCount()).isZero();
    runAndWait(pool, () -> {});
    assertThat(started).hasSize(2);
  }

  @Test
  void aFailingTaskIsReportedAndTheThreadGoesOn() throws Exception {
    WarmThreadPool pool = new WarmThreadPool(1, LONG_KEEP_ALIVE, threads);
    pool.execute(
        () -> {
          throw new IllegalStateException("broken task");
        });
    Set<String> ranOn = ConcurrentHashMap.newKeySet();
    runAndWait(pool, () -> ranOn.add(Thread.currentThread().getName()));

    assertThat(uncaught).hasSize(1);
    assertThat(uncaught.get(0)).hasMessage("broken task");
    assertThat(ranOn).containsExactly(started.get(0).getName());
  }

  @Test
  void anInterruptATaskLeftIsClearedBeforeTheNextTask() throws Exception {
    WarmThreadPool pool = new WarmThreadPool(1, LONG_KEEP_ALIVE, threads);
    runAndWait(pool, () -> Thread.currentThread().interrupt());
    awaitIdle(pool, 1);
    List<Boolean> interrupted = new CopyOnWriteArrayList<>();
    runAndWait(pool, () -> interrupted.add(Thread.currentThread().isInterrupted()));

    assertThat(interrupted).containsExactly(false);
    assertThat(started).hasSize(1);
  }
}
