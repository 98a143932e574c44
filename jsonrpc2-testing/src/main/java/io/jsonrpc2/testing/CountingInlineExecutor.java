package io.jsonrpc2.testing;

import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * An executor that runs each task at once, on the thread that hands it over, and counts the tasks:
 * given to a service, it shows how many hand-offs a burst of blocking calls cost (one each, unless
 * they were handed off together). Thread-safe.
 */
public final class CountingInlineExecutor implements Executor {
  private final AtomicInteger tasks = new AtomicInteger();

  @Override
  public void execute(Runnable task) {
    tasks.incrementAndGet();
    task.run();
  }

  /** How many tasks it has run so far. */
  public int count() {
    return tasks.get();
  }
}
