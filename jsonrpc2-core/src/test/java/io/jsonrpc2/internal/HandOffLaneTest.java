package io.jsonrpc2.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(20)
class HandOffLaneTest {
  // Long enough that no stall check fires while a test queues its calls on a slow machine.
  private static final long NO_STALL = TimeUnit.HOURS.toNanos(1);
  // Longer than the library's, so that a busy machine does not make a burst look stalled.
  private static final long STALL_CHECKED_AFTER = TimeUnit.MILLISECONDS.toNanos(100);

  /** Holds what it is given until the test runs it, so hand-offs can be counted. */
  private static final class HeldExecutor implements java.util.concurrent.Executor {
    final List<Runnable> held = new ArrayList<>();

    @Override
    public void execute(Runnable command) {
      held.add(command);
    }

    void runNext() {
      held.remove(0).run();
    }
  }

  private static class RecordingTask implements HandOffLane.Task {
    final List<String> log;
    final String name;

    RecordingTask(List<String> log, String name) {
      this.log = log;
      this.name = name;
    }

    @Override
    public void run() {
      log.add("ran " + name);
    }

    @Override
    public void reject() {
      log.add("rejected " + name);
    }
  }

  @Test
  void aBurstOfCallsIsOneHandOffRunInOrder() {
    HeldExecutor executor = new HeldExecutor();
    HandOffLane lane = new HandOffLane(executor, NO_STALL);
    List<String> log = new ArrayList<>();
    for (int i = 0; i < 100; i++) {
      lane.execute(new RecordingTask(log, String.valueOf(i)));
    }

    assertThat(executor.held).hasSize(1);
    executor.runNext();
    assertThat(log).hasSize(100).startsWith("ran 0", "ran 1").endsWith("ran 99");
  }

  @Test
  void aHeldBurstIsOneHandOffEvenWhereTheDrainKeepsUp() {
    List<Runnable> handedOff = new ArrayList<>();
    HandOffLane lane =
        new HandOffLane(
            command -> {
              handedOff.add(command);
              command.run();
            },
            NO_STALL);
    List<String> log = new ArrayList<>();
    HandOffLane.hold();
    for (int i = 0; i < 100; i++) {
      lane.execute(new RecordingTask(log, String.valueOf(i)));
    }
    assertThat(log).isEmpty();
    HandOffLane.release();

    assertThat(handedOff).hasSize(1);
    assertThat(log).hasSize(100).endsWith("ran 99");
  }

  @Test
  void aCallAfterTheDrainEndedStartsANewOne() {
    HeldExecutor executor = new HeldExecutor();
    HandOffLane lane = new HandOffLane(executor, NO_STALL);
    List<String> log = new ArrayList<>();
    lane.execute(new RecordingTask(log, "first"));
    executor.runNext();
    lane.execute(new RecordingTask(log, "second"));

    assertThat(executor.held).hasSize(1);
    executor.runNext();
    assertThat(log).containsExactly("ran first", "ran second");
  }

  @Test
  void aHoldSpansEveryLaneOfTheThread() {
    HeldExecutor first = new HeldExecutor();
    HeldExecutor second = new HeldExecutor();
    HandOffLane firstLane = new HandOffLane(first, NO_STALL);
    HandOffLane secondLane = new HandOffLane(second, NO_STALL);
    List<String> log = new ArrayList<>();
    HandOffLane.hold();
    HandOffLane.hold();
    for (int i = 0; i < 10; i++) {
      firstLane.execute(new RecordingTask(log, "first " + i));
      secondLane.execute(new RecordingTask(log, "second " + i));
    }
    HandOffLane.release();
    assertThat(first.held).isEmpty();
    assertThat(second.held).isEmpty();
    HandOffLane.release();

    assertThat(first.held).hasSize(1);
    assertThat(second.held).hasSize(1);
    first.runNext();
    second.runNext();
    assertThat(log).hasSize(20);
  }

  @Test
  void aHeldBurstWhoseFirstCallBlocksStillRunsTheOthers() throws Exception {
    ExecutorService executor = Executors.newCachedThreadPool();
    try {
      HandOffLane lane = new HandOffLane(executor, STALL_CHECKED_AFTER);
      CountDownLatch othersRan = new CountDownLatch(3);
      List<String> log = new CopyOnWriteArrayList<>();
      HandOffLane.hold();
      // It waits for the calls queued behind it: they must be handed off apart to run at all.
      lane.execute(
          new RecordingTask(log, "waiting") {
            @Override
            public void run() {
              try {
                othersRan.await(10, TimeUnit.SECONDS);
              } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
              }
              super.run();
            }
          });
      for (int i = 0; i < 3; i++) {
        lane.execute(countingDown(othersRan, log, "behind " + i));
      }
      HandOffLane.release();

      assertThat(othersRan.await(5, TimeUnit.SECONDS)).isTrue();
    } finally {
      executor.shutdownNow();
      assertThat(executor.awaitTermination(5, TimeUnit.SECONDS)).isTrue();
    }
  }

  @Test
  void aRefusedHandOffRejectsEveryQueuedCall() {
    HandOffLane lane =
        new HandOffLane(
            command -> {
              throw new RejectedExecutionException("shut down");
            },
            NO_STALL);
    List<String> log = new ArrayList<>();
    lane.execute(new RecordingTask(log, "a"));
    lane.execute(new RecordingTask(log, "b"));

    assertThat(log).containsExactly("rejected a", "rejected b");
  }

  @Test
  void callsQueuedBehindABlockedCallAreHandedOffApartUntilItReturns() throws Exception {
    ExecutorService executor = Executors.newCachedThreadPool();
    AtomicInteger handOffs = new AtomicInteger();
    try {
      HandOffLane lane =
          new HandOffLane(
              command -> {
                handOffs.incrementAndGet();
                executor.execute(command);
              },
              STALL_CHECKED_AFTER);
      CountDownLatch blockedEnded = new CountDownLatch(1);
      CountDownLatch release = new CountDownLatch(1);
      CountDownLatch blockedStarted = new CountDownLatch(1);
      CountDownLatch othersRan = new CountDownLatch(3);
      List<String> log = new CopyOnWriteArrayList<>();
      lane.execute(
          new RecordingTask(log, "blocked") {
            @Override
            public void run() {
              blockedStarted.countDown();
              try {
                release.await();
              } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
              }
              super.run();
              blockedEnded.countDown();
            }
          });
      assertThat(blockedStarted.await(5, TimeUnit.SECONDS)).isTrue();
      for (int i = 0; i < 3; i++) {
        lane.execute(countingDown(othersRan, log, "queued " + i));
      }

      assertThat(othersRan.await(5, TimeUnit.SECONDS)).isTrue();
      assertThat(log).doesNotContain("ran blocked");
      release.countDown();
      assertThat(blockedEnded.await(5, TimeUnit.SECONDS)).isTrue();
      // The slow call's method has returned; its drain notices a moment later.
      while (lane.drainIsStuck()) {
        Thread.onSpinWait();
      }

      // Once the slow call returned, a burst is one hand-off again (none if it joins the drain
      // that ran the slow call and has not ended yet).
      int before = handOffs.get();
      CountDownLatch burstRan = new CountDownLatch(50);
      HandOffLane.hold();
      for (int i = 0; i < 50; i++) {
        lane.execute(countingDown(burstRan, log, "burst " + i));
      }
      HandOffLane.release();
      assertThat(burstRan.await(5, TimeUnit.SECONDS)).isTrue();
      assertThat(handOffs.get() - before).isLessThanOrEqualTo(1);
    } finally {
      executor.shutdownNow();
      assertThat(executor.awaitTermination(5, TimeUnit.SECONDS)).isTrue();
    }
  }

  private static RecordingTask countingDown(CountDownLatch ran, List<String> log, String name) {
    return new RecordingTask(log, name) {
      @Override
      public void run() {
        super.run();
        ran.countDown();
      }
    };
  }
}
