package io.jsonrpc2.client;

import java.util.concurrent.CompletableFuture;

/**
 * The SPI between {@link io.jsonrpc2.JsonRpcClient} and a network: a dumb pipe for whole messages.
 * The client does all encoding, id matching, timeouts and validation.
 *
 * <p>There are two kinds of transport, told apart by what {@link #send} completes with:
 *
 * <ul>
 *   <li>request-response (HTTP, a ZeroMQ REQ socket): {@code send} completes with the {@link
 *       TransportReply} to that very message (its body empty when there is none);
 *   <li>connection (netstring, WebSocket): {@code send} completes with null once the message is
 *       written, and replies arrive later, in any order, through {@link Receiver#onMessage}.
 * </ul>
 *
 * A failed {@code send} fails exactly the calls of that message. Implementations must be
 * thread-safe: many callers send at once.
 */
public interface ClientTransport extends AutoCloseable {

  /** Called once by the client, before the first {@link #send}, with where inbound messages go. */
  void start(Receiver receiver);

  /**
   * Sends one encoded message (a request, a notification or a batch).
   *
   * <p>The client cancels the returned future once no caller waits for the reply any more (every
   * call of the message timed out or was cancelled); a request-response transport may then abandon
   * the exchange. Cancelling a future that is already complete does nothing.
   *
   * @return for request-response transports the reply; for connection transports null once written.
   *     Fails with a {@link TransportException} when the message could not be delivered.
   */
  CompletableFuture<TransportReply> send(OutboundMessage message);

  /**
   * True for a request-response transport, whose {@link #send} completes with the reply; false for
   * a connection transport, whose replies come through the {@link Receiver}.
   */
  boolean isRequestResponse();

  /** A short description of the peer for logs and errors, such as its URL. */
  String endpoint();

  /**
   * The client found that the peer broke the protocol on this connection (a reply that is not JSON,
   * not a JSON-RPC response, or for no waiting call), and has failed every waiting call with {@code
   * cause}: a connection transport closes its connection now, so that the next message opens a new
   * one. Request-response transports have no connection to drop and ignore it.
   */
  default void abort(JsonRpcClientException cause) {}

  /**
   * A connection transport stops reading its connection until {@link #resumeReading}, so that a
   * peer sending more calls than the client serves at once is held back by the network. The default
   * does nothing: messages are then delivered as they come. Must not call the receiver.
   */
  default void pauseReading() {}

  /** Reads the connection again after {@link #pauseReading}. Must not call the receiver. */
  default void resumeReading() {}

  /** Releases the transport's resources; calls in flight fail with a connection-lost error. */
  @Override
  void close();

  /** Where a connection transport delivers what arrives. Implementations are thread-safe. */
  interface Receiver {
    /** One whole inbound message. */
    void onMessage(byte[] message);

    /** The connection is gone; every call waiting on it must fail now. */
    void onConnectionLost(Throwable cause);
  }
}
