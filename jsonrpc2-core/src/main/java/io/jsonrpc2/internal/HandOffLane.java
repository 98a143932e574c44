package io.jsonrpc2.internal;

import java.util.ArrayList;
import java.util.List;
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
 * burst starts a drain on the executor, and calls that come while the drain runs join its queue.
 * While the thread {@link #hold holds} (a batch, an event-loop turn), calls only queue, and the
 * last release starts the drain. So what one turn delivers, a batch included, costs one hand-off,
 * and no thread is woken per call while work is queued (the hand-off grpc-java's {@code
 * SerializingExecutor} makes, without its ordering promise: calls may still finish in any order).
 *
 * <p>A method that blocks long must not hold up the calls behind it. When the drain has made no
 * progress (started or ended no call) for {@link #STALL_NANOS} while calls wait, the lane is
 * stalled: what waits goes to the executor one call per task, as do calls that come later, until
 * the slow call returns. A method that blocks therefore delays the calls queued behind it by a few
 * milliseconds at most, once.
 *
 * <p>A lane belongs to one thread, the one that hands calls off through it and that must create it;
 * its drain and stall check run elsewhere.
 */
public final class HandOffLane {
  private static final Logger LOG = LoggerFactory.getLogger(HandOffLane.class);

  // One per thread: a hold spans the lanes of every service that thread hands calls to.
  private static final ThreadLocal<Hold> HOLDS = ThreadLocal.withInitial(Hold::new);

  /** How long a drain may run one call while others wait before they are handed off apart. */
  static final long STALL_NANOS = TimeUnit.MILLISECONDS.toNanos(2);

  /** A call to run; told when the executor refuses it. */
  interface Task extends Runnable {
    void reject();
  }

  private final Executor executor;
  private final long stallNanos;
  // The owner thread's hold; only that thread calls execute, and reads or sets callsHeld.
  private final Hold hold = HOLDS.get();
  private int callsHeld; // queued under the current hold
  private final ConcurrentLinkedQueue<Task> queue = new ConcurrentLinkedQueue<>();
  private final AtomicBoolean draining = new AtomicBoolean();
  private final AtomicBoolean stallCheckArmed = new AtomicBoolean();
  // Counts each call's start and end, by the one drain that runs at a time; read by the stall
  // check and the owner thread: an ordered store will do.
  private final AtomicLong progress = new AtomicLong();
  // Set by the stall check: the drain made no progress since stalledAt. It holds only while that
  // drain runs the same call; the owner thread clears it once it no longer does.
  private volatile boolean stalled;
  private volatile long stalledAt;

  HandOffLane(Executor executor) {
    this(executor, STALL_NANOS);
  }

  HandOffLane(Executor executor, long stallNanos) {
    this.executor = executor;
    this.stallNanos = stallNanos;
  }

  /**
   * Queues the blocking calls this thread hands off from now on, in every lane, until as many
   * {@link #release} calls as holds: what one read, one event-loop turn or one batch delivers is
   * then handed off whole, even where a drain would empty a lane faster than the calls come. Must
   * be paired with {@code release} on the same thread.
   */
  public static void hold() {
    HOLDS.get().count++;
  }

  /** Ends a {@link #hold} of this thread; the last one hands off what the holds queued. */
  public static void release() {
    Hold current = HOLDS.get();
    if (--current.count == 0) {
      // Taken off one at a time: a drain the executor runs right here may hold and release too.
      List<HandOffLane> lanes = current.heldBack;
      while (!lanes.isEmpty()) {
        HandOffLane lane = lanes.remove(lanes.size() - 1);
        boolean several = lane.callsHeld > 1;
        lane.callsHeld = 0;
        if (!lane.queue.isEmpty()) {
          lane.drainOrWatch();
          if (several) {
            // No later call may come to start the watch: the first call could block the others.
            lane.armStallCheck();
          }
        }
      }
    }
  }

  void execute(Task task) {
    if (stalled) {
      if (drainIsStuck()) {
        handOff(task);
        return;
      }
      stalled = false;
    }
    queue.offer(task);
    if (hold.count == 0) {
      drainOrWatch();
    } else if (callsHeld++ == 0) {
      hold.heldBack.add(this);
    }
  }

  /** Whether the drain is still in the call the stall check found it stuck in. */
  boolean drainIsStuck() {
    return stalled && draining.get() && progress.get() == stalledAt;
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
        progress.lazySet(progress.get() + 1);
        try {
          task.run();
        } catch (RuntimeException | Error e) {
          LOG.error("a blocking call failed outside its method", e);
        }
        progress.lazySet(progress.get() + 1);
      }
      draining.set(false);
      // A call queued after the last poll and before the flag fell found the drain still running.
    } while (!queue.isEmpty() && draining.compareAndSet(false, true));
  }

  private void armStallCheck() {
    if (!stallCheckArmed.get() && stallCheckArmed.compareAndSet(false, true)) {
      long seen = progress.get();
      DefaultExecutors.timer().schedule(() -> checkStall(seen), stallNanos, TimeUnit.NANOSECONDS);
    }
  }

  private void checkStall(long seen) {
    stallCheckArmed.set(false);
    if (queue.isEmpty() || !draining.get()) {
      return;
    }
    if (progress.get() != seen) {
      armStallCheck();
      return;
    }
    stalledAt = seen;
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

  /** A thread's holds, and the lanes that queued calls under them. */
  private static final class Hold {
    int count;
    final List<HandOffLane> heldBack = new ArrayList<>(1);
  }
}
