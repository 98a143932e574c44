package io.jsonrpc2.client;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;

/**
 * The one connection of a client transport that connects on demand: at most one attempt at a time,
 * consecutive failed attempts spaced by a backoff that doubles up to a maximum, and each
 * connection's end handled once (a drop the transport is told of, or an {@link #abort} that is
 * not). Written once for every stream client (netstrings, WebSocket), and there for a {@link
 * ClientTransport} of your own: the transport says how to open and close its kind of connection
 * through a {@link Link}, calls {@link #open} before each send (it completes at once while a
 * connection is open), and {@link #abort} or {@link #close} as {@link ClientTransport} says.
 * Thread-safe.
 *
 * @param <C> the transport's connection (a channel, a WebSocket session)
 */
public final class Reconnector<C> {
  /** How a transport opens and closes its kind of connection. */
  public interface Link<C> {
    /** One attempt: completes with an open connection, or fails with why it could not. */
    CompletableFuture<C> connect();

    /**
     * Calls {@code gone} once, with why when known, when {@code connection} closes for whatever
     * reason; at once if it is closed already.
     */
    void whenClosed(C connection, Consumer<@Nullable String> gone);

    /** Closes {@code connection}; it may wait a little for an orderly close. */
    void close(C connection);

    /** Why an attempt failed, in words for the log and the exception. */
    default String describe(Throwable failure) {
      return failure.toString();
    }
  }

  private final String endpoint;
  private final Logger log;
  private final long initialBackoffNanos;
  private final long maxBackoffNanos;
  private final Link<C> link;
  private final Consumer<C> onDrop;
  private final Object lock = new Object();
  private volatile @Nullable C current;
  private volatile boolean closed;
  private @Nullable CompletableFuture<C> connecting;
  private int consecutiveFailures;
  private long nextAttemptNanos;
  private boolean everConnected;

  /**
   * @param log where connects, drops and failed attempts are logged (the transport's logger)
   * @param onDrop told of each connection that went without an {@link #abort}
   */
  public Reconnector(
      String endpoint,
      Logger log,
      Duration initialBackoff,
      Duration maxBackoff,
      Link<C> link,
      Consumer<C> onDrop) {
    this.endpoint = endpoint;
    this.log = log;
    this.initialBackoffNanos = initialBackoff.toNanos();
    this.maxBackoffNanos = maxBackoff.toNanos();
    this.link = link;
    this.onDrop = onDrop;
  }

  /** The open connection, or null. */
  public @Nullable C current() {
    return current;
  }

  public boolean isClosed() {
    return closed;
  }

  /**
   * The open connection, or the attempt to open one: started now, or once the backoff after the
   * last failed attempt has passed. Fails with a {@link TransportException}.
   */
  public CompletableFuture<C> open() {
    CompletableFuture<C> attempt;
    long delay;
    synchronized (lock) {
      if (closed) {
        return CompletableFuture.failedFuture(
            new TransportException("transport to " + endpoint + " is closed"));
      }
      C ready = current;
      if (ready != null) {
        return CompletableFuture.completedFuture(ready);
      }
      if (connecting != null) {
        return connecting;
      }
      attempt = new CompletableFuture<>();
      connecting = attempt;
      delay = Math.max(0, nextAttemptNanos - System.nanoTime());
    }
    if (delay > 0) {
      CompletableFuture.delayedExecutor(delay, TimeUnit.NANOSECONDS)
          .execute(() -> connect(attempt));
    } else {
      connect(attempt);
    }
    return attempt;
  }

  private void connect(CompletableFuture<C> attempt) {
    if (closed) {
      attempt.completeExceptionally(new TransportException("transport to " + endpoint + " closed"));
      return;
    }
    CompletableFuture<C> connected;
    try {
      connected = link.connect();
    } catch (RuntimeException e) {
      connected = CompletableFuture.failedFuture(e);
    }
    connected.whenComplete(
        (connection, failure) -> {
          if (failure != null) {
            failed(
                attempt,
                failure instanceof CompletionException && failure.getCause() != null
                    ? failure.getCause()
                    : failure);
          } else {
            connected(attempt, connection);
          }
        });
  }

  private void connected(CompletableFuture<C> attempt, C connection) {
    boolean again;
    synchronized (lock) {
      if (closed || connecting != attempt) {
        link.close(connection);
        attempt.completeExceptionally(
            new TransportException("transport to " + endpoint + " closed"));
        return;
      }
      current = connection;
      connecting = null;
      again = everConnected;
      everConnected = true;
      consecutiveFailures = 0;
      nextAttemptNanos = 0;
    }
    link.whenClosed(connection, why -> dropped(connection, why));
    log.info(again ? "Reconnected to {}" : "Connected to {}", endpoint);
    attempt.complete(connection);
  }

  private void failed(CompletableFuture<C> attempt, Throwable cause) {
    long backoff;
    synchronized (lock) {
      if (connecting == attempt) {
        connecting = null;
      }
      consecutiveFailures++;
      backoff = backoffNanos(consecutiveFailures);
      nextAttemptNanos = System.nanoTime() + backoff;
    }
    String reason = link.describe(cause);
    if (!closed) {
      log.warn(
          "Cannot connect to {}: {}; next attempt in {} ms at the earliest",
          endpoint,
          reason,
          TimeUnit.NANOSECONDS.toMillis(backoff));
    }
    attempt.completeExceptionally(
        new TransportException("cannot connect to " + endpoint + ": " + reason, cause));
  }

  private long backoffNanos(int failures) {
    long backoff = initialBackoffNanos;
    for (int i = 1; i < failures && backoff < maxBackoffNanos; i++) {
      backoff *= 2;
    }
    return Math.min(backoff, maxBackoffNanos);
  }

  /**
   * Forgets the open connection at once, so that the next message opens a new one, and closes it.
   * Its end is not reported as a drop: whoever aborts has already failed what waited on it.
   */
  public void abort() {
    C open;
    synchronized (lock) {
      open = current;
      current = null;
    }
    if (open != null) {
      link.close(open);
    }
  }

  /** Closes the connection and fails a pending attempt; later {@link #open} calls fail. */
  public void close() {
    CompletableFuture<C> attempt;
    synchronized (lock) {
      if (closed) {
        return;
      }
      closed = true;
      attempt = connecting;
      connecting = null;
    }
    if (attempt != null) {
      attempt.completeExceptionally(new TransportException("transport to " + endpoint + " closed"));
    }
    C open = current;
    if (open != null) {
      link.close(open);
    }
  }

  private void dropped(C connection, @Nullable String why) {
    synchronized (lock) {
      if (current != connection) {
        return;
      }
      current = null;
    }
    if (closed) {
      log.debug("Closed the connection to {}", endpoint);
    } else {
      log.warn(
          "Disconnected from {}{}; the next call reconnects",
          endpoint,
          why == null ? "" : ": " + why);
    }
    onDrop.accept(connection);
  }
}
