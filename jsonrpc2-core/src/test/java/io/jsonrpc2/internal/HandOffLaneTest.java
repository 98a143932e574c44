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
import org.junit.jupiter.api.Test;

class HandOffLaneTest {
  // Long enough that no stall check fires while a test queues its calls on a slow machine.
  private static final long NO_STALL = TimeUnit.HOURS.toNanos(1);

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
    lane.hold();
    for (int i = 0; i < 100; i++) {
      lane.execute(new RecordingTask(log, String.valueOf(i)));
    }
    assertThat(log).isEmpty();
    lane.release();

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
  void callsQueuedBehindABlockedCallAreHandedOffApart() throws Exception {
    ExecutorService executor = Executors.newCachedThreadPool();
    try {
      HandOffLane lane = new HandOffLane(executor, HandOffLane.STALL_NANOS);
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
            }
          });
      assertThat(blockedStarted.await(5, TimeUnit.SECONDS)).isTrue();
      for (int i = 0; i < 3; i++) {
        lane.execute(
            new RecordingTask(log, "queued " + i) {
              @Override
              public void run() {
                super.run();
                othersRan.countDown();
              }
            });
      }

      assertThat(othersRan.await(5, TimeUnit.SECONDS)).isTrue();
      assertThat(log).doesNotContain("ran blocked");
      release.countDown();
    } finally {
      executor.shutdownNow();
      assertThat(executor.awaitTermination(5, TimeUnit.SECONDS)).isTrue();
    }
  }
}
