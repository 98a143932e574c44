package io.jsonrpc2.zeromq;

import java.util.Objects;
import java.util.concurrent.atomic.AtomicLong;
import org.jspecify.annotations.Nullable;
import org.zeromq.SocketType;
import org.zeromq.ZContext;
import org.zeromq.ZMQ;

/**
 * A client's REQ or DEALER socket, connected to one endpoint, with a monitor that tells when the
 * TCP connection under it drops (ZeroMQ otherwise reconnects in silence, and the calls that were on
 * the old connection would wait for replies that cannot come). A drop counts only when the
 * connection had carried a reply: JeroMQ reports no event when a handshake completes, and a
 * connection given up during its handshake (see below) carried nothing and lost nothing.
 *
 * <p>The socket gets a short handshake timeout: JeroMQ 0.6.0 sometimes leaves a freshly connected
 * TCP connection without its ZMTP handshake (a race in its I/O poller, zeromq/jeromq#1022; more
 * likely under CPU load), and nothing goes over it until the handshake timer, 30 s by default,
 * tears it down and reconnects. Messages queued meanwhile stay queued and go out on the new
 * connection.
 *
 * <p>Owned by one I/O thread: made, used, replaced and closed there only.
 */
final class ClientSocket {
  private static final AtomicLong MONITOR_NAMES = new AtomicLong();

  private final ZContext context;
  private final SocketType type;
  private final String endpoint;
  private final long maxMessageSize;
  private final int handshakeMillis;
  // Null from close() until open() makes new ones.
  private ZMQ.@Nullable Socket socket;
  private ZMQ.@Nullable Socket monitor;
  private boolean repliedSinceLastDrop;

  ClientSocket(
      ZContext context,
      SocketType type,
      String endpoint,
      long maxMessageSize,
      int handshakeMillis) {
    this.context = context;
    this.type = type;
    this.endpoint = endpoint;
    this.maxMessageSize = maxMessageSize;
    this.handshakeMillis = handshakeMillis;
    open();
  }

  ZMQ.Socket socket() {
    return Objects.requireNonNull(socket, "the client socket is closed");
  }

  /** The socket that becomes readable when the connection drops; see {@link #disconnected()}. */
  ZMQ.Socket monitor() {
    return Objects.requireNonNull(monitor, "the client socket is closed");
  }

  /** Closes the socket at once, dropping whatever it still held, and connects a new one. */
  void replace() {
    close(0);
    open();
  }

  /**
   * Reads the monitor's events; true if a connection that had carried a reply dropped since the
   * last look. Callers read the socket's messages first, so a reply that came before the drop
   * counts.
   */
  boolean disconnected() {
    boolean dropped = false;
    zmq.ZMQ.Event event;
    while ((event = zmq.ZMQ.Event.read(monitor().base(), ZMQ.DONTWAIT)) != null) {
      if (event.event == ZMQ.EVENT_DISCONNECTED) {
        dropped |= repliedSinceLastDrop;
        repliedSinceLastDrop = false;
      }
    }
    return dropped;
  }

  /**
   * Reads the next message without waiting and returns its body (the last frame), or null when no
   * message is there.
   */
  byte @Nullable [] receive() {
    Frames frames = Frames.receive(socket(), type);
    if (frames == null) {
      return null;
    }
    repliedSinceLastDrop = true;
    return frames.payload().isEmpty()
        ? new byte[0]
        : frames.payload().get(frames.payload().size() - 1);
  }

  /**
   * Sends one message without waiting; false when the socket would have had to wait. A DEALER puts
   * the empty delimiter a REQ socket would, so that REP servers and brokers route the reply back.
   */
  boolean send(byte[] payload) {
    ZMQ.Socket open = socket();
    if (type == SocketType.DEALER && !open.send(new byte[0], ZMQ.SNDMORE | ZMQ.DONTWAIT)) {
      return false;
    }
    return open.send(payload, ZMQ.DONTWAIT);
  }

  /** Closes the socket; for up to {@code lingerMillis} ZeroMQ still sends what it holds. */
  void close(int lingerMillis) {
    if (socket != null) {
      socket.setLinger(lingerMillis);
      socket.close();
      socket = null;
    }
    if (monitor != null) {
      monitor.setLinger(0);
      monitor.close();
      monitor = null;
    }
  }

  private void open() {
    // Made on the context's raw side: a ZContext resets the linger of its own sockets on close.
    ZMQ.Socket fresh = context.getContext().socket(type);
    ZMQ.Socket watcher = null;
    try {
      fresh.setLinger(0);
      fresh.setHandshakeIvl(handshakeMillis);
      if (maxMessageSize > 0) {
        fresh.setMaxMsgSize(maxMessageSize);
      }
      String monitorAddress = "inproc://jsonrpc2-zmq-monitor-" + MONITOR_NAMES.incrementAndGet();
      fresh.monitor(monitorAddress, ZMQ.EVENT_DISCONNECTED);
      watcher = context.getContext().socket(SocketType.PAIR);
      watcher.connect(monitorAddress);
      if (!fresh.connect(endpoint)) {
        throw new IllegalArgumentException(
            "cannot connect to " + endpoint + ": error " + fresh.errno());
      }
    } catch (RuntimeException e) {
      fresh.setLinger(0);
      fresh.close();
      if (watcher != null) {
        watcher.setLinger(0);
        watcher.close();
      }
      throw e instanceof IllegalArgumentException
          ? e
          : new IllegalArgumentException(
              "cannot connect to " + endpoint + ": " + e.getMessage(), e);
    }
    socket = fresh;
    monitor = watcher;
    repliedSinceLastDrop = false;
  }
}
