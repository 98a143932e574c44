package io.jsonrpc2.netty.netstring;

import static java.util.Objects.requireNonNull;

import io.jsonrpc2.JsonRpcService;
import io.jsonrpc2.netty.ConnectionTracker;
import io.jsonrpc2.netty.NettyTransport;
import io.jsonrpc2.server.JsonRpcServer;
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
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Serves a {@link JsonRpcService} over TCP (optionally TLS), one JSON-RPC message per netstring,
 * wire-compatible with txjason's {@code JSONRPCServerFactory}.
 *
 * <pre>{@code
 * NetstringServer server = NetstringServer.builder(service).port(7080).start();
 * server.service().stopServing(CustomError.class);   // as txjason's factory.service
 * server.close();   // graceful: in-flight calls finish first; see JsonRpcServer
 * }</pre>
 *
 * <p>Requests of one connection run concurrently and each reply is written as soon as it is ready.
 * A framing error (a length that is not digits, a frame over the limit, a missing comma) closes
 * only the connection it came on, with a WARN line. Thread-safe.
 */
public final class NetstringServer implements JsonRpcServer {
  private static final Logger LOG = LoggerFactory.getLogger(NetstringServer.class);

  private final JsonRpcService service;
  private final NetstringChannelInitializer initializer;
  private final ConnectionTracker connections;
  private final Duration shutdownTimeout;
  private final String host;
  private final int requestedPort;
  private final int workerThreads;
  private final int backlog;
  private final NettyTransport transport;
  private final String tlsNote;
  private @Nullable EventLoopGroup acceptor;
  private @Nullable EventLoopGroup workers;
  private volatile @Nullable Channel listener;
  private @Nullable CompletableFuture<Void> stopped;

  private NetstringServer(Builder builder) {
    this.service = builder.service;
    this.shutdownTimeout = builder.shutdownTimeout;
    this.connections = new ConnectionTracker();
    this.initializer = builder.initializer(connections); // may reject TLS files
    this.host = builder.host;
    this.requestedPort = builder.port;
    this.workerThreads = builder.workerThreads;
    this.backlog = builder.backlog;
    this.transport = builder.transport != null ? builder.transport : NettyTransport.best();
    this.tlsNote = builder.tlsNote();
  }

  /** Starts configuring a server for {@code service}. */
  public static Builder builder(JsonRpcService service) {
    return new Builder(service);
  }

  @Override
  public synchronized NetstringServer start() {
    if (listener != null || stopped != null) {
      throw new IllegalStateException("the server was started already");
    }
    acceptor =
        transport.newEventLoopGroup(1, new DefaultThreadFactory("jsonrpc2-netstring-accept"));
    workers =
        transport.newEventLoopGroup(workerThreads, new DefaultThreadFactory("jsonrpc2-netstring"));
    ServerBootstrap bootstrap =
        new ServerBootstrap()
            .group(acceptor, workers)
            .channel(transport.serverChannelType())
            .option(ChannelOption.SO_BACKLOG, backlog)
            .childOption(ChannelOption.TCP_NODELAY, true)
            .childHandler(initializer);
    var bound = bootstrap.bind(host, requestedPort).awaitUninterruptibly();
    if (!bound.isSuccess()) {
      shutdown(Duration.ZERO).join();
      Throwable cause = bound.cause();
      throw new UncheckedIOException(
          "cannot listen for netstrings on "
              + host
              + ":"
              + requestedPort
              + ": "
              + cause.getMessage(),
          cause instanceof IOException io ? io : new IOException(cause.toString(), cause));
    }
    listener = bound.channel();
    LOG.info(
        "Serving JSON-RPC over netstrings{} on {} ({})",
        tlsNote,
        listener.localAddress(),
        transport.label());
    return this;
  }

  /**
   * The service this server hands messages to, for {@code stopServing}, {@code cancelPending} etc.
   */
  public JsonRpcService service() {
    return service;
  }

  @Override
  public InetSocketAddress address() {
    Channel channel = listener;
    if (channel == null) {
      throw new IllegalStateException("the server is not started");
    }
    return (InetSocketAddress) channel.localAddress();
  }

  @Override
  public int port() {
    return address().getPort();
  }

  /** The number of connections open now. */
  public int connectionCount() {
    return connections.size();
  }

  /** {@link #shutdown} with the builder's {@code shutdownTimeout} (10 s by default), waiting. */
  @Override
  public void close() {
    shutdown(shutdownTimeout).join();
  }

  /**
   * Stops accepting connections (a new one is refused once this returns), lets every open
   * connection finish its calls in flight (new requests on them are still served meanwhile), closes
   * each connection once it has none, and after {@code grace} closes the rest (their callers see
   * the connection drop, with a WARN line); then stops the server's threads. Not from the server's
   * I/O threads.
   *
   * @return completes when the server's threads are stopped; never fails; the same future on every
   *     call
   */
  @Override
  public CompletableFuture<Void> shutdown(Duration grace) {
    Objects.requireNonNull(grace, "grace");
    Channel channel;
    EventLoopGroup[] groups;
    CompletableFuture<Void> result;
    synchronized (this) {
      if (stopped != null) {
        return stopped;
      }
      stopped = result = new CompletableFuture<>();
      channel = listener;
      groups = acceptor == null ? new EventLoopGroup[0] : new EventLoopGroup[] {acceptor, workers};
    }
    if (channel != null) {
      channel.close().syncUninterruptibly();
    }
    CompletableFuture<Void> drained = connections.closeAllWhenIdle(grace);
    Thread finisher =
        new Thread(
            () -> {
              finish(drained, grace, channel, groups);
              result.complete(null);
            },
            "jsonrpc2-netstring-shutdown");
    finisher.setDaemon(true);
    finisher.start();
    return result;
  }

  private void finish(
      CompletableFuture<Void> drained,
      Duration grace,
      @Nullable Channel channel,
      EventLoopGroup[] groups) {
    try {
      drained.get(grace.toNanos(), TimeUnit.NANOSECONDS);
    } catch (TimeoutException e) {
      LOG.warn(
          "{} netstring connections still had calls in flight after {}; closing them",
          connections.size(),
          grace);
    } catch (InterruptedException | ExecutionException e) {
      // closed below all the same
    }
    connections.closeAllNow();
    for (EventLoopGroup group : groups) {
      group.shutdownGracefully(0, 2, TimeUnit.SECONDS).syncUninterruptibly();
    }
    if (channel != null) {
      LOG.info("Stopped serving netstrings on {}", channel.localAddress());
    }
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
    private @Nullable SslContext sslContext;
    private @Nullable File certificateChain;
    private @Nullable File privateKey;
    private @Nullable String keyPassword;
    private @Nullable File trustedClientCertificates;
    private ClientAuth clientAuth = ClientAuth.NONE;
    private int maxFrameLength = DEFAULT_MAX_FRAME_LENGTH;
    private int maxInFlightPerConnection = 1024;
    private @Nullable Duration idleTimeout;
    private Duration shutdownTimeout = Duration.ofSeconds(10);
    private int workerThreads;
    private int backlog = 1024;
    private @Nullable NettyTransport transport;

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
    public Builder tls(File certificateChain, File privateKey, @Nullable String keyPassword) {
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

    /** The grace {@link NetstringServer#close()} gives calls in flight. Default 10 s. */
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
     * Builds the server, not started yet: call {@link NetstringServer#start()}.
     *
     * @throws IllegalArgumentException if the TLS files cannot be used
     */
    public NetstringServer build() {
      return new NetstringServer(this);
    }

    /**
     * {@code build().start()}.
     *
     * @throws UncheckedIOException if the address cannot be bound (in use, not local)
     * @throws IllegalArgumentException if the TLS files cannot be used
     */
    public NetstringServer start() {
      return build().start();
    }

    /** The pipeline setup alone, with these settings, for a bootstrap of your own. */
    public NetstringChannelInitializer channelInitializer() {
      return initializer(new ConnectionTracker());
    }

    NetstringChannelInitializer initializer(ConnectionTracker tracker) {
      return new NetstringChannelInitializer(
          service, sslContext(), maxFrameLength, maxInFlightPerConnection, idleTimeout, tracker);
    }

    private @Nullable SslContext sslContext() {
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
          certificateChain,
          requireNonNull(privateKey, "tls() sets both"),
          keyPassword,
          trustedClientCertificates,
          clientAuth);
    }

    String tlsNote() {
      return sslContext != null || certificateChain != null ? " (TLS)" : "";
    }
  }
}
