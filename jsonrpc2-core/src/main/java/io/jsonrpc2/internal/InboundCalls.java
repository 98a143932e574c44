package io.jsonrpc2.internal;

import io.jsonrpc2.JsonRpcService;
import io.jsonrpc2.server.TransportContext;
import java.util.ArrayDeque;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The peer's calls on one connection, served by a local {@link JsonRpcService}: the in-flight cap
 * with read pausing, writing the answers, waiting until idle, and cancelling what runs when the
 * connection goes, with the subscriptions the peer holds ({@link ServerSubscriptions}). The one
 * place this is written, for a {@link io.jsonrpc2.connection.JsonRpcConnection} and for a client
 * that serves its peer's calls.
 *
 * <p>{@link #serve} is called by the connection's reader, one message at a time; everything else
 * from any thread.
 */
public final class InboundCalls {
  private static final Logger LOG = LoggerFactory.getLogger(InboundCalls.class);

  /** Where answers go, and how reading is held back. */
  public interface Output {
    /** Writes one answer; completes when written, fails when it cannot be. */
    CompletableFuture<Void> send(byte[] answer);

    /** Stops reading the connection; must not call {@link #serve} itself. */
    void pauseReading();

    /** Reads the connection again; must not call {@link #serve} itself. */
    void resumeReading();

    /**
     * Whether a message sent now goes out without queuing behind others for a slow reader; the
     * connection calls {@link InboundCalls#writable} when it is so again. Only pushes (subscription
     * items) wait for it; answers never do.
     */
    default boolean isWritable() {
      return true;
    }
  }

  private final JsonRpcService service;
  private final TransportContext context;
  private final int maxInFlight;
  private final Output output;
  private final String description;
  private final ServerSubscriptions subscriptions;
  private final AtomicInteger inFlight = new AtomicInteger();
  // Holding starts when the cap is reached: reading pauses, and messages read already wait in
  // order. The lock guards the held queue; the count alone is enough while nothing is held.
  private final Object lock = new Object();
  private final ArrayDeque<byte[]> held = new ArrayDeque<>();
  private volatile boolean holding;
  private volatile boolean closed;
  private final AtomicReference<@Nullable Runnable> whenIdle = new AtomicReference<>();

  public InboundCalls(
      JsonRpcService service,
      TransportContext context,
      int maxInFlight,
      Output output,
      String description) {
    this.service = service;
    this.subscriptions = new ServerSubscriptions(output, description);
    this.context = context.withAttribute(ServerSubscriptions.ATTRIBUTE, subscriptions);
    this.maxInFlight = maxInFlight;
    this.output = output;
    this.description = description;
  }

  /** The context every call served here sees. */
  public TransportContext context() {
    return context;
  }

  /** How many of the peer's messages are being served now. */
  public int inFlightCount() {
    return inFlight.get();
  }

  /** The peer's message: served now, or held (in order) while the cap is reached. */
  public void serve(byte[] message) {
    if (holding) {
      synchronized (lock) {
        if (holding) {
          held.add(message);
          return;
        }
      }
    }
    if (inFlight.incrementAndGet() >= maxInFlight) {
      // Pausing and resuming under the lock keeps them in the order holding starts and ends.
      synchronized (lock) {
        holding = true;
        output.pauseReading();
      }
    }
    dispatch(message);
  }

  /**
   * Pushes a message to the peer through the connection's bounded outbox (see {@link
   * ServerSubscriptions#push}).
   *
   * @return false when the peer cannot keep up under {@link io.jsonrpc2.OverflowPolicy#FAIL}
   */
  public boolean push(byte[] message, int capacity, io.jsonrpc2.OverflowPolicy policy) {
    return closed || subscriptions.push(message, capacity, policy);
  }

  /** The connection can take more messages: subscriptions send what waited for it. */
  public void writable() {
    subscriptions.writable();
  }

  /** Runs {@code action} once, as soon as nothing is in flight: at once when nothing is. */
  public void whenIdle(Runnable action) {
    whenIdle.set(action);
    runIfIdle();
  }

  /**
   * The connection is gone: held messages are dropped, answers are no longer written, and the
   * requests still running are cancelled in the service (notifications go on).
   *
   * @return how many calls were cancelled
   */
  public int close() {
    closed = true;
    synchronized (lock) {
      held.clear();
    }
    subscriptions.closeAll();
    return service.cancelPending(context);
  }

  /**
   * Serves {@code message}, then each held message its answer frees the slot for, in a loop rather
   * than by recursion: methods that answer at once can free slots for many held messages.
   */
  private void dispatch(byte @Nullable [] message) {
    while (message != null) {
      CompletableFuture<byte @Nullable []> reply;
      try {
        reply = service.handle(message, context);
      } catch (RuntimeException e) {
        reply = CompletableFuture.failedFuture(e);
      }
      if (!reply.isDone()) {
        reply.whenComplete((answer, failure) -> dispatch(answered(answer, failure)));
        return;
      }
      byte @Nullable [] answer = null;
      Throwable failure = null;
      try {
        answer = reply.join();
      } catch (RuntimeException e) {
        failure = e;
      }
      message = answered(answer, failure);
    }
  }

  /** Writes the answer and frees its slot; returns the held message that takes the slot over. */
  private byte @Nullable [] answered(byte @Nullable [] reply, @Nullable Throwable failure) {
    if (failure != null) {
      LOG.error("{}: the service failed to answer a message", description, failure);
    } else if (reply != null && !closed) {
      CompletableFuture<Void> sent = output.send(reply);
      subscriptions.replySent(reply);
      // Most outputs queue the write at once: only a send still pending or failed needs a stage.
      if (!sent.isDone() || sent.isCompletedExceptionally()) {
        sent.whenComplete(this::replyWritten);
      }
    }
    byte @Nullable [] next = null;
    if (holding) {
      synchronized (lock) {
        next = held.poll();
        // A held message takes the slot over; the last one answered with none held ends holding.
        if (next == null && inFlight.decrementAndGet() < maxInFlight && holding) {
          holding = false;
          output.resumeReading();
        }
      }
    } else {
      inFlight.decrementAndGet();
    }
    runIfIdle();
    return next;
  }

  private void runIfIdle() {
    if (whenIdle.get() != null && inFlight.get() == 0) {
      Runnable action = whenIdle.getAndSet(null);
      if (action != null) {
        action.run();
      }
    }
  }

  private void replyWritten(@Nullable Void written, @Nullable Throwable failure) {
    if (failure != null) {
      LOG.debug("{}: a reply could not be written: {}", description, failure.toString());
    }
  }
}
