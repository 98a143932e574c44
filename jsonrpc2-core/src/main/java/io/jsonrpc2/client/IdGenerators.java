package io.jsonrpc2.client;

import io.jsonrpc2.message.Id;
import java.util.concurrent.atomic.AtomicLong;

/** The built-in id generators. Each returned generator is thread-safe. */
public final class IdGenerators {
  private IdGenerators() {}

  /** 1, 2, 3, ... as JSON numbers. The default. */
  public static IdGenerator decimal() {
    AtomicLong counter = new AtomicLong();
    return () -> Id.of(counter.incrementAndGet());
  }
}
