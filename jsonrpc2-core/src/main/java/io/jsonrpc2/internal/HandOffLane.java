package io.jsonrpc2.internal;

import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The blocking calls one I/O thread hands to the executor, run there in bursts: the first call of a
 * burst starts a drain on the executor, and calls that come while the drain runs join its queue. So
 * what one read or one event-loop turn delivers, a batch included, costs one hand-off, and no
 * thread is woken per call while work is queued (the hand-off grpc-java's {@code
 * SerializingExecutor} makes, without its ordering promise: calls may still finish in any order).
 *
 * <p>A method that blocks long must not hold up the calls behind it. When the drain has started no
 * call for {@link #STALL_NANOS} while calls wait, the lane is stalled: what waits goes to the
 * executor one call per task, as do calls that come later, until the slow call returns. A method
 * that blocks therefore delays the calls queued behind it by a few milliseconds at most, once.
 *
 * <p>A lane belongs to one thread, the one that hands calls off through it; its drain and stall
 * check run elsewhere.
 */
final class HandOffLane {
  private static final Logger LOG = LoggerFactory.getLogger(HandOffLane.class);

  /** How long a drain may run one call while others wait before they are handed off apart. */
  static final long STALL_NANOS = TimeUnit.MILLISECONDS.toNanos(2);

  /** A call to run; told when the executor refuses it. */
  interface Task extends Runnable {
    void reject();
  }

  private final Executor executor;
  private final long stallNanos;
  // Only the I/O thread that owns the lane calls hold, release and execute.
  private int holds;
  private final ConcurrentLinkedQueue<Task> queue = new ConcurrentLinkedQueue<>();
  private final AtomicBoolean draining = new AtomicBoolean();
  private final AtomicBoolean stallCheckArmed = new AtomicBoolean();
  // Counted by the one drain that runs at a time, read by the stall check: an ordered store will
  // do.
  private final AtomicLong started = new AtomicLong();
  private volatile boolean stalled;

  HandOffLane(Executor executor) {
    this(executor, STALL_NANOS);
  }

  HandOffLane(Executor executor, long stallNanos) {
    this.executor = executor;
    this.stallNanos = stallNanos;
  }

  /**
   * Queues the calls that follow, until {@link #release}, without starting the drain: a batch is
   * queued whole before it is handed off, even when a drain would empty the queue faster than the
   * calls come.
   */
  void hold() {
    holds++;
  }

  /** Ends a {@link #hold}, handing off what it queued. */
  void release() {
    if (--holds == 0 && !queue.isEmpty()) {
      drainOrWatch();
    }
  }

  void execute(Task task) {
    if (stalled) {
      handOff(task);
      return;
    }
    queue.offer(task);
    if (holds == 0) {
      drainOrWatch();
    }
  }

  private void drainOrWatch() {
    if (!draining.get() && draining.compareAndSet(false, true)) {
      startDrain();
    } else {
      armStallCheck();
    }
  }

  private void startDrain() {
    try {
      executor.execute(this::drain);
    } catch (RejectedExecutionException e) {
      draining.set(false);
      Task task;
      while ((task = queue.poll()) != null) {
        task.reject();
      }
    }
  }

  private void drain() {
    do {
      Task task;
      while ((task = queue.poll()) != null) {
        started.lazySet(started.get() + 1);
        try {
          task.run();
        } catch (RuntimeException | Error e) {
          LOG.error("a blocking call failed outside its method", e);
        }
        if (stalled) {
          stalled = false;
        }
      }
      draining.set(false);
      // A call queued after the last poll and before the flag fell found the drain still running.
    } while (!queue.isEmpty() && draining.compareAndSet(false, true));
  }

  private void armStallCheck() {
    if (!stallCheckArmed.get() && stallCheckArmed.compareAndSet(false, true)) {
      long seen = started.get();
      DefaultExecutors.timer().schedule(() -> checkStall(seen), stallNanos, TimeUnit.NANOSECONDS);
    }
  }

  private void checkStall(long seen) {
    stallCheckArmed.set(false);
    if (queue.isEmpty() || !draining.get()) {
      return;
    }
    if (started.get() != seen) {
      armStallCheck();
      return;
    }
    stalled = true;
    Task task;
    while ((task = queue.poll()) != null) {
      handOff(task);
    }
  }

  private void handOff(Task task) {
    try {
      executor.execute(task);
    } catch (RejectedExecutionException e) {
      task.reject();
    }
  }
}
