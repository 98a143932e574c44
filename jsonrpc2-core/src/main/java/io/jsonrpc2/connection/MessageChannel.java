package io.jsonrpc2.connection;

import java.util.concurrent.CompletableFuture;
import org.jspecify.annotations.Nullable;

/**
 * The SPI between a {@link JsonRpcConnection} and a stream transport: whole messages in both
 * directions over one connection, and nothing about JSON-RPC. The transport frames and unframes
 * (netstrings, WebSocket frames, lines, {@code Content-Length} headers); the connection does all
 * the rest.
 *
 * <p>Contract:
 *
 * <ul>
 *   <li>{@link #start} is called once; from then on every whole inbound message goes to {@link
 *       Listener#onMessage}, one at a time and in the order they arrived (never two at once).
 *   <li>{@link #send} may be called from any thread, concurrently; messages are written whole, in
 *       the order of the {@code send} calls: one that happens before another (on one thread, or
 *       handed from thread to thread) is written first.
 *   <li>{@link #pauseReading} and {@link #resumeReading} may be called from any thread, also from
 *       within {@code onMessage}, and return without calling the listener; while paused, the
 *       transport reads no more from the network (messages already read may still be delivered), so
 *       the peer is held back by the network's own flow control.
 *   <li>If {@link #reportsReadComplete} says so, {@link Listener#onReadComplete} follows the
 *       messages of each read, on the thread that delivered them.
 *   <li>{@link Listener#onClosed} is called exactly once, when the connection is gone for whatever
 *       reason ({@link #close} included), after the last {@code onMessage}.
 * </ul>
 */
public interface MessageChannel {

  /** Starts delivering inbound messages to {@code listener}. */
  void start(Listener listener);

  /**
   * Writes one whole message.
   *
   * @return completes when the message is written (handed to the operating system), or fails when
   *     it cannot be, such as when the connection is closed
   */
  CompletableFuture<Void> send(byte[] message);

  /** Stops reading from the network until {@link #resumeReading}. Idempotent. */
  void pauseReading();

  /** Reads from the network again. Idempotent. */
  void resumeReading();

  /** Closes the connection; messages already handed to {@link #send} are written first. */
  void close();

  /**
   * Whether this channel calls {@link Listener#onReadComplete} after the messages of every read.
   * Only then does a connection keep the blocking calls of a read queued until that call, to hand
   * them to an executor together; a channel that says false loses only that batching.
   */
  default boolean reportsReadComplete() {
    return false;
  }

  /**
   * Whether a message sent now would go out without queuing behind earlier ones that a slow peer
   * has not read yet. Subscriptions hold their items while it is false, until {@link
   * Listener#onWritable}; answers and plain notifications are sent regardless. A channel that
   * cannot tell says true.
   */
  default boolean isWritable() {
    return true;
  }

  /** A short description of the peer for logs and errors, such as {@code 127.0.0.1:7080}. */
  String description();

  /** Where a channel delivers what happens on it. */
  interface Listener {
    /** One whole inbound message. */
    void onMessage(byte[] message);

    /**
     * The transport has delivered what it read for now: the messages of one read from the network,
     * or of one turn of its event loop. Called on the thread that delivered them, after the last of
     * them, and only by a channel whose {@link #reportsReadComplete} is true, which must then call
     * it after every read: the listener may keep the blocking calls those messages started queued
     * until then.
     */
    default void onReadComplete() {}

    /**
     * {@link #isWritable} has turned true again after being false; called on any thread, never
     * within {@link #send}.
     */
    default void onWritable() {}

    /**
     * The connection is gone.
     *
     * @param cause why, or null for an orderly close (by either side)
     */
    void onClosed(@Nullable Throwable cause);
  }
}
