package io.jsonrpc2.internal;

import io.jsonrpc2.JsonRpcException;
import io.jsonrpc2.message.ErrorObject;
import io.jsonrpc2.message.Id;
import io.jsonrpc2.server.TransportContext;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ScheduledFuture;
import org.jspecify.annotations.Nullable;

/**
 * One registered method call: its result future, and what to stop when the call is cancelled (the
 * thread running a blocking method, or the pending stage of an async one). Calls that finish on the
 * caller's thread never become one (see {@link Dispatcher}).
 *
 * <p>Cancelling records the error first, then stops the work, then completes the result: so the
 * work is already interrupted or cancelled when the caller sees the error, and whatever the stopped
 * work throws in reaction can never replace that error.
 */
final class InFlightCall implements HandOffLane.Task {
  /** Where a call is registered: told once when it ends, before its result completes. */
  interface Registry {
    void ended(InFlightCall call, @Nullable ScheduledFuture<?> timeout);
  }

  final CompletableFuture<Object> result = new CompletableFuture<>();

  /**
   * The connection the call's answer is owed to, so that one connection's calls can be cancelled
   * together when it goes; null for a notification, which owes no answer: its work is what the
   * caller asked for, so it outlives the connection it came on.
   */
  final @Nullable TransportContext answerTo;

  /** The request's id, null for a notification. */
  final @Nullable Id id;

  /** The blocking method this call runs, or null for one that follows an async method's stage. */
  private final Target.@Nullable Invocation work;

  private @Nullable Thread runner;
  private @Nullable CompletableFuture<?> pending;
  private @Nullable JsonRpcException cancelledWith;
  private @Nullable Registry registry;
  private @Nullable ScheduledFuture<?> timeout;
  private boolean ended;

  InFlightCall(@Nullable Id id, @Nullable TransportContext answerTo) {
    this(id, answerTo, null);
  }

  InFlightCall(
      @Nullable Id id, @Nullable TransportContext answerTo, Target.@Nullable Invocation work) {
    this.id = id;
    this.answerTo = answerTo;
    this.work = work;
  }

  /** Runs the blocking method this call was made with, on the current (executor) thread. */
  @Override
  public void run() {
    invoke();
    // An interrupt meant for this call must not leak into the executor's next task.
    Thread.interrupted();
  }

  /** The executor refused the call. */
  @Override
  public void reject() {
    cancel(ErrorObject.SERVICE_UNAVAILABLE);
  }

  /**
   * Runs the blocking method on the thread that handed the message in; an interrupt that cancelled
   * the call is cleared, one the caller's thread had of its own is kept.
   */
  void runOnCallerThread() {
    invoke();
    synchronized (this) {
      if (cancelledWith != null) {
        Thread.interrupted();
      }
    }
  }

  private void invoke() {
    Target.Invocation invocation = Objects.requireNonNull(work, "a blocking call has its work");
    synchronized (this) {
      if (cancelledWith != null) {
        return;
      }
      runner = Thread.currentThread();
    }
    try {
      settle(invocation.run());
    } catch (Throwable t) {
      finish(null, t);
    } finally {
      synchronized (this) {
        runner = null;
      }
    }
  }

  private void settle(@Nullable Object value) {
    if (value instanceof CompletionStage<?> stage) {
      follow(stage.toCompletableFuture());
    } else {
      finish(value, null);
    }
  }

  /**
   * Ends the call when the stage a method returned does; cancels the stage if the call ends first.
   */
  void follow(CompletableFuture<?> future) {
    boolean cancelled;
    synchronized (this) {
      pending = future;
      cancelled = cancelledWith != null;
    }
    if (cancelled) {
      future.cancel(true);
    }
    future.whenComplete(this::finish);
  }

  private void finish(@Nullable Object value, @Nullable Throwable failure) {
    JsonRpcException cancel;
    synchronized (this) {
      cancel = cancelledWith;
    }
    if (cancel != null) {
      end(null, cancel);
    } else {
      end(value, failure);
    }
  }

  /**
   * Registers the call's end with {@code registry}, and the timeout to stop then: told at once if
   * the call has ended already. Called once, after the call is in the registry.
   */
  void reportEndTo(Registry registry, @Nullable ScheduledFuture<?> timeout) {
    boolean endedAlready;
    synchronized (this) {
      endedAlready = ended;
      if (!endedAlready) {
        this.registry = registry;
        this.timeout = timeout;
      }
    }
    if (endedAlready) {
      registry.ended(this, timeout);
    }
  }

  /** Tells the registry (once), then completes the result: whoever has the reply sees it gone. */
  private void end(@Nullable Object value, @Nullable Throwable failure) {
    Registry endedIn;
    ScheduledFuture<?> timeoutNow;
    synchronized (this) {
      ended = true;
      endedIn = registry;
      timeoutNow = timeout;
      registry = null;
      timeout = null;
    }
    if (endedIn != null) {
      endedIn.ended(this, timeoutNow);
    }
    if (failure != null) {
      result.completeExceptionally(failure);
    } else {
      result.complete(value);
    }
  }

  /** Ends the call with {@code error} unless it has already ended; true if this ended it. */
  boolean cancel(ErrorObject error) {
    JsonRpcException exception = new JsonRpcException(error);
    CompletableFuture<?> toCancel;
    synchronized (this) {
      if (result.isDone() || cancelledWith != null) {
        return false;
      }
      cancelledWith = exception;
      toCancel = pending;
      // Under the lock: the runner lets go of the call under it too, so the interrupt cannot land
      // on the next task its thread runs.
      Thread runnerNow = runner;
      if (runnerNow != null) {
        runnerNow.interrupt();
      }
    }
    if (toCancel != null) {
      toCancel.cancel(true);
    }
    // Cancelling the work may already have completed the result with this same error.
    end(null, exception);
    return true;
  }
}
