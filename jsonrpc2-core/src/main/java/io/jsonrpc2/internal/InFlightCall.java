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
 * One registered method call: its answer's future, and what to stop when the call is cancelled (the
 * thread running a blocking method, or the pending stage of an async one). Calls that finish on the
 * caller's thread never become one (see {@link Dispatcher}).
 *
 * <p>Cancelling records the error first, then stops the work, then ends the call: so the work is
 * already interrupted or cancelled when the caller sees the error, and whatever the stopped work
 * throws in reaction can never replace that error.
 */
final class InFlightCall implements HandOffLane.Task {
  /** Where a call is registered, and how it is answered. */
  interface Registry {
    /** The call ended: it leaves the registry and its timeout stops, before its answer is out. */
    void ended(InFlightCall call, @Nullable ScheduledFuture<?> timeout);

    /** The answer owed for how the call ended; null for a notification. */
    @Nullable Outcome answer(
        Incoming.Call call,
        @Nullable TransportContext transport,
        @Nullable Object value,
        @Nullable Throwable failure);
  }

  /** The call's answer (null for a notification), once it has ended. */
  final CompletableFuture<@Nullable Outcome> outcome = new CompletableFuture<>();

  /**
   * The connection the call's answer is owed to, so that one connection's calls can be cancelled
   * together when it goes; null for a notification, which owes no answer: its work is what the
   * caller asked for, so it outlives the connection it came on.
   */
  final @Nullable TransportContext answerTo;

  /** The request's id, null for a notification. */
  final @Nullable Id id;

  private final Incoming.Call call;
  private final Registry registry;

  // The blocking method this call runs: an invocation, or a reflective target and its bound
  // args; neither for a call that follows an async method's stage.
  private final Target.@Nullable Invocation work;
  private final @Nullable ReflectiveTarget target;
  private final Object @Nullable [] args;

  private @Nullable Thread runner;
  private @Nullable CompletableFuture<?> pending;
  private @Nullable JsonRpcException cancelledWith;
  private @Nullable ScheduledFuture<?> timeout;
  private boolean ended;

  /** A call that follows the stage an async method returned (see {@link #follow}). */
  InFlightCall(Incoming.Call call, @Nullable TransportContext answerTo, Registry registry) {
    this(call, answerTo, registry, null, null, null);
  }

  /** A blocking call that runs {@code work}. */
  InFlightCall(
      Incoming.Call call,
      @Nullable TransportContext answerTo,
      Registry registry,
      Target.Invocation work) {
    this(call, answerTo, registry, work, null, null);
  }

  /** A blocking call that invokes {@code target} with the args bound while decoding. */
  InFlightCall(
      Incoming.Call call,
      @Nullable TransportContext answerTo,
      Registry registry,
      ReflectiveTarget target,
      Object[] args) {
    this(call, answerTo, registry, null, target, args);
  }

  private InFlightCall(
      Incoming.Call call,
      @Nullable TransportContext answerTo,
      Registry registry,
      Target.@Nullable Invocation work,
      @Nullable ReflectiveTarget target,
      Object @Nullable [] args) {
    this.call = call;
    this.id = call.id();
    this.answerTo = answerTo;
    this.registry = registry;
    this.work = work;
    this.target = target;
    this.args = args;
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
    synchronized (this) {
      if (cancelledWith != null) {
        return;
      }
      runner = Thread.currentThread();
    }
    try {
      Target.Invocation invocation = work;
      settle(
          invocation != null
              ? invocation.run()
              : Objects.requireNonNull(target, "a blocking call has its work")
                  .invoke(Objects.requireNonNull(args, "a reflective call has its args")));
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

  /** The timeout armed for the call, to stop when it ends: at once if it has ended already. */
  void timeoutArmed(ScheduledFuture<?> timer) {
    boolean endedAlready;
    synchronized (this) {
      endedAlready = ended;
      if (!endedAlready) {
        timeout = timer;
      }
    }
    if (endedAlready) {
      timer.cancel(false);
    }
  }

  /**
   * Ends the call, once: it leaves the registry, then its answer completes, so whoever has the
   * answer sees it gone.
   */
  private void end(@Nullable Object value, @Nullable Throwable failure) {
    ScheduledFuture<?> timeoutNow;
    synchronized (this) {
      if (ended) {
        return;
      }
      ended = true;
      timeoutNow = timeout;
      timeout = null;
    }
    registry.ended(this, timeoutNow);
    try {
      outcome.complete(registry.answer(call, answerTo, value, failure));
    } catch (RuntimeException | Error e) {
      outcome.completeExceptionally(e);
    }
  }

  /** Ends the call with {@code error} unless it has already ended; true if this ended it. */
  boolean cancel(ErrorObject error) {
    JsonRpcException exception = new JsonRpcException(error);
    CompletableFuture<?> toCancel;
    synchronized (this) {
      if (ended || cancelledWith != null) {
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
    // Cancelling the work may already have ended the call with this same error.
    end(null, exception);
    return true;
  }
}
