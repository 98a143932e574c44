package io.jsonrpc2.internal;

import java.lang.reflect.Method;
import java.util.concurrent.Executor;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/** The executors the library uses when the user gives none. */
public final class DefaultExecutors {
  /** Threads of the pool used for blocking methods where virtual threads are not available. */
  public static final int POOL_THREADS = 64;

  private static final ScheduledExecutorService TIMER = newTimer();

  private DefaultExecutors() {}

  /**
   * Virtual threads, one per task, on a JVM that has them (21+); otherwise a pool of up to {@link
   * #POOL_THREADS} daemon threads that reuses the thread idle for the shortest time and ends
   * threads idle for 30 s.
   */
  public static Executor forBlockingMethods() {
    try {
      Method factory = Executors.class.getMethod("newVirtualThreadPerTaskExecutor");
      return (Executor) factory.invoke(null);
    } catch (ReflectiveOperationException e) {
      return new WarmThreadPool(
          POOL_THREADS, TimeUnit.SECONDS.toNanos(30), daemonThreads("jsonrpc2-worker"));
    }
  }

  /** One shared daemon thread for timeouts; tasks on it must be short. */
  public static ScheduledExecutorService timer() {
    return TIMER;
  }

  private static ScheduledExecutorService newTimer() {
    ScheduledThreadPoolExecutor timer =
        new ScheduledThreadPoolExecutor(1, daemonThreads("jsonrpc2-timer"));
    timer.setRemoveOnCancelPolicy(true);
    return timer;
  }

  public static ThreadFactory daemonThreads(String prefix) {
    AtomicInteger count = new AtomicInteger();
    return runnable -> {
      Thread thread = new Thread(runnable, prefix + "-" + count.incrementAndGet());
      thread.setDaemon(true);
      return thread;
    };
  }
}
