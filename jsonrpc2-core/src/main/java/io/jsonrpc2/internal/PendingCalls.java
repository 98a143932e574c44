package io.jsonrpc2.internal;

import io.jsonrpc2.client.CallTimeoutException;
import io.jsonrpc2.message.Id;
import io.jsonrpc2.message.Response;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;

/**
 * The calls waiting for a response, by id.
 *
 * <p>Every way a call can end (response, failure, timeout, cancellation by its caller) first
 * removes it from the table and only the remover completes it, so exactly one of them wins however
 * they race, and whatever comes later (a late response, a second reply) finds nothing and is
 * reported as unmatched. Thread-safe.
 */
final class PendingCalls {
  private record Call(CompletableFuture<Response> future) {}

  /** How many ids of abandoned calls are remembered to recognise their late responses. */
  private static final int REMEMBERED_ABANDONED = 1024;

  private final ConcurrentHashMap<Id, Call> calls = new ConcurrentHashMap<>();
  private final Map<Id, Boolean> abandoned =
      Collections.synchronizedMap(
          new LinkedHashMap<>() {
            private static final long serialVersionUID = 1L;

            @Override
            protected boolean removeEldestEntry(Map.Entry<Id, Boolean> eldest) {
              return size() > REMEMBERED_ABANDONED;
            }
          });
  private final String endpoint;

  PendingCalls(String endpoint) {
    this.endpoint = endpoint;
  }

  /**
   * Starts waiting for the response to {@code id}; the future fails with a {@link
   * CallTimeoutException} when none came within {@code timeout} (null: no limit).
   *
   * @return the call's future, or null when a call with this id is already waiting
   */
  @Nullable CompletableFuture<Response> register(Id id, @Nullable Duration timeout) {
    CompletableFuture<Response> future = new CompletableFuture<>();
    Call call = new Call(future);
    if (calls.putIfAbsent(id, call) != null) {
      return null;
    }
    if (timeout != null) {
      ScheduledFuture<?> timer =
          DefaultExecutors.timer()
              .schedule(() -> timeOut(id, call, timeout), timeout.toNanos(), TimeUnit.NANOSECONDS);
      future.whenComplete((r, e) -> timer.cancel(false));
    }
    // A call that ended without its response (cancelled by its caller, timed out, failed) is
    // forgotten and remembered as abandoned, so that its response, if it still comes, is late
    // rather than unknown.
    future.whenComplete(
        (r, e) -> {
          // Remembered before it is forgotten: a response read in between is late, not unknown.
          if (e != null) {
            abandoned.put(id, Boolean.TRUE);
          }
          calls.remove(id, call);
        });
    return future;
  }

  private void timeOut(Id id, Call call, Duration timeout) {
    // Remembered before it is forgotten: a response read in between is late, not unknown.
    abandoned.put(id, Boolean.TRUE);
    if (calls.remove(id, call)) {
      completeOffTimer(
          call.future,
          new CallTimeoutException(
              "no response to call " + id + " from " + endpoint + " within " + timeout));
    } else {
      abandoned.remove(id); // answered meanwhile
    }
  }

  /**
   * Fails {@code future} on another thread: what callers chained to it runs there, so a slow
   * continuation cannot hold up the one timer thread that every timeout shares.
   */
  static void completeOffTimer(CompletableFuture<?> future, Throwable failure) {
    ForkJoinPool.commonPool().execute(() -> future.completeExceptionally(failure));
  }

  /** Completes the call {@code id} with {@code response}; false when no such call is waiting. */
  boolean complete(Id id, Response response) {
    return complete(id, null, response);
  }

  /**
   * Completes the call {@code id} with {@code response}, but only if it is the call whose future is
   * {@code only} (any call with that id when {@code only} is null): a reply to one message must
   * never answer a newer call that reuses one of its ids.
   */
  boolean complete(Id id, @Nullable CompletableFuture<Response> only, Response response) {
    Call call = take(id, only);
    if (call == null) {
      return false;
    }
    call.future.complete(response);
    return true;
  }

  /** Fails the call {@code id}; false when no such call is waiting. */
  boolean fail(Id id, Throwable reason) {
    return fail(id, null, reason);
  }

  /** Fails the call {@code id} if its future is {@code only} (any, when null). */
  boolean fail(Id id, @Nullable CompletableFuture<Response> only, Throwable reason) {
    Call call = take(id, only);
    if (call == null) {
      return false;
    }
    call.future.completeExceptionally(reason);
    return true;
  }

  void failAll(Collection<Id> ids, Throwable reason) {
    for (Id id : ids) {
      fail(id, reason);
    }
  }

  /** Fails those of one message's calls that are still waiting. */
  void failAll(Map<Id, CompletableFuture<Response>> own, Throwable reason) {
    own.forEach((id, future) -> fail(id, future, reason));
  }

  /** Of one message's calls, the ids of those still waiting. */
  // Identity on purpose here and in take: the very future of that call, not a later one's.
  @SuppressWarnings("ReferenceEquality")
  List<Id> waiting(Map<Id, CompletableFuture<Response>> own) {
    List<Id> result = new ArrayList<>();
    own.forEach(
        (id, future) -> {
          Call call = calls.get(id);
          if (call != null && call.future == future) {
            result.add(id);
          }
        });
    return result;
  }

  @SuppressWarnings("ReferenceEquality")
  private @Nullable Call take(Id id, @Nullable CompletableFuture<Response> only) {
    if (only == null) {
      return calls.remove(id);
    }
    Call call = calls.get(id);
    return call != null && call.future == only && calls.remove(id, call) ? call : null;
  }

  /**
   * Takes every waiting call out of the table, to fail them after something else is done first;
   * their responses, should they come, are late.
   */
  List<CompletableFuture<Response>> takeAll() {
    List<CompletableFuture<Response>> taken = new ArrayList<>();
    for (Id id : allIds()) {
      Call call = calls.remove(id);
      if (call != null) {
        abandoned.put(id, Boolean.TRUE);
        taken.add(call.future);
      }
    }
    return taken;
  }

  List<Id> allIds() {
    return new ArrayList<>(calls.keySet());
  }

  int size() {
    return calls.size();
  }

  /**
   * Whether {@code id} belonged to a recent call that timed out or was cancelled, so that a
   * response to it is late rather than unknown. Forgets the id.
   */
  boolean wasAbandoned(Id id) {
    return abandoned.remove(id) != null;
  }
}
