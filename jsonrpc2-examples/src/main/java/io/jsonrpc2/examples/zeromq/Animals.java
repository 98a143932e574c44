package io.jsonrpc2.examples.zeromq;

import io.jsonrpc2.JsonRpcMethod;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** The methods of the jsonrpcclient examples, served over ZeroMQ. Thread-safe. */
public final class Animals {
  private final List<String> log = new CopyOnWriteArrayList<>();

  /** {@code request('cat', name='Mittens')} answers "meow". */
  @JsonRpcMethod
  public String cat(String name) {
    return "meow";
  }

  @JsonRpcMethod
  public long cube(long number) {
    return number * number * number;
  }

  /** The target of the example's notification. */
  @JsonRpcMethod
  public void log(String message) {
    log.add(message);
  }

  /** Answers after a while: the slow call of the timeout example. */
  @JsonRpcMethod
  public String nap(long millis) throws InterruptedException {
    Thread.sleep(millis);
    return "rested";
  }

  /** What {@code log} received so far. */
  public List<String> logged() {
    return List.copyOf(log);
  }
}
