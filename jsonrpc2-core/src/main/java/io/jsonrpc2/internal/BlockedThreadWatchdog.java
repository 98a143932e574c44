package io.jsonrpc2.internal;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Warns, with the method's name and the thread's stack, when a method called on a thread that must
 * not block (an I/O thread: methods returning a {@code CompletionStage}, {@code @NonBlocking} ones)
 * holds that thread longer than its threshold, as Vert.x's blocked-thread checker does. Every other
 * call on that thread waits meanwhile, so this is the first thing to look for when a server stalls.
 *
 * <p>A thread marks the start and end of such a call in its own {@link Watch} with two ordered
 * stores and no clock read; one shared tick on the library's timer samples every watch every {@link
 * #TICK_NANOS}, and a call seen running at ticks a threshold apart is reported, once. The warning
 * therefore comes at most two ticks after the threshold, and never for a call that did not last the
 * threshold (a threshold under one tick counts as one).
 */
final class BlockedThreadWatchdog {
  private static final Logger LOG = LoggerFactory.getLogger("io.jsonrpc2.server");
  static final long TICK_NANOS = TimeUnit.MILLISECONDS.toNanos(50);

  private static final Set<Watch> WATCHES = ConcurrentHashMap.newKeySet();
  private static final ThreadLocal<Watch> CURRENT = ThreadLocal.withInitial(Watch::register);
  private static final AtomicBoolean TICKING = new AtomicBoolean();

  private BlockedThreadWatchdog() {}

  /** The calling thread's watch. */
  static Watch current() {
    return CURRENT.get();
  }

  /** One thread's call in progress, if any. */
  static final class Watch {
    private final Thread thread;
    private final AtomicReference<@Nullable String> method = new AtomicReference<>();
    // Written by the watched thread only, and read by the tick.
    private final AtomicLong calls = new AtomicLong();
    private long thresholdTicks;

    // The tick's own state.
    private long callsSeen = -1;
    private long ticksHeld;
    private boolean reported;

    private Watch(Thread thread) {
      this.thread = thread;
    }

    private static Watch register() {
      Watch watch = new Watch(Thread.currentThread());
      WATCHES.add(watch);
      if (!TICKING.get() && TICKING.compareAndSet(false, true)) {
        DefaultExecutors.timer()
            .scheduleWithFixedDelay(
                BlockedThreadWatchdog::tick, TICK_NANOS, TICK_NANOS, TimeUnit.NANOSECONDS);
      }
      return watch;
    }

    /** Marks the start of a call of {@code name}, to be reported once it lasts {@code nanos}. */
    void enter(String name, long nanos) {
      thresholdTicks = Math.max(1, nanos / TICK_NANOS);
      calls.lazySet(calls.get() + 1);
      method.lazySet(name);
    }

    /** Marks the end of the call. */
    void exit() {
      method.lazySet(null);
    }
  }

  private static void tick() {
    WATCHES.removeIf(watch -> !watch.thread.isAlive());
    for (Watch watch : WATCHES) {
      String name = watch.method.get();
      long calls = watch.calls.get();
      if (name == null || calls != watch.callsSeen) {
        watch.callsSeen = calls;
        watch.ticksHeld = 0;
        watch.reported = false;
        continue;
      }
      watch.ticksHeld++;
      if (!watch.reported && watch.ticksHeld >= watch.thresholdTicks) {
        watch.reported = true;
        report(watch, name);
      }
    }
  }

  private static void report(Watch watch, String name) {
    Throwable stack = new Throwable("the stack of " + watch.thread.getName() + " now");
    stack.setStackTrace(watch.thread.getStackTrace());
    LOG.warn(
        "Method '{}' has held thread {} for over {} ms. It is called on that thread because it"
            + " returns a CompletionStage or is @NonBlocking, and every other call there waits"
            + " until it returns: make it return at once, or drop the annotation or the stage so"
            + " that it runs on the service's executor",
        name,
        watch.thread.getName(),
        TimeUnit.NANOSECONDS.toMillis(watch.ticksHeld * TICK_NANOS),
        stack);
  }
}
