package io.jsonrpc2.zeromq;

import io.jsonrpc2.JsonRpcService;
import io.jsonrpc2.connection.HandOffs;
import io.jsonrpc2.message.ErrorCodes;
import io.jsonrpc2.server.TransportContext;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.zeromq.SocketType;
import org.zeromq.ZContext;
import org.zeromq.ZMQ;

/**
 * The I/O thread of a {@link ZmqServer}: the only thread that touches the server's socket.
 *
 * <p>It reads messages while fewer than {@code maxInFlight} calls are running, hands each to the
 * service, and writes a reply as soon as it is known: at once when the service answered on this
 * thread, otherwise through the {@link Mailbox} from whichever thread completed it. A REP socket
 * has {@code maxInFlight} 1, which is what its strict receive-then-send cycle allows anyway.
 */
final class ServerLoop implements Runnable {
  private static final Logger LOG = LoggerFactory.getLogger(ZmqServer.class);
  private static final int READS_PER_WAKE_UP = 64;
  private static final int MAX_CACHED_CONTEXTS = 4096;
  private static final byte[] NO_REPLY = new byte[0];

  /** A reply on its way back to the I/O thread; {@code body} is null when none is due. */
  @SuppressWarnings("ArrayRecordComponent") // only carried to the I/O thread, never compared
  private record Reply(Frames request, byte @Nullable [] body) {}

  private final List<String> binds;
  private final List<String> connects;
  private final int maxMessageSize;
  private final long discardMessagesAbove;
  private volatile Duration grace;
  private final int handshakeMillis;
  private final @Nullable ZContext sharedContext;
  private final CompletableFuture<Void> stopped = new CompletableFuture<>();
  private @Nullable ZContext context; // made by run()
  private final boolean ownsContext;
  private final JsonRpcService service;
  private final SocketType socketType;
  private final int maxInFlight;
  private final CompletableFuture<List<String>> ready = new CompletableFuture<>();
  private final Map<String, TransportContext> contexts = new HashMap<>();
  private final TransportContext unknownPeer;
  private volatile boolean closing;
  // Made by run(), on the I/O thread; null until then, or for good when run() failed to make them.
  private ZMQ.@Nullable Socket socket;
  private @Nullable SocketPoller poller;
  private volatile @Nullable Mailbox<Reply> mailbox;
  private int inFlight;

  /** {@code context} is shared with other sockets, or null for one of the loop's own. */
  ServerLoop(ZmqServer.Builder config, @Nullable ZContext context) {
    this.binds = List.copyOf(config.binds);
    this.connects = List.copyOf(config.connects);
    this.maxMessageSize = config.maxMessageSize;
    this.discardMessagesAbove =
        config.discardMessagesAbove != 0 ? config.discardMessagesAbove : 4L * config.maxMessageSize;
    this.grace = config.shutdownTimeout;
    this.handshakeMillis = (int) config.handshakeTimeout.toMillis();
    this.sharedContext = context;
    this.ownsContext = context == null;
    this.service = config.service;
    this.socketType = config.socketType;
    this.maxInFlight = socketType == SocketType.REP ? 1 : config.maxInFlight;
    this.unknownPeer = newContext(null);
  }

  /** Completes with the endpoints once the socket is bound and connected, or with why it is not. */
  CompletableFuture<List<String>> ready() {
    return ready;
  }

  /** Completes when the loop has closed its socket (and its own context); never fails. */
  CompletableFuture<Void> stopped() {
    return stopped;
  }

  /**
   * Any thread: stop reading, finish the calls in flight within {@code grace}, then close. Only the
   * first call counts.
   */
  void requestClose(Duration grace) {
    if (closing) {
      return;
    }
    this.grace = grace;
    closing = true;
    Mailbox<Reply> box = mailbox;
    if (box != null) {
      box.wake();
    }
  }

  @Override
  public void run() {
    try {
      context = sharedContext == null ? new ZContext(1) : sharedContext;
      // Made on the context's raw side: a ZContext resets the linger of its own sockets on close,
      // and the linger is what lets the last replies leave.
      socket = context.getContext().socket(socketType);
      socket.setLinger(0);
      socket.setMaxMsgSize(discardMessagesAbove);
      List<String> endpoints = new ArrayList<>();
      for (String endpoint : binds) {
        if (!socket.bind(endpoint)) {
          throw new IllegalStateException("cannot bind " + endpoint + ": error " + socket.errno());
        }
        endpoints.add(socket.getLastEndpoint());
      }
      if (!connects.isEmpty()) {
        // JeroMQ now and then stalls an outgoing connection's handshake (zeromq/jeromq#1022): a
        // short handshake timeout makes it reconnect instead of idling for the default 30 s.
        socket.setHandshakeIvl(handshakeMillis);
      }
      for (String endpoint : connects) {
        if (!socket.connect(endpoint)) {
          throw new IllegalStateException(
              "cannot connect to " + endpoint + ": error " + socket.errno());
        }
        endpoints.add(endpoint);
      }
      poller = new SocketPoller();
      poller.add(socket, ZMQ.Poller.POLLIN);
      mailbox = new Mailbox<>(poller);
      ready.complete(List.copyOf(endpoints));
      serve();
    } catch (RuntimeException e) {
      if (!ready.completeExceptionally(e)) {
        LOG.error("ZeroMQ {} server on {} stopped by an unexpected failure", socketType, binds, e);
      }
    } finally {
      try {
        shutDown();
      } finally {
        stopped.complete(null);
      }
    }
  }

  private void serve() {
    Mailbox<Reply> box = mailbox();
    SocketPoller watching = Objects.requireNonNull(poller, "run() makes the poller first");
    long closeDeadline = 0;
    while (true) {
      // Work while there is work; poll (the costly part with JeroMQ) only when there is none.
      boolean moved;
      do {
        moved = box.take(this::write) > 0;
        if (!closing && inFlight < maxInFlight) {
          moved |= readSome() > 0;
        }
      } while (moved);
      if (closing) {
        if (closeDeadline == 0) {
          closeDeadline = System.nanoTime() + grace.toNanos();
        }
        if (inFlight == 0 || System.nanoTime() - closeDeadline >= 0) {
          return;
        }
      }
      if (!box.settle()) {
        continue;
      }
      boolean reading = !closing && inFlight < maxInFlight;
      watching.interest(0, reading ? ZMQ.Poller.POLLIN : 0);
      long timeout =
          closing
              ? Math.max(1, TimeUnit.NANOSECONDS.toMillis(closeDeadline - System.nanoTime()))
              : -1;
      watching.poll(timeout);
    }
  }

  /**
   * Reads and handles what is there, up to a batch, handing its blocking calls off together;
   * returns how many messages it read.
   */
  private int readSome() {
    int read = 0;
    // The blocking calls of what this reads go to the executor together.
    HandOffs.hold();
    try {
      while (read < READS_PER_WAKE_UP && inFlight < maxInFlight) {
        Frames request = Frames.receive(socket(), socketType);
        if (request == null) {
          break;
        }
        read++;
        handle(request);
      }
    } finally {
      HandOffs.release();
    }
    return read;
  }

  private void handle(Frames request) {
    if (request.payload().size() > 1) {
      LOG.warn(
          "Refused a message of {} frames from {}: a JSON-RPC message is one frame",
          request.payload().size(),
          peerName(request));
      send(
          new Reply(
              request,
              invalidRequest(
                  "a JSON-RPC message must be one ZeroMQ frame, got " + request.payload().size())));
      return;
    }
    long size = request.payloadSize();
    if (size > maxMessageSize) {
      LOG.warn(
          "Refused a message of {} bytes from {}: the limit is {} bytes",
          size,
          peerName(request),
          maxMessageSize);
      send(
          new Reply(
              request,
              invalidRequest(
                  "the message has " + size + " bytes, more than the limit of " + maxMessageSize)));
      return;
    }
    inFlight++;
    CompletableFuture<byte[]> reply;
    try {
      reply = service.handle(request.body(), contextFor(request.peerAddress()));
    } catch (RuntimeException e) {
      // The service promises not to throw; should it, this peer alone goes without an answer.
      LOG.error("The service failed on a message from {}", peerName(request), e);
      reply = CompletableFuture.completedFuture(null);
    }
    if (reply.isDone()) {
      write(new Reply(request, reply.getNow(null)));
      return;
    }
    reply.whenComplete(
        (body, failure) -> {
          if (failure != null) {
            LOG.error("The service failed on a message from {}", peerName(request), failure);
          }
          if (!mailbox().post(new Reply(request, failure == null ? body : null))) {
            LOG.debug("Reply to {} dropped: the server is closed", peerName(request));
          }
        });
  }

  /** Writes the reply of a call that was counted in flight. */
  private void write(Reply reply) {
    inFlight--;
    send(reply);
  }

  private void send(Reply reply) {
    byte @Nullable [] body = reply.body();
    if (body == null) {
      if (!reply.request().peerAlwaysWaits(socketType)) {
        return;
      }
      body = NO_REPLY; // a REQ peer cannot send again before it has an answer
    }
    if (!Frames.send(socket(), reply.request().envelope(), body)) {
      LOG.warn(
          "Reply to {} dropped: the peer is gone or its queue is full", peerName(reply.request()));
    }
  }

  private static byte[] invalidRequest(String detail) {
    return ("{\"jsonrpc\":\"2.0\",\"error\":{\"code\":"
            + ErrorCodes.INVALID_REQUEST
            + ",\"message\":\"Invalid Request: "
            + detail
            + "\"},\"id\":null}")
        .getBytes(StandardCharsets.UTF_8);
  }

  private TransportContext contextFor(@Nullable String peerAddress) {
    if (peerAddress == null) {
      return unknownPeer;
    }
    TransportContext known = contexts.get(peerAddress);
    if (known == null) {
      if (contexts.size() >= MAX_CACHED_CONTEXTS) {
        contexts.clear();
      }
      known = newContext(peerAddress);
      contexts.put(peerAddress, known);
    }
    return known;
  }

  private TransportContext newContext(@Nullable String peerAddress) {
    return TransportContext.builder(ZmqServer.TRANSPORT_NAME)
        .remoteAddress(peerAddress == null ? null : socketAddress(peerAddress))
        .attribute(ZmqServer.SOCKET_TYPE_ATTRIBUTE, socketType.name())
        .build();
  }

  /** ZeroMQ reports "host:port", with brackets around an IPv6 host. */
  private static @Nullable InetSocketAddress socketAddress(String peerAddress) {
    int colon = peerAddress.lastIndexOf(':');
    if (colon <= 0) {
      return null;
    }
    String host = peerAddress.substring(0, colon).replace("[", "").replace("]", "");
    try {
      int port = Integer.parseInt(peerAddress.substring(colon + 1));
      return new InetSocketAddress(InetAddress.getByName(host), port);
    } catch (UnknownHostException | IllegalArgumentException e) {
      return null;
    }
  }

  private String peerName(Frames request) {
    return request.peerAddress() != null ? request.peerAddress() : "a peer";
  }

  // Used only once run() made them: by serve() and the calls it reads, whose replies come later.
  private ZMQ.Socket socket() {
    return Objects.requireNonNull(socket, "the server socket is used before run() made it");
  }

  private Mailbox<Reply> mailbox() {
    return Objects.requireNonNull(mailbox, "the mailbox is used before run() made it");
  }

  private void shutDown() {
    if (inFlight > 0) {
      LOG.warn("ZeroMQ server closed with {} calls unanswered", inFlight);
    }
    try {
      if (mailbox != null) {
        mailbox.close(
            late ->
                LOG.debug("Reply to {} dropped: the server is closed", peerName(late.request())));
      }
      if (poller != null) {
        poller.close();
      }
      if (socket != null) {
        // Long enough for the replies just written to leave; a gone peer does not hold up close.
        socket.setLinger((int) Math.min(1000, grace.toMillis()));
        socket.close();
      }
    } finally {
      if (ownsContext && context != null) {
        context.close();
      }
    }
  }
}
