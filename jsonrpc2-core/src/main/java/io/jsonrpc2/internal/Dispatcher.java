package io.jsonrpc2.internal;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.jsonrpc2.CallContext;
import io.jsonrpc2.SubscriptionOptions;
import io.jsonrpc2.message.ErrorCodes;
import io.jsonrpc2.message.ErrorObject;
import io.jsonrpc2.message.Id;
import io.jsonrpc2.server.TransportContext;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.Flow;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs decoded messages: the serving gate, method lookup, the executor hop for blocking methods,
 * the timeout, error mapping and, for a batch, one reply slot per element in request order.
 *
 * <p>A method that runs on the caller's thread and returns a plain value (or a stage that is
 * already complete) is answered right there, with no future and no registration: it is counted in
 * {@link #inFlightCount()} while it runs, and {@link #cancelPending} reaches it through the cancel
 * mark it compares before and after. Everything else is an {@link InFlightCall}. A blocking method
 * runs on the executor, or, when the transport says its caller may block, on the caller's thread,
 * registered and timed all the same. What one thread hands to the executor goes through that
 * thread's {@link HandOffLane}, so a burst of calls costs one hand-off.
 */
public final class Dispatcher {
  private static final Logger LOG = LoggerFactory.getLogger(Dispatcher.class);

  private final MethodTable methods;
  private final RequestDecoder decoder;
  private final ResponseEncoder encoder;
  // One lane per I/O thread: what one thread hands off in a burst is one hand-off.
  private final ThreadLocal<HandOffLane> lanes;
  private final long timeoutNanos;
  // 0: no warning when a method called on a thread that must not block holds it.
  private final long blockedWarningNanos;
  private final ErrorMapping errors;
  private final Set<InFlightCall> inFlight = ConcurrentHashMap.newKeySet();
  // One instance, so that registering a call allocates nothing for it.
  private final InFlightCall.Registry registry = new Calls();
  private final LongAdder runningHere = new LongAdder();
  // The first mark is never newer than one a call saw, so its error is never read.
  private volatile CancelMark cancelMark = new CancelMark(ErrorObject.CANCELLED);
  private volatile @Nullable ErrorObject stopError;
  private volatile @Nullable Subscribing subscribing;

  /**
   * Replaced by each {@link #cancelPending}: a call that sees another mark afterwards was
   * cancelled. A class, not a record: marks are told apart by identity, never by their error.
   */
  private static final class CancelMark {
    private final ErrorObject error;

    CancelMark(ErrorObject error) {
      this.error = error;
    }

    ErrorObject error() {
      return error;
    }
  }

  public Dispatcher(
      MethodTable methods,
      RequestDecoder decoder,
      ResponseEncoder encoder,
      Executor executor,
      long timeoutNanos,
      long blockedWarningNanos,
      ErrorMapping errors) {
    this.methods = methods;
    this.decoder = decoder;
    this.encoder = encoder;
    this.lanes = ThreadLocal.withInitial(() -> new HandOffLane(executor));
    this.timeoutNanos = timeoutNanos;
    this.blockedWarningNanos = blockedWarningNanos;
    this.errors = errors;
  }

  /** The reply bytes, or null when no reply is due. */
  public CompletableFuture<byte @Nullable []> handle(
      byte[] bytes,
      int offset,
      int length,
      TransportContext transport,
      Map<String, Object> values) {
    Incoming incoming = decoder.decode(bytes, offset, length, methods);
    if (incoming instanceof Incoming.Entry entry) {
      Object answer = dispatch(entry, transport, values);
      if (answer instanceof CompletableFuture<?> pending) {
        return pending.thenApply(outcome -> encodeNullable((Outcome) outcome));
      }
      return CompletableFuture.completedFuture(encodeNullable((Outcome) answer));
    }
    if (incoming instanceof Incoming.Batch batch) {
      return handleBatch(batch.entries(), transport, values);
    }
    ErrorObject error =
        incoming instanceof Incoming.Refused refused ? refused.error() : ErrorObject.PARSE_ERROR;
    return CompletableFuture.completedFuture(encoder.encode(Outcome.failure(Id.NULL, error)));
  }

  private CompletableFuture<byte @Nullable []> handleBatch(
      List<Incoming.Entry> entries, TransportContext transport, Map<String, Object> values) {
    @Nullable Object[] slots = new Object[entries.size()];
    int pending = 0;
    boolean held = !transport.callerMayBlock();
    if (held) {
      HandOffLane.hold();
    }
    try {
      for (int i = 0; i < slots.length; i++) {
        slots[i] = dispatch(entries.get(i), transport, values);
        if (slots[i] instanceof CompletableFuture<?>) {
          pending++;
        }
      }
    } finally {
      if (held) {
        HandOffLane.release();
      }
    }
    if (pending == 0) {
      return CompletableFuture.completedFuture(encodeBatch(slots));
    }
    CompletableFuture<?>[] waits = new CompletableFuture<?>[pending];
    for (int i = 0, w = 0; i < slots.length; i++) {
      if (slots[i] instanceof CompletableFuture<?> slot) {
        waits[w++] = slot;
      }
    }
    return CompletableFuture.allOf(waits).thenApply(done -> encodeBatch(slots));
  }

  /** Writes the outcomes of a batch in request order, leaving out notifications. */
  private byte @Nullable [] encodeBatch(@Nullable Object[] slots) {
    List<Outcome> replies = new ArrayList<>(slots.length);
    List<ServerSubscriptions.Stream> streams = List.of();
    for (Object slot : slots) {
      Outcome outcome =
          slot instanceof CompletableFuture<?> done ? (Outcome) done.join() : (Outcome) slot;
      if (outcome != null && outcome.result() instanceof ServerSubscriptions.Stream stream) {
        if (streams.isEmpty()) {
          streams = new ArrayList<>();
        }
        streams.add(stream);
        outcome = Outcome.success(outcome.id(), stream.id());
      }
      if (outcome != null) {
        replies.add(outcome);
      }
    }
    if (replies.isEmpty()) {
      return null;
    }
    byte[] reply = encoder.encodeBatch(replies);
    streams.forEach(stream -> stream.encodedIn(reply));
    return reply;
  }

  private byte @Nullable [] encodeNullable(@Nullable Outcome outcome) {
    if (outcome == null) {
      return null;
    }
    if (outcome.result() instanceof ServerSubscriptions.Stream stream) {
      byte[] reply = encoder.encode(Outcome.success(outcome.id(), stream.id()));
      stream.encodedIn(reply);
      return reply;
    }
    return encoder.encode(outcome);
  }

  /**
   * One entry's answer: its {@link Outcome} (null for a notification) when it is known at once, or
   * a {@code CompletableFuture<Outcome>} that completes (never exceptionally) when it is.
   */
  private @Nullable Object dispatch(
      Incoming.Entry entry, TransportContext transport, Map<String, Object> values) {
    if (entry instanceof Incoming.Invalid invalid) {
      return Outcome.failure(invalid.id(), invalid.error());
    }
    Incoming.Call call = (Incoming.Call) entry;
    ErrorObject stopped = stopError;
    if (stopped != null) {
      return answer(call, stopped);
    }
    ReflectiveTarget bound = call.target();
    Target target = bound != null ? bound : methods.get(call.method());
    if (target == null) {
      return answer(call, ErrorObject.METHOD_NOT_FOUND);
    }
    Target.@Nullable Invocation invocation;
    Object @Nullable [] args;
    try {
      if (bound != null) {
        RuntimeException bindFailure = call.bindFailure();
        if (bindFailure != null) {
          throw bindFailure;
        }
        Object[] read = Objects.requireNonNull(call.args(), "a bound call has its args");
        args = bound.binder().complete(read, call.id(), call.method(), transport, values);
        invocation = null;
      } else {
        args = null;
        invocation =
            target.prepare(
                call.params(), new CallContext(call.id(), call.method(), transport, values));
      }
    } catch (RuntimeException e) {
      return answer(call, errors.map(e, call.method()));
    }
    if (target.async()) {
      return runHere(call, target, invocation, args, transport);
    }
    InFlightCall inFlightCall =
        invocation != null
            ? new InFlightCall(call, answerTo(call, transport), registry, invocation)
            : new InFlightCall(
                call,
                answerTo(call, transport),
                registry,
                (ReflectiveTarget) target,
                boundArgs(args));
    if (transport.callerMayBlock()) {
      runOnCallerThread(inFlightCall);
      CompletableFuture<@Nullable Outcome> outcome = inFlightCall.outcome;
      return outcome.isDone() ? outcome.join() : outcome;
    }
    handOff(inFlightCall);
    return inFlightCall.outcome;
  }

  private @Nullable Outcome answer(Incoming.Call call, ErrorObject error) {
    Id id = call.id();
    return id == null ? null : Outcome.failure(id, error);
  }

  private @Nullable Outcome answer(
      Incoming.Call call,
      @Nullable TransportContext transport,
      @Nullable Object value,
      @Nullable Throwable failure) {
    Id id = call.id();
    if (failure != null) {
      ErrorObject error = errors.map(failure, call.method());
      return id == null ? null : Outcome.failure(id, error);
    }
    if (id == null) {
      return null;
    }
    if (value instanceof Flow.Publisher<?> publisher) {
      return subscribe(id, call.method(), publisher, transport);
    }
    return Outcome.success(id, unwrapOptional(value));
  }

  /**
   * Answers a method that returned a publisher with the id of a new subscription of the connection
   * the call came on, or with an error where there can be none.
   */
  private Outcome subscribe(
      Id id, String method, Flow.Publisher<?> publisher, @Nullable TransportContext transport) {
    Subscribing options = subscribing;
    Object connection =
        transport == null ? null : transport.attributes().get(ServerSubscriptions.ATTRIBUTE);
    if (options == null) {
      LOG.warn(
          "'{}' returned a Flow.Publisher, but the service takes no subscriptions: enable them"
              + " with JsonRpcService.Builder.subscriptions",
          method);
      return Outcome.failure(
          id, ErrorObject.INTERNAL_ERROR.withDetail("this server offers no subscriptions"));
    }
    if (!(connection instanceof ServerSubscriptions subscriptions)) {
      return Outcome.failure(
          id,
          ErrorObject.of(
              ErrorCodes.METHOD_NOT_FOUND,
              "'"
                  + method
                  + "' is a subscription: call it over a connection (WebSocket, netstrings,"
                  + " stdio), not over "
                  + (transport == null ? "this transport" : transport.transport())));
    }
    return Outcome.success(
        id, subscriptions.open(publisher, options.options(), options.mapper(), errors, method));
  }

  /** Subscriptions are on: how they are spoken, and the mapper that writes their items. */
  private record Subscribing(SubscriptionOptions options, ObjectMapper mapper) {}

  /** Answers methods that return a {@link Flow.Publisher} with a subscription from now on. */
  public void enableSubscriptions(SubscriptionOptions options, ObjectMapper mapper) {
    subscribing = new Subscribing(options, mapper);
  }

  /**
   * Runs a method on the caller's thread; a stage it returns that is not complete yet is awaited.
   * Either {@code invocation} is given, or {@code target} is a {@link ReflectiveTarget} that takes
   * {@code args}.
   */
  private @Nullable Object runHere(
      Incoming.Call call,
      Target target,
      Target.@Nullable Invocation invocation,
      Object @Nullable [] args,
      TransportContext transport) {
    CancelMark mark = cancelMark;
    runningHere.increment();
    Object value = null;
    Throwable failure = null;
    CompletableFuture<?> stage = null;
    BlockedThreadWatchdog.@Nullable Watch watch =
        blockedWarningNanos > 0 && !transport.callerMayBlock()
            ? BlockedThreadWatchdog.current()
            : null;
    if (watch != null) {
      watch.enter(call.method(), blockedWarningNanos);
    }
    try {
      value =
          invocation != null
              ? invocation.run()
              : ((ReflectiveTarget) target).invoke(boundArgs(args));
      if (value instanceof CompletionStage<?> returned) {
        stage = returned.toCompletableFuture();
      }
    } catch (Throwable t) {
      failure = t;
    } finally {
      if (watch != null) {
        watch.exit();
      }
    }
    if (stage != null && stage.isDone()) {
      try {
        value = stage.join();
        stage = null;
      } catch (CompletionException | CancellationException e) {
        failure = e;
        stage = null;
      }
    }
    if (stage != null) {
      InFlightCall inFlightCall = new InFlightCall(call, answerTo(call, transport), registry);
      inFlight.add(inFlightCall);
      runningHere.decrement();
      inFlightCall.follow(stage);
      CancelMark now = cancelMark;
      if (now != mark) {
        inFlightCall.cancel(now.error());
      }
      armTimeout(inFlightCall);
      return inFlightCall.outcome;
    }
    runningHere.decrement();
    CancelMark now = cancelMark;
    if (now != mark) {
      return answer(call, now.error());
    }
    return answer(call, transport, value, failure);
  }

  /** Runs a blocking method on the executor, in the lane of the thread that hands it off. */
  private void handOff(InFlightCall call) {
    inFlight.add(call);
    armTimeout(call);
    lanes.get().execute(call);
  }

  /**
   * Runs a blocking method on the caller's thread, registered and timed like one on the executor,
   * so that the timeout and {@link #cancelPending} interrupt it there.
   */
  private void runOnCallerThread(InFlightCall call) {
    inFlight.add(call);
    armTimeout(call);
    call.runOnCallerThread();
  }

  /** Arms the timeout of a registered call; the call stops it when it ends. */
  private void armTimeout(InFlightCall call) {
    if (timeoutNanos > 0 && !call.outcome.isDone()) {
      call.timeoutArmed(
          DefaultExecutors.timer()
              .schedule(
                  () -> call.cancel(ErrorObject.TIMEOUT), timeoutNanos, TimeUnit.NANOSECONDS));
    }
  }

  /** How the dispatcher hears of its calls' ends, and answers them. */
  private final class Calls implements InFlightCall.Registry {
    @Override
    public void ended(InFlightCall call, @Nullable ScheduledFuture<?> timeout) {
      if (timeout != null) {
        timeout.cancel(false);
      }
      inFlight.remove(call);
    }

    @Override
    public @Nullable Outcome answer(
        Incoming.Call call,
        @Nullable TransportContext transport,
        @Nullable Object value,
        @Nullable Throwable failure) {
      return Dispatcher.this.answer(call, transport, value, failure);
    }
  }

  /** The args of a call without an invocation: its params were read and bound while decoding. */
  private static Object[] boundArgs(Object @Nullable [] args) {
    return Objects.requireNonNull(args, "a call without an invocation has bound args");
  }

  private static @Nullable Object unwrapOptional(@Nullable Object value) {
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
    // Calls on a caller's thread see the new mark when they return and answer with its error.
    cancelMark = new CancelMark(error);
    int cancelled = runningHere.intValue();
    for (InFlightCall call : inFlight) {
      if (call.cancel(error)) {
        cancelled++;
      }
    }
    return cancelled;
  }

  /**
   * Ends with {@code error} the request with {@code id} that came with {@code transport} (compared
   * by identity), if it is still in flight; true if it was.
   */
  public boolean cancel(TransportContext transport, Id id, ErrorObject error) {
    for (InFlightCall call : inFlight) {
      @SuppressWarnings("ReferenceEquality")
      boolean same = call.answerTo == transport;
      Id callId = call.id;
      if (same && callId != null && callId.equals(id) && call.cancel(error)) {
        return true;
      }
    }
    return false;
  }

  private static @Nullable TransportContext answerTo(
      Incoming.Call call, TransportContext transport) {
    return call.id() == null ? null : transport;
  }

  /**
   * Ends with {@code error} the requests in flight that came with {@code transport} (compared by
   * identity: one connection's context); returns how many it ended. Notifications go on, and calls
   * running on a caller's thread are not reached: that thread is the transport's own.
   */
  public int cancelPending(TransportContext transport, ErrorObject error) {
    int cancelled = 0;
    for (InFlightCall call : inFlight) {
      // Identity on purpose: two connections may have equal contexts, never the same one.
      @SuppressWarnings("ReferenceEquality")
      boolean same = call.answerTo == transport;
      if (same && call.cancel(error)) {
        cancelled++;
      }
    }
    return cancelled;
  }

  public int inFlightCount() {
    return inFlight.size() + runningHere.intValue();
  }
}
