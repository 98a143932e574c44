package io.jsonrpc2.internal;

import io.jsonrpc2.JsonRpcException;
import io.jsonrpc2.message.ErrorObject;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * One running method call: its result future, and what to stop when the call is cancelled
 * (the thread running a blocking method, or the future of an async one).
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

  /** Runs an async method on the caller's thread. */
  void runHere(Target.Invocation invocation) {
    try {
      settle(invocation.run());
    } catch (Throwable t) {
      result.completeExceptionally(t);
    }
  }

  private void settle(Object value) {
    if (value instanceof CompletionStage<?> stage) {
      CompletableFuture<?> future = stage.toCompletableFuture();
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
    } else {
      result.complete(value);
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
