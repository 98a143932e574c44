package io.jsonrpc2.zeromq;

import io.jsonrpc2.JsonRpcService;
import io.jsonrpc2.server.JsonRpcServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
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
 * Serves a {@link JsonRpcService} on a ZeroMQ socket: one JSON-RPC message per ZeroMQ message.
 *
 * <pre>{@code
 * ZmqServer server = ZmqServer.builder(service)
 *     .socketType(SocketType.ROUTER)
 *     .bind("tcp://127.0.0.1:5555")
 *     .start();
 * }</pre>
 *
 * <p><b>Socket types.</b>
 *
 * <ul>
 *   <li>{@code REP} (the default) answers one message at a time, strictly in turn, as REP sockets
 *       must. Every message gets an answer, since a REQ peer cannot send again until it has one: a
 *       notification, or a batch of notifications only, is answered with an empty message.
 *   <li>{@code ROUTER} runs up to {@link Builder#maxInFlight} calls at once and sends each reply
 *       back to its sender by routing id, in whatever order they finish. Peers that talk like REQ
 *       (their messages carry an empty delimiter frame) get the empty answer too; plain DEALER
 *       peers get nothing where JSON-RPC says nothing is due.
 *   <li>{@code DEALER} is for a worker behind a broker ({@link ZmqBroker}); it is concurrent like
 *       ROUTER and sends back the envelope the broker added.
 * </ul>
 *
 * The socket either binds (a server others connect to; {@code tcp://HOST:0} or {@code tcp://HOST:*}
 * picks a free port, see {@link #endpoints()}) or connects (a worker that joins a broker's
 * backend); both may be given.
 *
 * <p><b>Threading.</b> ZeroMQ sockets are not thread-safe, so one I/O thread owns the socket: it
 * reads messages, hands them to the service (parsing happens on it; blocking methods move to the
 * service's executor) and writes every reply. A reply that is ready at once (a {@link
 * io.jsonrpc2.NonBlocking} method, an error) is written straight away; one completed on another
 * thread is queued, and the I/O thread, which waits on a selector watching the socket, is woken
 * with {@code Selector.wakeup()}. So no socket is ever used by two threads, and methods may
 * complete on any thread they like. The I/O thread waits only when it has nothing left to do, and
 * is woken only when it waits: under load a reply costs no extra system call.
 *
 * <p><b>Bad input.</b> Invalid UTF-8 or text that is not JSON gets the core's -32700 Parse error. A
 * message over {@link Builder#maxMessageSize} or made of several frames gets a -32600 Invalid
 * Request error naming the problem, and a WARN log line. A single frame over {@link
 * Builder#discardMessagesAbove} is not even read: ZeroMQ drops that peer's connection (its calls go
 * unanswered; the peer reconnects). The server goes on serving in every case.
 *
 * <p><b>Closing.</b> The lifecycle is {@link JsonRpcServer}'s: {@link #shutdown} stops reading,
 * gives the calls in flight up to its grace and writes their replies, then closes the socket;
 * {@link #close()} does so with {@link Builder#shutdownTimeout} and waits. Messages that arrived
 * but were not read yet get no answer. Thread-safe and idempotent.
 */
public final class ZmqServer implements JsonRpcServer {
  /** The {@code transport} name in the {@link io.jsonrpc2.server.TransportContext} methods see. */
  public static final String TRANSPORT_NAME = "zeromq";

  /** Context attribute with the server's socket type ({@code "REP"}, {@code "ROUTER"}, ...). */
  public static final String SOCKET_TYPE_ATTRIBUTE = "zmq.socketType";

  private static final AtomicInteger THREAD_NUMBERS = new AtomicInteger();

  private final SocketType socketType;
  private final int bindCount;
  private final ServerLoop loop;
  private final String threadName;
  private final Duration shutdownTimeout;
  // Null until start() sets them (stopped: or shutdown(), when never started).
  private volatile @Nullable List<String> endpoints;
  private @Nullable Thread thread;
  private @Nullable CompletableFuture<Void> stopped;

  private ZmqServer(Builder builder) {
    this.socketType = builder.socketType;
    this.bindCount = builder.binds.size();
    this.loop = new ServerLoop(builder, builder.context);
    this.shutdownTimeout = builder.shutdownTimeout;
    this.threadName =
        builder.threadName != null
            ? builder.threadName
            : "jsonrpc2-zmq-"
                + socketType.name().toLowerCase(Locale.ROOT)
                + "-"
                + THREAD_NUMBERS.incrementAndGet();
  }

  public static Builder builder(JsonRpcService service) {
    return new Builder(service);
  }

  /**
   * Makes the socket, binds and connects it, and starts serving.
   *
   * @throws UncheckedIOException when the socket cannot bind or connect (the message says why)
   * @throws IllegalStateException when started twice or after {@link #shutdown}
   */
  @Override
  public synchronized ZmqServer start() {
    if (thread != null || stopped != null) {
      throw new IllegalStateException("the server was started already");
    }
    thread = new Thread(loop, threadName);
    thread.start();
    try {
      endpoints = loop.ready().get(30, TimeUnit.SECONDS);
      return this;
    } catch (ExecutionException e) {
      stopped = loop.stopped();
      // A future that failed always has a cause: completeExceptionally refuses null.
      Throwable cause = Objects.requireNonNull(e.getCause(), "a failed start has a cause");
      throw new UncheckedIOException(
          "the ZeroMQ server did not start: " + cause.getMessage(), new IOException(cause));
    } catch (TimeoutException e) {
      shutdown(Duration.ZERO);
      throw new UncheckedIOException(
          new IOException("the ZeroMQ server did not start within 30 s", e));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      shutdown(Duration.ZERO);
      throw new IllegalStateException("interrupted while the ZeroMQ server started", e);
    }
  }

  /**
   * The endpoints the socket is bound to, as ZeroMQ resolved them (a real port in place of 0 or
   * {@code *}), followed by the endpoints it connected to.
   *
   * @throws IllegalStateException when the server is not started
   */
  public List<String> endpoints() {
    List<String> known = endpoints;
    if (known == null) {
      throw new IllegalStateException("the server is not started");
    }
    return known;
  }

  /**
   * The first of {@link #endpoints()}: where clients connect when the server binds one endpoint.
   */
  public String endpoint() {
    return endpoints().get(0);
  }

  /**
   * The address of the first {@code tcp://} endpoint bound.
   *
   * @throws IllegalStateException when the server is not started or binds no {@code tcp} endpoint
   *     (use {@link #endpoints()} for {@code inproc} and {@code ipc})
   */
  @Override
  public InetSocketAddress address() {
    for (String endpoint : endpoints().subList(0, bindCount)) {
      if (endpoint.startsWith("tcp://")) {
        String hostPort = endpoint.substring("tcp://".length());
        int colon = hostPort.lastIndexOf(':');
        String host = hostPort.substring(0, colon).replace("[", "").replace("]", "");
        return new InetSocketAddress(host, Integer.parseInt(hostPort.substring(colon + 1)));
      }
    }
    throw new IllegalStateException("the server binds no tcp endpoint: " + endpoints());
  }

  @Override
  public int port() {
    return address().getPort();
  }

  public SocketType socketType() {
    return socketType;
  }

  /**
   * Stops reading messages, lets the calls in flight answer (their replies are written) for up to
   * {@code grace}, then closes the socket. Messages that arrived but were not read yet get no
   * answer; calls still running after the grace get none either.
   *
   * @return completes when the socket is closed; never fails; the same future on every call
   */
  @Override
  public synchronized CompletableFuture<Void> shutdown(Duration grace) {
    Objects.requireNonNull(grace, "grace");
    if (stopped == null) {
      if (thread == null) {
        stopped = CompletableFuture.completedFuture(null);
      } else {
        loop.requestClose(grace);
        stopped = loop.stopped();
      }
    }
    return stopped;
  }

  /** {@link #shutdown} with the builder's {@link Builder#shutdownTimeout}, waiting for it. */
  @Override
  public void close() {
    CompletableFuture<Void> done = shutdown(shutdownTimeout);
    if (Thread.currentThread() != thread) {
      done.join();
    }
  }

  /** Configures and starts a {@link ZmqServer}. Not thread-safe. */
  public static final class Builder {
    final JsonRpcService service;
    SocketType socketType = SocketType.REP;
    final List<String> binds = new ArrayList<>();
    final List<String> connects = new ArrayList<>();
    int maxMessageSize = 4 * 1024 * 1024;
    long discardMessagesAbove;
    int maxInFlight = 1024;
    Duration shutdownTimeout = Duration.ofSeconds(5);
    Duration handshakeTimeout = Duration.ofSeconds(1);
    @Nullable ZContext context;
    @Nullable String threadName;

    private Builder(JsonRpcService service) {
      this.service = Objects.requireNonNull(service, "service");
    }

    /** REP (the default), ROUTER, or DEALER for a worker behind a broker. */
    public Builder socketType(SocketType type) {
      if (type != SocketType.REP && type != SocketType.ROUTER && type != SocketType.DEALER) {
        throw new IllegalArgumentException("a server socket is REP, ROUTER or DEALER, not " + type);
      }
      this.socketType = type;
      return this;
    }

    /** Binds to {@code endpoint}, such as {@code tcp://127.0.0.1:5555}; may be repeated. */
    public Builder bind(String endpoint) {
      binds.add(Objects.requireNonNull(endpoint, "endpoint"));
      return this;
    }

    /** Connects to {@code endpoint}, such as a broker's backend; may be repeated. */
    public Builder connect(String endpoint) {
      connects.add(Objects.requireNonNull(endpoint, "endpoint"));
      return this;
    }

    /** The largest message handed to the service (4 MiB by default); larger ones get an error. */
    public Builder maxMessageSize(int bytes) {
      if (bytes < 1) {
        throw new IllegalArgumentException("maxMessageSize must be positive, got " + bytes);
      }
      this.maxMessageSize = bytes;
      return this;
    }

    /**
     * Frames larger than this are refused by ZeroMQ before they are read, by dropping the peer's
     * connection, so that no peer can make the server hold arbitrary amounts of memory. Default: 4
     * times {@link #maxMessageSize}; -1 for no limit.
     */
    public Builder discardMessagesAbove(long bytes) {
      if (bytes < 1 && bytes != -1) {
        throw new IllegalArgumentException(
            "discardMessagesAbove must be positive or -1, got " + bytes);
      }
      this.discardMessagesAbove = bytes;
      return this;
    }

    /** ROUTER and DEALER: how many calls may run at once before reading pauses (1024). */
    public Builder maxInFlight(int calls) {
      if (calls < 1) {
        throw new IllegalArgumentException("maxInFlight must be positive, got " + calls);
      }
      this.maxInFlight = calls;
      return this;
    }

    /** The grace {@link ZmqServer#close()} gives the calls in flight (5 s). */
    public Builder shutdownTimeout(Duration timeout) {
      if (timeout.isNegative()) {
        throw new IllegalArgumentException("shutdownTimeout must not be negative, got " + timeout);
      }
      this.shutdownTimeout = timeout;
      return this;
    }

    /**
     * For a socket that connects (a worker): how long a new connection may take to complete its
     * ZeroMQ handshake before it is dropped and made again (1 s). Kept short because JeroMQ 0.6.0
     * now and then stalls a fresh outgoing connection's handshake (zeromq/jeromq#1022).
     */
    public Builder handshakeTimeout(Duration timeout) {
      this.handshakeTimeout = HandshakeTimeout.checked(timeout);
      return this;
    }

    /**
     * A context to make the socket in, shared with other sockets (and needed for {@code inproc}
     * endpoints). The server closes only its own sockets in it. By default the server has its own.
     */
    public Builder context(ZContext context) {
      this.context = Objects.requireNonNull(context, "context");
      return this;
    }

    /** The name of the I/O thread. */
    public Builder threadName(String name) {
      this.threadName = Objects.requireNonNull(name, "name");
      return this;
    }

    /**
     * Builds the server, not started yet: call {@link ZmqServer#start()}.
     *
     * @throws IllegalStateException when no endpoint was given
     */
    public ZmqServer build() {
      if (binds.isEmpty() && connects.isEmpty()) {
        throw new IllegalStateException("a server needs an endpoint to bind or connect");
      }
      return new ZmqServer(this);
    }

    /**
     * {@code build().start()}.
     *
     * @throws IllegalStateException when no endpoint was given
     * @throws UncheckedIOException when the socket cannot bind or connect
     */
    public ZmqServer start() {
      return build().start();
    }
  }
}
