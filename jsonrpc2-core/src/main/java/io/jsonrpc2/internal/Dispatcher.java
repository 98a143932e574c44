package io.jsonrpc2.internal;

import io.jsonrpc2.CallContext;
import io.jsonrpc2.message.ErrorObject;
import io.jsonrpc2.message.Id;
import io.jsonrpc2.server.TransportContext;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * Runs decoded messages: the serving gate, method lookup, the executor hop for blocking methods,
 * the timeout, error mapping and, for a batch, one reply slot per element in request order.
 */
public final class Dispatcher {
  private final MethodTable methods;
  private final RequestDecoder decoder;
  private final ResponseEncoder encoder;
  private final Executor executor;
  private final long timeoutNanos;
  private final ErrorMapping errors;
  private final Set<InFlightCall> inFlight = ConcurrentHashMap.newKeySet();
  private volatile ErrorObject stopError;

  public Dispatcher(
      MethodTable methods,
      RequestDecoder decoder,
      ResponseEncoder encoder,
      Executor executor,
      long timeoutNanos,
      ErrorMapping errors) {
    this.methods = methods;
    this.decoder = decoder;
    this.encoder = encoder;
    this.executor = executor;
    this.timeoutNanos = timeoutNanos;
    this.errors = errors;
  }

  /** The reply bytes, or null when no reply is due. */
  public CompletableFuture<byte[]> handle(
      byte[] bytes, int offset, int length, TransportContext transport, Map<String, Object> values) {
    Incoming incoming = decoder.decode(bytes, offset, length, methods);
    if (incoming instanceof Incoming.Entry entry) {
      CompletableFuture<Outcome> outcome = dispatch(entry, transport, values);
      if (outcome.isDone()) {
        return CompletableFuture.completedFuture(encodeNullable(outcome.join()));
      }
      return outcome.thenApply(this::encodeNullable);
    }
    if (incoming instanceof Incoming.Batch batch) {
      return handleBatch(batch.entries(), transport, values);
    }
    ErrorObject error =
        incoming instanceof Incoming.Refused refused ? refused.error() : ErrorObject.PARSE_ERROR;
    return CompletableFuture.completedFuture(encoder.encode(Outcome.failure(Id.NULL, error)));
  }

  private CompletableFuture<byte[]> handleBatch(
      List<Incoming.Entry> entries, TransportContext transport, Map<String, Object> values) {
    @SuppressWarnings("unchecked")
    CompletableFuture<Outcome>[] slots = new CompletableFuture[entries.size()];
    for (int i = 0; i < slots.length; i++) {
      slots[i] = dispatch(entries.get(i), transport, values);
    }
    return CompletableFuture.allOf(slots)
        .thenApply(
            done -> {
              List<Outcome> replies = new ArrayList<>(slots.length);
              for (CompletableFuture<Outcome> slot : slots) {
                Outcome outcome = slot.join();
                if (outcome != null) {
                  replies.add(outcome);
                }
              }
              return replies.isEmpty() ? null : encoder.encodeBatch(replies);
            });
  }

  private byte[] encodeNullable(Outcome outcome) {
    return outcome == null ? null : encoder.encode(outcome);
  }

  /** One entry's outcome; completes with null for a notification. */
  private CompletableFuture<Outcome> dispatch(
      Incoming.Entry entry, TransportContext transport, Map<String, Object> values) {
    if (entry instanceof Incoming.Invalid invalid) {
      return CompletableFuture.completedFuture(Outcome.failure(invalid.id(), invalid.error()));
    }
    Incoming.Call call = (Incoming.Call) entry;
    ErrorObject stopped = stopError;
    if (stopped != null) {
      return answer(call, stopped);
    }
    Target target = call.isBound() ? call.target() : methods.get(call.method());
    if (target == null) {
      return answer(call, ErrorObject.METHOD_NOT_FOUND);
    }
    Target.Invocation invocation;
    try {
      if (call.isBound()) {
        if (call.bindFailure() != null) {
          throw call.bindFailure();
        }
        Object[] args =
            call.target().binder().complete(call.args(), call.id(), call.method(), transport, values);
        invocation = () -> call.target().invoke(args);
      } else {
        invocation = target.prepare(call.params(), new CallContext(call.id(), call.method(), transport, values));
      }
    } catch (RuntimeException e) {
      return answer(call, errors.map(e, call.method()));
    }
    return execute(target, invocation)
        .handle(
            (value, failure) -> {
              if (failure != null) {
                ErrorObject error = errors.map(failure, call.method());
                return call.isNotification() ? null : Outcome.failure(call.id(), error);
              }
              return call.isNotification() ? null : Outcome.success(call.id(), unwrapOptional(value));
            });
  }

  private static CompletableFuture<Outcome> answer(Incoming.Call call, ErrorObject error) {
    return CompletableFuture.completedFuture(
        call.isNotification() ? null : Outcome.failure(call.id(), error));
  }

  private CompletableFuture<Object> execute(Target target, Target.Invocation invocation) {
    InFlightCall call = new InFlightCall();
    inFlight.add(call);
    if (target.async()) {
      call.runHere(invocation);
    } else {
      try {
        executor.execute(() -> call.runBlocking(invocation));
      } catch (RejectedExecutionException e) {
        call.cancel(ErrorObject.SERVICE_UNAVAILABLE);
      }
    }
    if (timeoutNanos > 0 && !call.result.isDone()) {
      ScheduledFuture<?> timer =
          DefaultExecutors.timer()
              .schedule(() -> call.cancel(ErrorObject.TIMEOUT), timeoutNanos, TimeUnit.NANOSECONDS);
      call.result.whenComplete((v, e) -> timer.cancel(false));
    }
    call.result.whenComplete((v, e) -> inFlight.remove(call));
    return call.result;
  }

  private static Object unwrapOptional(Object value) {
    return value instanceof Optional<?> optional ? optional.orElse(null) : value;
  }

  /** Answers every new request with {@code error} until {@link #startServing()}. */
  public void stopServing(ErrorObject error) {
    stopError = error;
  }

  public void startServing() {
    stopError = null;
  }

  public boolean isServing() {
    return stopError == null;
  }

  /** Ends every call in flight with {@code error}; returns how many it ended. */
  public int cancelPending(ErrorObject error) {
    int cancelled = 0;
    for (InFlightCall call : inFlight) {
      if (call.cancel(error)) {
        cancelled++;
      }
    }
    return cancelled;
  }

  public int inFlightCount() {
    return inFlight.size();
  }
}
