package io.jsonrpc2.zeromq;

import io.jsonrpc2.client.ClientTransport;
import io.jsonrpc2.client.OutboundMessage;
import io.jsonrpc2.client.TransportException;
import io.jsonrpc2.client.TransportReply;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import org.jspecify.annotations.Nullable;
import org.zeromq.SocketType;
import org.zeromq.ZContext;

/**
 * A {@link ClientTransport} over a ZeroMQ socket connected to one endpoint: one JSON-RPC message
 * per ZeroMQ message.
 *
 * <pre>{@code
 * JsonRpcClient client = JsonRpcClient.builder()
 *     .transport(ZmqClientTransport.builder("tcp://127.0.0.1:5555").build())
 *     .build();
 * }</pre>
 *
 * <p><b>Socket types.</b>
 *
 * <ul>
 *   <li>{@code REQ} (the default, as in jsonrpcclient's {@code ZMQServer}) is a request-response
 *       transport: one message at a time, each {@link #send} completing with its reply (empty for a
 *       notification, which a REP server answers with an empty message). Concurrent callers queue
 *       up in order. An exchange whose reply does not come is given up when the client stops
 *       waiting (its call timed out), after {@link Builder#replyTimeout}, or when the connection
 *       drops; the REQ socket, stuck at that point, is then closed with linger 0 and replaced by a
 *       freshly connected one, so the next call goes through.
 *   <li>{@code DEALER} is a connection transport: many calls in flight, replies delivered to the
 *       client's receiver as they come, in any order. Each message carries the empty delimiter
 *       frame a REQ socket would add, so REP servers, ROUTER servers and brokers all route the
 *       replies back.
 * </ul>
 *
 * <p><b>Connection loss.</b> ZeroMQ reconnects by itself and hides disconnects; this transport
 * watches the socket and fails the calls that were waiting on a dropped connection with a {@link
 * io.jsonrpc2.client.ConnectionLostException} instead of letting them run into their timeout. Later
 * calls use the new connection.
 *
 * <p><b>Threading.</b> Thread-safe. The socket belongs to one I/O thread, made by {@link #start};
 * callers hand their messages to it through a queue and a selector wake-up. Replies (REQ) and
 * inbound messages (DEALER) are completed on that thread, so work chained to them without an
 * executor runs there and must not block.
 */
public final class ZmqClientTransport implements ClientTransport {
  private static final AtomicInteger THREAD_NUMBERS = new AtomicInteger();

  /** The builder's values, fixed when the transport is built. */
  record Settings(
      String endpoint,
      SocketType socketType,
      Duration replyTimeout,
      long maxMessageSize,
      Duration handshakeTimeout,
      Duration closeTimeout,
      @Nullable ZContext context,
      @Nullable String threadName) {}

  private final Settings settings;
  private @Nullable ClientLoop loop; // guarded by this; set by start()
  private @Nullable Thread thread; // guarded by this; set by start(), with loop
  private volatile boolean closed;

  private ZmqClientTransport(Settings settings) {
    this.settings = settings;
  }

  /** A builder for a transport to {@code endpoint}, such as {@code tcp://127.0.0.1:5555}. */
  public static Builder builder(String endpoint) {
    return new Builder(endpoint);
  }

  public SocketType socketType() {
    return settings.socketType();
  }

  /**
   * Starts the I/O thread and connects the socket.
   *
   * @throws IllegalArgumentException when the endpoint cannot be connected to (malformed, or an
   *     unknown transport)
   * @throws IllegalStateException when started twice or after {@link #close()}
   */
  @Override
  public synchronized void start(Receiver receiver) {
    Objects.requireNonNull(receiver, "receiver");
    if (loop != null || closed) {
      throw new IllegalStateException(
          "the transport to " + settings.endpoint() + " was already started");
    }
    ClientLoop fresh =
        settings.socketType() == SocketType.REQ
            ? new ReqLoop(settings, receiver)
            : new DealerLoop(settings, receiver);
    String name =
        settings.threadName() != null
            ? settings.threadName()
            : "jsonrpc2-zmq-client-" + THREAD_NUMBERS.incrementAndGet();
    Thread io = new Thread(fresh, name);
    io.setDaemon(true);
    io.start();
    try {
      fresh.ready().get(30, TimeUnit.SECONDS);
    } catch (ExecutionException e) {
      // A future that failed always has a cause: completeExceptionally refuses null.
      Throwable cause = Objects.requireNonNull(e.getCause(), "a failed start has a cause");
      throw cause instanceof IllegalArgumentException iae
          ? iae
          : new IllegalStateException(
              "the ZeroMQ client did not start: " + cause.getMessage(), cause);
    } catch (TimeoutException e) {
      throw new IllegalStateException("the ZeroMQ client did not start within 30 s", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while the ZeroMQ client started", e);
    }
    loop = fresh;
    thread = io;
  }

  /**
   * Queues the message for the socket. REQ: completes with the reply. DEALER: completes with null
   * once the socket took the message. Fails with a {@link TransportException} when the transport is
   * closed or the reply cannot come; cancelling the future gives up the exchange.
   */
  @Override
  public CompletableFuture<TransportReply> send(OutboundMessage message) {
    ClientLoop current;
    synchronized (this) {
      current = loop;
    }
    if (current == null) {
      throw new IllegalStateException(
          "the transport to " + settings.endpoint() + " is not started");
    }
    CompletableFuture<TransportReply> reply = new CompletableFuture<>();
    if (closed || !current.post(new ClientLoop.Outgoing(message, reply))) {
      reply.completeExceptionally(
          new TransportException("the transport to " + settings.endpoint() + " is closed"));
    }
    return reply;
  }

  /** True for REQ, false for DEALER. */
  @Override
  public boolean isRequestResponse() {
    return settings.socketType() == SocketType.REQ;
  }

  @Override
  public String endpoint() {
    return settings.endpoint();
  }

  /**
   * Sends what was already handed over if it can within the close timeout (notifications, DEALER
   * writes), fails the rest, closes the socket and ends the I/O thread.
   */
  @Override
  public void close() {
    ClientLoop current;
    Thread io;
    synchronized (this) {
      closed = true;
      current = loop;
      io = thread;
    }
    if (current == null || io == null) {
      return; // never started (start() sets both or neither)
    }
    current.requestClose();
    if (Thread.currentThread() != io) {
      try {
        io.join(settings.closeTimeout().toMillis() + 10_000);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }

  /** Configures a {@link ZmqClientTransport}. Not thread-safe. */
  public static final class Builder {
    private final String endpoint;
    private SocketType socketType = SocketType.REQ;
    private Duration replyTimeout = Duration.ofSeconds(30);
    private long maxMessageSize = -1;
    private Duration handshakeTimeout = Duration.ofSeconds(1);
    // Long enough for one stalled handshake (see handshakeTimeout) to be retried on the way out.
    private Duration closeTimeout = Duration.ofSeconds(3);
    private @Nullable ZContext context;
    private @Nullable String threadName;

    private Builder(String endpoint) {
      this.endpoint = Objects.requireNonNull(endpoint, "endpoint");
    }

    /** REQ (the default) or DEALER. */
    public Builder socketType(SocketType type) {
      if (type != SocketType.REQ && type != SocketType.DEALER) {
        throw new IllegalArgumentException("a client socket is REQ or DEALER, not " + type);
      }
      this.socketType = type;
      return this;
    }

    /**
     * REQ: the longest one exchange waits for its reply (30 s, the client's default call timeout),
     * even when its caller would wait longer; it bounds notifications, which no caller waits for. A
     * call's own shorter timeout ends the exchange sooner. Raise it together with the client's
     * timeout.
     *
     * <p>It counts from the moment the message is handed to the socket, so it includes the time a
     * new connection (the first one, or the one after the socket was replaced) takes to come up, a
     * stalled handshake's retry included (see {@link #handshakeTimeout}): keep it well above the
     * handshake timeout.
     */
    public Builder replyTimeout(Duration timeout) {
      if (timeout.isZero() || timeout.isNegative()) {
        throw new IllegalArgumentException("replyTimeout must be positive, got " + timeout);
      }
      this.replyTimeout = timeout;
      return this;
    }

    /**
     * Replies larger than this many bytes are refused by ZeroMQ, which drops the connection (the
     * calls waiting on it fail); -1, the default, for no limit.
     */
    public Builder maxMessageSize(long bytes) {
      if (bytes < 1 && bytes != -1) {
        throw new IllegalArgumentException("maxMessageSize must be positive or -1, got " + bytes);
      }
      this.maxMessageSize = bytes;
      return this;
    }

    /**
     * How long a new connection may take to complete its ZeroMQ handshake before it is dropped and
     * made again (1 s). Kept short because JeroMQ 0.6.0 now and then stalls a fresh connection's
     * handshake (zeromq/jeromq#1022); messages wait for the new connection, none is lost.
     */
    public Builder handshakeTimeout(Duration timeout) {
      this.handshakeTimeout = HandshakeTimeout.checked(timeout);
      return this;
    }

    /**
     * How long {@link ZmqClientTransport#close()} waits for messages already sent to leave (3 s): a
     * notification sent just before close still goes out, even on a new connection whose handshake
     * JeroMQ leaves stalled once (it is retried after {@code handshakeTimeout}). Calls waiting for
     * replies are not waited for. Close returns as soon as everything has left.
     */
    public Builder closeTimeout(Duration timeout) {
      if (timeout.isNegative()) {
        throw new IllegalArgumentException("closeTimeout must not be negative, got " + timeout);
      }
      this.closeTimeout = timeout;
      return this;
    }

    /** A context shared with other sockets; the transport closes only its own sockets in it. */
    public Builder context(ZContext context) {
      this.context = Objects.requireNonNull(context, "context");
      return this;
    }

    /** The name of the I/O thread. */
    public Builder threadName(String name) {
      this.threadName = Objects.requireNonNull(name, "name");
      return this;
    }

    /** The transport, not yet connected: the client starts it. */
    public ZmqClientTransport build() {
      return new ZmqClientTransport(
          new Settings(
              endpoint,
              socketType,
              replyTimeout,
              maxMessageSize,
              handshakeTimeout,
              closeTimeout,
              context,
              threadName));
    }
  }
}
