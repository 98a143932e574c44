package io.jsonrpc2.netty.netstring;

import io.jsonrpc2.JsonRpcService;
import io.jsonrpc2.netty.NettyTransport;
import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.handler.ssl.ClientAuth;
import io.netty.handler.ssl.SslContext;
import io.netty.util.concurrent.DefaultThreadFactory;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Serves a {@link JsonRpcService} over TCP (optionally TLS), one JSON-RPC message per netstring,
 * wire-compatible with txjason's {@code JSONRPCServerFactory}.
 *
 * <pre>{@code
 * NetstringServer server = NetstringServer.builder(service).port(7080).start();
 * server.service().stopServing(CustomError.class);   // as txjason's factory.service
 * server.close();                                     // graceful: in-flight calls finish first
 * }</pre>
 *
 * <p>Requests of one connection run concurrently and each reply is written as soon as it is ready.
 * A framing error (a length that is not digits, a frame over the limit, a missing comma) closes
 * only the connection it came on, with a WARN line. Thread-safe.
 */
public final class NetstringServer implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(NetstringServer.class);

  private final JsonRpcService service;
  private final EventLoopGroup acceptor;
  private final EventLoopGroup workers;
  private final Channel listener;
  private final ConnectionTracker connections;
  private final Duration shutdownTimeout;
  private CompletableFuture<Boolean> shutdownResult;

  private NetstringServer(Builder builder) {
    this.service = builder.service;
    this.shutdownTimeout = builder.shutdownTimeout;
    this.connections = new ConnectionTracker();
    NetstringChannelInitializer initializer =
        builder.initializer(connections); // may reject TLS files
    NettyTransport transport =
        builder.transport != null ? builder.transport : NettyTransport.best();
    this.acceptor =
        transport.newEventLoopGroup(1, new DefaultThreadFactory("jsonrpc2-netstring-accept"));
    this.workers =
        transport.newEventLoopGroup(
            builder.workerThreads, new DefaultThreadFactory("jsonrpc2-netstring"));
    ServerBootstrap bootstrap =
        new ServerBootstrap()
            .group(acceptor, workers)
            .channel(transport.serverChannelType())
            .option(ChannelOption.SO_BACKLOG, builder.backlog)
            .childOption(ChannelOption.TCP_NODELAY, true)
            .childHandler(initializer);
    try {
      this.listener = bootstrap.bind(builder.host, builder.port).sync().channel();
    } catch (Exception e) {
      acceptor.shutdownGracefully(0, 1, TimeUnit.SECONDS);
      workers.shutdownGracefully(0, 1, TimeUnit.SECONDS);
      if (e instanceof InterruptedException) {
        Thread.currentThread().interrupt();
      }
      IOException cause = e instanceof IOException io ? io : new IOException(e.toString(), e);
      throw new UncheckedIOException(
          "cannot listen for netstrings on "
              + builder.host
              + ":"
              + builder.port
              + ": "
              + e.getMessage(),
          cause);
    }
    LOG.info(
        "Serving JSON-RPC over netstrings{} on {} ({})",
        builder.tlsNote(),
        listener.localAddress(),
        transport.label());
  }

  /** Starts configuring a server for {@code service}. */
  public static Builder builder(JsonRpcService service) {
    return new Builder(service);
  }

  /**
   * The service this server hands messages to, for {@code stopServing}, {@code cancelPending} etc.
   */
  public JsonRpcService service() {
    return service;
  }

  /** The address the server listens on, with the actual port when 0 was asked for. */
  public InetSocketAddress localAddress() {
    return (InetSocketAddress) listener.localAddress();
  }

  /** The port the server listens on. */
  public int port() {
    return localAddress().getPort();
  }

  /** The number of connections open now. */
  public int connectionCount() {
    return connections.size();
  }

  /** Graceful shutdown bounded by the builder's {@code shutdownTimeout} (10 s by default). */
  @Override
  public void close() {
    shutdown(shutdownTimeout);
  }

  /**
   * Stops accepting connections, lets every open connection finish its calls in flight (new
   * requests on them are still served meanwhile), closes each connection once it has none, and
   * after {@code timeout} closes the rest. Returns when the server's threads are stopped. A second
   * call does nothing. Blocks: never call it from a method running on the server's I/O threads.
   *
   * @return true if every connection closed without calls in flight, false if the timeout cut some
   *     off (their callers see the connection drop)
   */
  public boolean shutdown(Duration timeout) {
    return shutdownAsync(timeout).join();
  }

  /**
   * Like {@link #shutdown(Duration)}, but returns as soon as the server no longer accepts
   * connections; the future completes when the rest is done, with the same meaning. Not from the
   * server's I/O threads either.
   */
  public CompletableFuture<Boolean> shutdownAsync(Duration timeout) {
    Objects.requireNonNull(timeout, "timeout");
    synchronized (this) {
      if (shutdownResult != null) {
        return shutdownResult;
      }
      shutdownResult = new CompletableFuture<>();
    }
    listener.close().syncUninterruptibly();
    CompletableFuture<Void> drained = connections.closeAllWhenIdle();
    CompletableFuture<Boolean> result = shutdownResult;
    Thread finisher =
        new Thread(() -> result.complete(finish(drained, timeout)), "jsonrpc2-netstring-shutdown");
    finisher.setDaemon(true);
    finisher.start();
    return result;
  }

  private boolean finish(CompletableFuture<Void> drained, Duration timeout) {
    boolean clean = true;
    try {
      drained.get(timeout.toNanos(), TimeUnit.NANOSECONDS);
    } catch (TimeoutException e) {
      clean = false;
      LOG.warn(
          "{} netstring connections still had calls in flight after {}; closing them",
          connections.size(),
          timeout);
    } catch (InterruptedException | ExecutionException e) {
      clean = false;
    }
    connections.closeAllNow();
    acceptor.shutdownGracefully(0, 2, TimeUnit.SECONDS).syncUninterruptibly();
    workers.shutdownGracefully(0, 2, TimeUnit.SECONDS).syncUninterruptibly();
    LOG.info("Stopped serving netstrings on {}", listener.localAddress());
    return clean;
  }

  /**
   * Configures a {@link NetstringServer} or a {@link NetstringChannelInitializer}. Not thread-safe.
   */
  public static final class Builder {
    /** 8 MiB: the default largest frame. */
    public static final int DEFAULT_MAX_FRAME_LENGTH = 8 * 1024 * 1024;

    private final JsonRpcService service;
    private String host = "0.0.0.0";
    private int port;
    private SslContext sslContext;
    private File certificateChain;
    private File privateKey;
    private String keyPassword;
    private File trustedClientCertificates;
    private ClientAuth clientAuth = ClientAuth.NONE;
    private int maxFrameLength = DEFAULT_MAX_FRAME_LENGTH;
    private int maxInFlightPerConnection = 1024;
    private Duration idleTimeout;
    private Duration shutdownTimeout = Duration.ofSeconds(10);
    private int workerThreads;
    private int backlog = 1024;
    private NettyTransport transport;

    private Builder(JsonRpcService service) {
      this.service = Objects.requireNonNull(service, "service");
    }

    /** The address to listen on: a host name or IP; all interfaces ("0.0.0.0") by default. */
    public Builder host(String host) {
      this.host = Objects.requireNonNull(host, "host");
      return this;
    }

    /**
     * The port to listen on; 0 (the default) picks a free one, see {@link NetstringServer#port()}.
     */
    public Builder port(int port) {
      if (port < 0 || port > 65535) {
        throw new IllegalArgumentException("port must be in 0..65535, got " + port);
      }
      this.port = port;
      return this;
    }

    /** Serves TLS with this context (made with Netty's {@code SslContextBuilder.forServer}). */
    public Builder tls(SslContext serverContext) {
      this.sslContext = Objects.requireNonNull(serverContext, "serverContext");
      if (!serverContext.isServer()) {
        throw new IllegalArgumentException(
            "the SslContext is a client context; a server context is needed");
      }
      return this;
    }

    /** Serves TLS with a PEM certificate chain and a PEM PKCS#8 private key without password. */
    public Builder tls(File certificateChain, File privateKey) {
      return tls(certificateChain, privateKey, null);
    }

    /** Serves TLS with a PEM certificate chain and a PEM PKCS#8 private key. */
    public Builder tls(File certificateChain, File privateKey, String keyPassword) {
      this.certificateChain = Objects.requireNonNull(certificateChain, "certificateChain");
      this.privateKey = Objects.requireNonNull(privateKey, "privateKey");
      this.keyPassword = keyPassword;
      return this;
    }

    /**
     * Asks TLS clients for a certificate issued by one of the PEM certificates in {@code
     * trustedCertificates}: {@code required} true refuses clients without one, false lets them in
     * without a principal. Methods see the client's subject as {@code
     * CallContext.transport().principal()}. Only with {@link #tls(File, File)}; with an {@code
     * SslContext} configure client authentication in that context.
     */
    public Builder clientCertificates(File trustedCertificates, boolean required) {
      this.trustedClientCertificates =
          Objects.requireNonNull(trustedCertificates, "trustedCertificates");
      this.clientAuth = required ? ClientAuth.REQUIRE : ClientAuth.OPTIONAL;
      return this;
    }

    /**
     * The largest payload accepted; a larger declared length closes the connection. Default 8 MiB.
     */
    public Builder maxFrameLength(int bytes) {
      if (bytes < 1) {
        throw new IllegalArgumentException("maxFrameLength must be positive, got " + bytes);
      }
      this.maxFrameLength = bytes;
      return this;
    }

    /**
     * How many calls of one connection may wait for their reply before the server stops reading
     * from it (until some are answered). Default 1024.
     */
    public Builder maxInFlightPerConnection(int calls) {
      if (calls < 1) {
        throw new IllegalArgumentException(
            "maxInFlightPerConnection must be positive, got " + calls);
      }
      this.maxInFlightPerConnection = calls;
      return this;
    }

    /**
     * Closes connections that neither read nor wrote for this long and have no call in flight; off
     * by default.
     */
    public Builder idleTimeout(Duration timeout) {
      if (timeout != null && (timeout.isZero() || timeout.isNegative())) {
        throw new IllegalArgumentException("idleTimeout must be positive, got " + timeout);
      }
      this.idleTimeout = timeout;
      return this;
    }

    /** How long {@link NetstringServer#close()} waits for calls in flight. Default 10 s. */
    public Builder shutdownTimeout(Duration timeout) {
      this.shutdownTimeout = Objects.requireNonNull(timeout, "timeout");
      return this;
    }

    /** I/O threads; 0 (the default) lets Netty choose (twice the cores). */
    public Builder workerThreads(int threads) {
      if (threads < 0) {
        throw new IllegalArgumentException("workerThreads must not be negative, got " + threads);
      }
      this.workerThreads = threads;
      return this;
    }

    /** The socket I/O to run on; {@link NettyTransport#best()} by default. */
    public Builder transport(NettyTransport transport) {
      this.transport = Objects.requireNonNull(transport, "transport");
      return this;
    }

    /** The accept backlog. Default 1024. */
    public Builder backlog(int backlog) {
      this.backlog = backlog;
      return this;
    }

    /**
     * Binds and starts serving.
     *
     * @throws UncheckedIOException if the address cannot be bound (in use, not local)
     * @throws IllegalArgumentException if the TLS files cannot be used
     */
    public NetstringServer start() {
      return new NetstringServer(this);
    }

    /** The pipeline setup alone, with these settings, for a bootstrap of your own. */
    public NetstringChannelInitializer channelInitializer() {
      return initializer(new ConnectionTracker());
    }

    NetstringChannelInitializer initializer(ConnectionTracker tracker) {
      return new NetstringChannelInitializer(
          service, sslContext(), maxFrameLength, maxInFlightPerConnection, idleTimeout, tracker);
    }

    private SslContext sslContext() {
      if (sslContext != null) {
        return sslContext;
      }
      if (certificateChain == null) {
        if (trustedClientCertificates != null) {
          throw new IllegalStateException(
              "clientCertificates needs tls(certificateChain, privateKey)");
        }
        return null;
      }
      return TlsContexts.server(
          certificateChain, privateKey, keyPassword, trustedClientCertificates, clientAuth);
    }

    String tlsNote() {
      return sslContext != null || certificateChain != null ? " (TLS)" : "";
    }
  }
}
