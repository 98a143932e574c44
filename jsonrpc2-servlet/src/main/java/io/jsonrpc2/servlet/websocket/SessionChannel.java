package io.jsonrpc2.servlet.websocket;

import io.jsonrpc2.connection.MessageChannel;
import jakarta.websocket.CloseReason;
import jakarta.websocket.MessageHandler;
import jakarta.websocket.SendResult;
import jakarta.websocket.Session;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.ClosedChannelException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.atomic.AtomicBoolean;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A {@link MessageChannel} over one Jakarta WebSocket session: each text message in is one message,
 * each message out one text message.
 *
 * <p>Sends go out one at a time through the session's async remote, in the order of the {@code
 * send} calls, since many containers refuse a second async send while one is outstanding. The
 * channel is unwritable while more than {@code sendQueueBound} messages wait, and writable again
 * once half of them have gone out.
 *
 * <p>Jakarta WebSocket cannot stop reading a session, so pausing does nothing here: what the peer
 * sends meanwhile is delivered, and the connection holds it in order until it serves it.
 */
final class SessionChannel implements MessageChannel {
  private static final Logger LOG = LoggerFactory.getLogger("io.jsonrpc2.servlet.websocket");

  /** What a queued message is waiting to become. */
  private record Outgoing(String text, CompletableFuture<Void> written) {}

  private final Session session;
  private final int sendQueueBound;
  // onWritable must not run within send(): a container may complete sends on the calling thread.
  private final Executor notifier = ForkJoinPool.commonPool();
  private final AtomicBoolean closedReported = new AtomicBoolean();

  private final ArrayDeque<Outgoing> queue = new ArrayDeque<>(); // guarded by this
  private boolean sending; // a sendText outstanding; guarded by this
  private boolean pumping; // a thread is handing queued messages to the container; guarded by this
  private boolean full; // isWritable() turned false; guarded by this
  private boolean closeRequested; // close() once the queue is written; guarded by this
  private @Nullable Listener listener;

  private final String description;

  SessionChannel(Session session, int sendQueueBound, String description) {
    this.session = session;
    this.sendQueueBound = sendQueueBound;
    this.description = description;
  }

  @Override
  public void start(Listener listener) {
    this.listener = listener;
    session.addMessageHandler(String.class, (MessageHandler.Whole<String>) this::onText);
    session.addMessageHandler(ByteBuffer.class, (MessageHandler.Whole<ByteBuffer>) this::onBinary);
  }

  private void onText(String text) {
    Listener delivering = listener;
    if (delivering != null && !closedReported.get()) {
      delivering.onMessage(text.getBytes(StandardCharsets.UTF_8));
    }
  }

  private void onBinary(ByteBuffer ignored) {
    closeSession(
        new CloseReason(
            CloseReason.CloseCodes.CANNOT_ACCEPT, "binary messages are not JSON-RPC: send text"));
  }

  @Override
  public CompletableFuture<Void> send(byte[] message) {
    Outgoing outgoing =
        new Outgoing(new String(message, StandardCharsets.UTF_8), new CompletableFuture<>());
    synchronized (this) {
      if (closeRequested || closedReported.get()) {
        return CompletableFuture.failedFuture(
            new ClosedChannelException().initCause(new IOException("WebSocket closed")));
      }
      queue.add(outgoing);
      if (queue.size() > sendQueueBound) {
        full = true;
      }
    }
    pump();
    return outgoing.written();
  }

  /**
   * Hands the queued messages to the container one after the other. A send the container completes
   * on this very thread returns here instead of recursing, so a long queue does not grow the stack.
   */
  private void pump() {
    synchronized (this) {
      if (pumping) {
        return;
      }
      pumping = true;
    }
    while (true) {
      Outgoing next;
      synchronized (this) {
        next = sending ? null : queue.poll();
        if (next == null) {
          pumping = false;
          if (!sending && queue.isEmpty() && closeRequested) {
            break;
          }
          return;
        }
        sending = true;
      }
      Outgoing sent = next;
      try {
        session.getAsyncRemote().sendText(sent.text(), result -> written(sent, result));
      } catch (RuntimeException e) {
        // IllegalStateException and the like: the session is closing or closed.
        synchronized (this) {
          pumping = false;
        }
        failAndClose(sent, e);
        return;
      }
    }
    closeSession(new CloseReason(CloseReason.CloseCodes.GOING_AWAY, "closing"));
  }

  private void written(Outgoing sent, SendResult result) {
    Throwable failure = result.getException();
    if (failure != null) {
      failAndClose(sent, failure);
      return;
    }
    boolean writableAgain;
    synchronized (this) {
      sending = false;
      writableAgain = full && queue.size() <= sendQueueBound / 2;
      if (writableAgain) {
        full = false;
      }
    }
    sent.written().complete(null);
    Listener notified = listener;
    if (writableAgain && notified != null) {
      notifier.execute(notified::onWritable);
    }
    pump();
  }

  private void failAndClose(Outgoing sent, Throwable failure) {
    sent.written().completeExceptionally(failure);
    closed(failure);
    closeSession(new CloseReason(CloseReason.CloseCodes.UNEXPECTED_CONDITION, "send failed"));
  }

  @Override
  public void pauseReading() {
    // No flow control in Jakarta WebSocket: the connection holds what arrives while paused.
  }

  @Override
  public void resumeReading() {
    // Nothing was paused.
  }

  @Override
  public synchronized boolean isWritable() {
    return !full;
  }

  @Override
  public void close() {
    synchronized (this) {
      closeRequested = true;
    }
    pump(); // closes at once when nothing waits, else after the last queued message
  }

  private void closeSession(CloseReason reason) {
    if (!session.isOpen()) {
      return;
    }
    try {
      session.close(reason);
    } catch (IOException | RuntimeException e) {
      LOG.debug("Closing WebSocket {} failed", description(), e);
    }
  }

  /** The session is gone: reports it once, and fails what was still waiting to go out. */
  void closed(@Nullable Throwable cause) {
    if (!closedReported.compareAndSet(false, true)) {
      return;
    }
    List<Outgoing> unsent;
    synchronized (this) {
      unsent = new ArrayList<>(queue);
      queue.clear();
    }
    for (Outgoing outgoing : unsent) {
      outgoing.written().completeExceptionally(new ClosedChannelException());
    }
    Listener closing = listener;
    if (closing != null) {
      closing.onClosed(cause);
    }
  }

  @Override
  public String description() {
    return description;
  }
}
