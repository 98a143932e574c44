package io.jsonrpc2.internal;

import java.util.ArrayDeque;
import java.util.Objects;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.locks.LockSupport;
import org.jspecify.annotations.Nullable;

/**
 * A bounded pool for blocking methods where virtual threads are not available. The thread that went
 * idle last takes the next task: its stack and caches are still warm, and a pool that hands work
 * out this way needs few threads for a steady load. (A {@link
 * java.util.concurrent.ThreadPoolExecutor} wakes its idle threads in turn, so every hand-off lands
 * on the coldest one.) Threads start on demand up to {@code maxThreads}; tasks given while all are
 * busy wait in order; a thread idle for {@code keepAliveNanos} ends.
 *
 * <p>A task that throws is reported to its thread's uncaught-exception handler and the thread goes
 * on; an interrupt a task leaves behind is cleared before the next task.
 */
final class WarmThreadPool implements Executor {
  private final int maxThreads;
  private final long keepAliveNanos;
  private final ThreadFactory threadFactory;
  private final Object lock = new Object();
  // Guarded by lock. The first idle worker is the one that went idle last.
  private final ArrayDeque<Worker> idle = new ArrayDeque<>();
  private final ArrayDeque<Runnable> waiting = new ArrayDeque<>();
  private int threads;

  WarmThreadPool(int maxThreads, long keepAliveNanos, ThreadFactory threadFactory) {
    if (maxThreads < 1) {
      throw new IllegalArgumentException("maxThreads must be at least 1, got " + maxThreads);
    }
    this.maxThreads = maxThreads;
    this.keepAliveNanos = keepAliveNanos;
    this.threadFactory = threadFactory;
  }

  @Override
  public void execute(Runnable task) {
    Objects.requireNonNull(task, "task");
    Worker woken;
    synchronized (lock) {
      woken = idle.pollFirst();
      if (woken != null) {
        woken.next = task;
      } else if (threads < maxThreads) {
        threads++;
      } else {
        waiting.addLast(task);
        return;
      }
    }
    if (woken != null) {
      LockSupport.unpark(woken.thread);
    } else {
      start(task);
    }
  }

  /** How many threads the pool has now, busy or idle. */
  int threadCount() {
    synchronized (lock) {
      return threads;
    }
  }

  /** How many threads wait for a task now. */
  int idleCount() {
    synchronized (lock) {
      return idle.size();
    }
  }

  private void start(Runnable first) {
    Worker worker = new Worker(first);
    try {
      Thread thread = threadFactory.newThread(worker);
      if (thread == null) {
        throw new RejectedExecutionException("the thread factory made no thread");
      }
      worker.thread = thread;
      thread.start();
    } catch (RuntimeException | Error e) {
      synchronized (lock) {
        threads--;
      }
      throw e instanceof RejectedExecutionException rejected
          ? rejected
          : new RejectedExecutionException("could not start a thread", e);
    }
  }

  private final class Worker implements Runnable {
    private @Nullable Runnable first;
    // Set under the lock by execute, before it unparks this worker.
    private volatile @Nullable Runnable next;
    private volatile @Nullable Thread thread;

    Worker(Runnable first) {
      this.first = first;
    }

    @Override
    public void run() {
      Runnable task = first;
      first = null;
      while (task != null) {
        try {
          task.run();
        } catch (Throwable e) { // a task's failure must not end the thread
          Thread current = Thread.currentThread();
          current.getUncaughtExceptionHandler().uncaughtException(current, e);
        }
        task = take();
      }
    }

    /** The next task: a waiting one, or one handed to this worker while idle; null to end. */
    private @Nullable Runnable take() {
      synchronized (lock) {
        Runnable waited = waiting.pollFirst();
        if (waited != null) {
          Thread.interrupted();
          return waited;
        }
        next = null;
        idle.addFirst(this);
      }
      long deadline = System.nanoTime() + keepAliveNanos;
      while (true) {
        Runnable handed = next;
        if (handed != null) {
          Thread.interrupted();
          return handed;
        }
        long left = deadline - System.nanoTime();
        if (left <= 0) {
          synchronized (lock) {
            if (next == null) {
              idle.remove(this);
              threads--;
            }
          }
          // Handed a task between the last look and taking the lock: it must still run.
          handed = next;
          if (handed != null) {
            Thread.interrupted();
          }
          return handed;
        }
        // A pending interrupt would make park return at once, again and again.
        Thread.interrupted();
        LockSupport.parkNanos(this, left);
      }
    }
  }
}
