package io.jsonrpc2.zeromq;

import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.zeromq.SocketType;
import org.zeromq.ZContext;
import org.zeromq.ZMQ;

/**
 * The ZeroMQ broker pattern: one endpoint for clients (a ROUTER frontend) that spreads their calls
 * over any number of workers (a DEALER backend they connect to), in other threads, processes or
 * machines.
 *
 * <pre>{@code
 * ZmqBroker broker = ZmqBroker.builder()
 *     .frontend("tcp://*:5555")      // clients connect here
 *     .backend("tcp://*:5556")       // workers connect here
 *     .start();
 * ZmqServer worker = ZmqServer.builder(service).connect("tcp://broker-host:5556").start();
 * }</pre>
 *
 * <p>The broker knows nothing of JSON-RPC: {@code ZMQ.proxy} moves whole messages and their routing
 * envelopes both ways on one thread of its own, and the backend hands each request to the next
 * worker in turn. Workers are {@link ZmqServer}s that <em>connect</em> a REP socket (one call at a
 * time per worker) or a DEALER or ROUTER socket (many at a time). Clients use REQ or DEALER as they
 * would with a server. A request that reaches a worker that then dies is lost; the client's timeout
 * ends that call.
 *
 * <p>Thread-safe; {@link #close()} stops the proxy and closes its sockets.
 */
public final class ZmqBroker implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(ZmqBroker.class);
  private static final AtomicInteger THREAD_NUMBERS = new AtomicInteger();
  private static final AtomicLong CONTROL_NAMES = new AtomicLong();

  private final String frontendEndpoint;
  private final String backendEndpoint;
  private final ZMQ.Socket control; // guarded by this
  private final Thread thread;
  private boolean closed; // guarded by this

  private ZmqBroker(
      String frontendEndpoint, String backendEndpoint, ZMQ.Socket control, Thread thread) {
    this.frontendEndpoint = frontendEndpoint;
    this.backendEndpoint = backendEndpoint;
    this.control = control;
    this.thread = thread;
  }

  public static Builder builder() {
    return new Builder();
  }

  /** Where clients connect, with the port ZeroMQ picked when 0 or {@code *} was asked for. */
  public String frontendEndpoint() {
    return frontendEndpoint;
  }

  /** Where workers connect, with the port ZeroMQ picked when 0 or {@code *} was asked for. */
  public String backendEndpoint() {
    return backendEndpoint;
  }

  /** Stops forwarding and closes both sockets; messages on their way are dropped. Idempotent. */
  @Override
  public void close() {
    synchronized (this) {
      if (!closed) {
        closed = true;
        control.send(ZMQ.PROXY_TERMINATE, 0);
        control.close();
      }
    }
    try {
      thread.join(10_000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** Configures and starts a {@link ZmqBroker}. Not thread-safe. */
  public static final class Builder {
    private @Nullable String frontend;
    private @Nullable String backend;
    private @Nullable ZContext context;

    private Builder() {}

    /** The endpoint the ROUTER frontend binds, for clients. Required. */
    public Builder frontend(String endpoint) {
      this.frontend = Objects.requireNonNull(endpoint, "endpoint");
      return this;
    }

    /** The endpoint the DEALER backend binds, for workers. Required. */
    public Builder backend(String endpoint) {
      this.backend = Objects.requireNonNull(endpoint, "endpoint");
      return this;
    }

    /** A context shared with other sockets; the broker closes only its own sockets in it. */
    public Builder context(ZContext context) {
      this.context = Objects.requireNonNull(context, "context");
      return this;
    }

    /**
     * Binds both sockets and starts forwarding.
     *
     * @throws IllegalStateException when an endpoint is missing or cannot be bound
     */
    public ZmqBroker start() {
      if (frontend == null || backend == null) {
        throw new IllegalStateException("a broker needs a frontend and a backend endpoint");
      }
      boolean ownsContext = context == null;
      ZContext ctx = context == null ? new ZContext(1) : context;
      String controlAddress =
          "inproc://jsonrpc2-zmq-broker-control-" + CONTROL_NAMES.incrementAndGet();
      CompletableFuture<List<String>> ready = new CompletableFuture<>();
      String front = frontend;
      String back = backend;
      Thread thread =
          new Thread(
              () -> run(ctx, ownsContext, front, back, controlAddress, ready),
              "jsonrpc2-zmq-broker-" + THREAD_NUMBERS.incrementAndGet());
      thread.start();
      List<String> endpoints;
      try {
        endpoints = ready.get(30, TimeUnit.SECONDS);
      } catch (ExecutionException e) {
        // A future that failed always has a cause: completeExceptionally refuses null.
        Throwable cause = Objects.requireNonNull(e.getCause(), "a failed start has a cause");
        throw new IllegalStateException("the broker did not start: " + cause.getMessage(), cause);
      } catch (TimeoutException | InterruptedException e) {
        if (e instanceof InterruptedException) {
          Thread.currentThread().interrupt();
        }
        throw new IllegalStateException("the broker did not start", e);
      }
      ZMQ.Socket control = ctx.getContext().socket(SocketType.PAIR);
      control.setLinger(1000);
      control.connect(controlAddress);
      return new ZmqBroker(endpoints.get(0), endpoints.get(1), control, thread);
    }

    private static void run(
        ZContext ctx,
        boolean ownsContext,
        String front,
        String back,
        String controlAddress,
        CompletableFuture<List<String>> ready) {
      ZMQ.Socket frontend = null;
      ZMQ.Socket backend = null;
      ZMQ.Socket control = null;
      try {
        frontend = ctx.getContext().socket(SocketType.ROUTER);
        backend = ctx.getContext().socket(SocketType.DEALER);
        control = ctx.getContext().socket(SocketType.PAIR);
        for (ZMQ.Socket socket : List.of(frontend, backend, control)) {
          socket.setLinger(0);
        }
        control.bind(controlAddress);
        bind(frontend, front);
        bind(backend, back);
        ready.complete(List.of(frontend.getLastEndpoint(), backend.getLastEndpoint()));
        ZMQ.proxy(frontend, backend, null, control);
      } catch (RuntimeException e) {
        if (!ready.completeExceptionally(e)) {
          LOG.error("The ZeroMQ broker stopped by an unexpected failure", e);
        }
      } finally {
        for (ZMQ.Socket socket : new ZMQ.Socket[] {frontend, backend, control}) {
          if (socket != null) {
            socket.close();
          }
        }
        if (ownsContext) {
          ctx.close();
        }
      }
    }

    private static void bind(ZMQ.Socket socket, String endpoint) {
      if (!socket.bind(endpoint)) {
        throw new IllegalStateException("cannot bind " + endpoint + ": error " + socket.errno());
      }
    }
  }
}
