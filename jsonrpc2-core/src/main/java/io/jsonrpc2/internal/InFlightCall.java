package io.jsonrpc2.internal;

import io.jsonrpc2.JsonRpcException;
import io.jsonrpc2.message.ErrorObject;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * One registered method call: its result future, and what to stop when the call is cancelled
 * (the thread running a blocking method, or the pending stage of an async one). Calls that finish
 * on the caller's thread never become one (see {@link Dispatcher}).
 */
final class InFlightCall {
  final CompletableFuture<Object> result = new CompletableFuture<>();
  private Thread runner;
  private CompletableFuture<?> pending;

  /** Runs a blocking method on the current (executor) thread. */
  void runBlocking(Target.Invocation invocation) {
    synchronized (this) {
      if (result.isDone()) {
        return;
      }
      runner = Thread.currentThread();
    }
    try {
      settle(invocation.run());
    } catch (Throwable t) {
      result.completeExceptionally(t);
    } finally {
      synchronized (this) {
        runner = null;
      }
      // An interrupt meant for this call must not leak into the executor's next task.
      Thread.interrupted();
    }
  }

  private void settle(Object value) {
    if (value instanceof CompletionStage<?> stage) {
      follow(stage.toCompletableFuture());
    } else {
      result.complete(value);
    }
  }

  /** Ends the call when the stage a method returned does; cancels the stage if the call ends first. */
  void follow(CompletableFuture<?> future) {
    synchronized (this) {
      pending = future;
    }
    future.whenComplete(
        (v, e) -> {
          if (e != null) {
            result.completeExceptionally(e);
          } else {
            result.complete(v);
          }
        });
    if (result.isDone()) {
      future.cancel(true);
    }
  }

  /** Ends the call with {@code error} unless it has already ended; true if this ended it. */
  boolean cancel(ErrorObject error) {
    if (!result.completeExceptionally(new JsonRpcException(error))) {
      return false;
    }
    synchronized (this) {
      if (runner != null) {
        runner.interrupt();
      }
      if (pending != null) {
        pending.cancel(true);
      }
    }
    return true;
  }
}
