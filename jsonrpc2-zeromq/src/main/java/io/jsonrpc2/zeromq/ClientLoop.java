package io.jsonrpc2.zeromq;

import io.jsonrpc2.client.ClientTransport;
import io.jsonrpc2.client.ConnectionLostException;
import io.jsonrpc2.client.OutboundMessage;
import io.jsonrpc2.client.TransportException;
import io.jsonrpc2.client.TransportReply;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.zeromq.ZContext;
import org.zeromq.ZMQ;

/**
 * The I/O thread of a {@link ZmqClientTransport}: the only thread that touches its socket. Callers
 * hand their messages over through a {@link Mailbox}; subclasses say what the socket type does with
 * them.
 */
abstract class ClientLoop implements Runnable {
  static final Logger LOG = LoggerFactory.getLogger(ZmqClientTransport.class);

  /** A message a caller sent, and the future the transport returned for it. */
  record Outgoing(OutboundMessage message, CompletableFuture<TransportReply> reply) {}

  final ZmqClientTransport.Settings settings;
  final ClientTransport.Receiver receiver;
  private final ZContext context;
  private final boolean ownsContext;
  private final CompletableFuture<Void> ready = new CompletableFuture<>();
  volatile boolean closing;
  private volatile long closeDeadline;

  /** Indexes in {@link #poller}. */
  static final int SOCKET = 0;

  static final int MONITOR = 1;

  // Made by run(), on the I/O thread; null until then, or for good when run() failed to make them.
  private @Nullable ClientSocket socket;
  private @Nullable SocketPoller poller;
  private volatile @Nullable Mailbox<Outgoing> mailbox;

  ClientLoop(ZmqClientTransport.Settings settings, ClientTransport.Receiver receiver) {
    this.settings = settings;
    this.receiver = receiver;
    ZContext shared = settings.context();
    this.ownsContext = shared == null;
    this.context = shared == null ? new ZContext(1) : shared;
  }

  /** Completes once the socket is connected, or with why it could not be. */
  CompletableFuture<Void> ready() {
    return ready;
  }

  /** Any thread: queues a message for the socket; false once the loop has closed. */
  boolean post(Outgoing outgoing) {
    return mailbox().post(outgoing);
  }

  /**
   * Any thread: makes the loop send what it was given if it can within the close timeout (a
   * notification, a DEALER write), then fail what is left and close.
   */
  void requestClose() {
    closeDeadline = System.nanoTime() + settings.closeTimeout().toNanos();
    closing = true;
    mailbox().wake();
  }

  /** Once closing: the milliseconds left to send what was given, at least 0. */
  long millisToCloseDeadline() {
    return Math.max(0, TimeUnit.NANOSECONDS.toMillis(closeDeadline - System.nanoTime()));
  }

  /** Serves the socket until {@link #closing}. */
  abstract void serve();

  /** Fails every message the loop still holds. */
  abstract void failPending(TransportException reason);

  /** Closes the socket at once, dropping what it held, and connects a fresh one in its place. */
  void replaceSocket() {
    ClientSocket current = socket();
    SocketPoller watching = poller();
    current.replace();
    watching.replace(SOCKET, current.socket());
    watching.replace(MONITOR, current.monitor());
  }

  // The transport calls post() and requestClose() only once ready() completed, and serve() runs
  // only after run() made all three: a null here is a bug.
  ClientSocket socket() {
    return Objects.requireNonNull(socket, "the client socket is used before run() made it");
  }

  SocketPoller poller() {
    return Objects.requireNonNull(poller, "the poller is used before run() made it");
  }

  Mailbox<Outgoing> mailbox() {
    return Objects.requireNonNull(mailbox, "the mailbox is used before run() made it");
  }

  ConnectionLostException connectionLost() {
    return new ConnectionLostException(
        "the connection to " + settings.endpoint() + " dropped; the reply cannot come", null);
  }

  @Override
  public final void run() {
    try {
      socket =
          new ClientSocket(
              context,
              settings.socketType(),
              settings.endpoint(),
              settings.maxMessageSize(),
              (int) settings.handshakeTimeout().toMillis());
      poller = new SocketPoller();
      poller.add(socket.socket(), ZMQ.Poller.POLLIN);
      poller.add(socket.monitor(), ZMQ.Poller.POLLIN);
      mailbox = new Mailbox<>(poller);
      ready.complete(null);
      serve();
    } catch (RuntimeException e) {
      if (!ready.completeExceptionally(e)) {
        LOG.error("ZeroMQ client of {} stopped by an unexpected failure", settings.endpoint(), e);
      }
    } finally {
      shutDown();
    }
  }

  private void shutDown() {
    TransportException closed =
        new ConnectionLostException("the transport to " + settings.endpoint() + " is closed", null);
    try {
      failPending(closed);
      if (mailbox != null) {
        mailbox.close(late -> late.reply().completeExceptionally(closed));
      }
      if (socket != null) {
        socket.close((int) Math.min(Integer.MAX_VALUE, millisToCloseDeadline()));
      }
      if (poller != null) {
        poller.close();
      }
    } finally {
      if (ownsContext) {
        context.close();
      }
    }
  }
}
