package io.jsonrpc2.testing;

import io.jsonrpc2.client.ConnectionLostException;
import io.jsonrpc2.connection.MessageChannel;
import java.util.ArrayDeque;
import java.util.Queue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import org.jspecify.annotations.Nullable;

/**
 * One end of an in-memory connection: a {@link MessageChannel} whose messages go to the other end
 * of its {@link #pair()}, delivered there on that end's own reader thread, in order, as a socket's
 * would be. Pausing holds inbound messages back until reading resumes; closing either end closes
 * both, after the messages sent before it are delivered (or at once while reading is paused: what
 * was held back is then dropped).
 *
 * <p>The way to run {@link io.jsonrpc2.connection.JsonRpcConnection}s, or a hand-written peer
 * speaking raw messages, against each other without sockets. Thread-safe.
 */
public final class InMemoryChannel implements MessageChannel {

  /** Two connected ends. */
  public record Pair(InMemoryChannel left, InMemoryChannel right) {}

  private final String name;
  private final ExecutorService reader;
  private final Queue<byte[]> inbound = new ArrayDeque<>();
  private @Nullable InMemoryChannel other;
  private MessageChannel.@Nullable Listener listener;
  private boolean paused;
  private boolean closed;
  private boolean closeDelivered;
  private @Nullable Throwable closeCause;

  private InMemoryChannel(String name) {
    this.name = name;
    this.reader =
        Executors.newSingleThreadExecutor(
            task -> {
              Thread thread = new Thread(task, "in-memory-" + name);
              thread.setDaemon(true);
              return thread;
            });
  }

  /** Two ends connected to each other, named "left" and "right" in logs. */
  public static Pair pair() {
    InMemoryChannel left = new InMemoryChannel("left");
    InMemoryChannel right = new InMemoryChannel("right");
    left.other = right;
    right.other = left;
    return new Pair(left, right);
  }

  @Override
  public void start(Listener listener) {
    synchronized (this) {
      if (this.listener != null) {
        throw new IllegalStateException("started already");
      }
      this.listener = listener;
    }
    scheduleDelivery();
  }

  @Override
  public CompletableFuture<Void> send(byte[] message) {
    InMemoryChannel to = other;
    synchronized (this) {
      if (closed || to == null) {
        return CompletableFuture.failedFuture(
            new ConnectionLostException("the in-memory connection " + name + " is closed", null));
      }
    }
    to.receive(message.clone());
    return CompletableFuture.completedFuture(null);
  }

  private void receive(byte[] message) {
    synchronized (this) {
      if (closed) {
        return;
      }
      inbound.add(message);
    }
    scheduleDelivery();
  }

  @Override
  public void pauseReading() {
    synchronized (this) {
      paused = true;
    }
  }

  @Override
  public void resumeReading() {
    synchronized (this) {
      paused = false;
    }
    scheduleDelivery();
  }

  /** Whether reading is paused now. */
  public synchronized boolean isPaused() {
    return paused;
  }

  @Override
  public void close() {
    closeBoth(null);
  }

  /** Breaks the connection, as a network failure would: both ends see {@code cause}. */
  public void drop(Throwable cause) {
    closeBoth(cause);
  }

  private void closeBoth(@Nullable Throwable cause) {
    InMemoryChannel to = other;
    closeThisEnd(cause);
    if (to != null) {
      to.closeThisEnd(cause);
    }
  }

  private void closeThisEnd(@Nullable Throwable cause) {
    synchronized (this) {
      if (closed) {
        return;
      }
      closed = true;
      closeCause = cause;
    }
    scheduleDelivery();
  }

  @Override
  public String description() {
    return "in-memory:" + name;
  }

  private void scheduleDelivery() {
    try {
      reader.execute(this::deliver);
    } catch (RejectedExecutionException e) {
      // closed and delivered already: nothing is left to deliver
    }
  }

  /** Runs on the reader thread only, so deliveries never overlap and keep their order. */
  private void deliver() {
    while (true) {
      byte[] message;
      Listener to;
      synchronized (this) {
        to = listener;
        if (to == null || closeDelivered) {
          return;
        }
        message = paused ? null : inbound.poll();
        if (message == null) {
          if (!closed) {
            return;
          }
          closeDelivered = true;
        }
      }
      if (message != null) {
        to.onMessage(message);
      } else {
        to.onClosed(closeCause);
        reader.shutdown();
        return;
      }
    }
  }
}
