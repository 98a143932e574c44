package io.jsonrpc2.netty.http;

import static java.util.Objects.requireNonNull;

import io.jsonrpc2.JsonRpcService;
import io.jsonrpc2.connection.JsonRpcConnection;
import io.jsonrpc2.http.HttpRules;
import io.jsonrpc2.netty.NettyTransport;
import io.jsonrpc2.server.JsonRpcServer;
import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.ServerChannel;
import io.netty.handler.ssl.SslContext;
import io.netty.util.concurrent.DefaultThreadFactory;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;

/**
 * An embedded HTTP/1.1 server for a {@link JsonRpcService}, on Netty.
 *
 * <pre>{@code
 * JsonRpcHttpServer server = JsonRpcHttpServer.builder(service).port(8080).path("/rpc").build().start();
 * ...
 * server.close(); // graceful: answers what it has read, then stops
 * }</pre>
 *
 * <p>The HTTP behaviour (POST only, content types, body limit, notification status, CORS,
 * authentication) is the {@link HttpRules} given to the builder; see {@link JsonRpcHttpInitializer}
 * for the connection handling. The same port and path also serve JSON-RPC over WebSocket ({@code
 * ws://host:port/path}, or {@code wss://} with TLS) unless {@link Builder#webSocket(boolean)} turns
 * it off. By default the server owns its event loops (one thread per core, accepting and serving)
 * and shuts them down when it stops.
 *
 * <p>Thread-safe. The lifecycle is {@link JsonRpcServer}'s: {@link #start()} may be called once;
 * {@link #shutdown} any number of times.
 */
public final class JsonRpcHttpServer implements JsonRpcServer {
  private final JsonRpcHttpInitializer initializer;
  private final @Nullable String host;
  private final int port;
  private final int ioThreads;
  private final Class<? extends ServerChannel> channelType;
  private final boolean ownsGroups;
  private final NettyTransport transport;
  private @Nullable EventLoopGroup parentGroup;
  private @Nullable EventLoopGroup childGroup;
  private volatile @Nullable Channel serverChannel;
  private volatile @Nullable CompletableFuture<Void> stopped;

  private JsonRpcHttpServer(Builder builder) {
    this.initializer = builder.initializer.build();
    this.host = builder.host;
    this.port = builder.port;
    this.ioThreads = builder.ioThreads;
    this.ownsGroups = builder.parentGroup == null;
    this.parentGroup = builder.parentGroup;
    this.childGroup = builder.childGroup;
    this.transport = builder.transport != null ? builder.transport : NettyTransport.best();
    this.channelType =
        ownsGroups
            ? transport.serverChannelType()
            : requireNonNull(builder.channelType, "eventLoopGroups(...) sets the channel type");
  }

  public static Builder builder(JsonRpcService service) {
    return new Builder(service);
  }

  @Override
  public synchronized JsonRpcHttpServer start() {
    if (serverChannel != null || stopped != null) {
      throw new IllegalStateException("the server was started already");
    }
    if (ownsGroups) {
      // One group both accepts and serves: no hand-off between threads for a new connection.
      parentGroup =
          transport.newEventLoopGroup(ioThreads, new DefaultThreadFactory("jsonrpc2-http"));
      childGroup = parentGroup;
    }
    ServerBootstrap bootstrap =
        new ServerBootstrap()
            .group(parentGroup, childGroup)
            .channel(channelType)
            .option(ChannelOption.SO_BACKLOG, 1024)
            .option(ChannelOption.SO_REUSEADDR, true)
            .childOption(ChannelOption.TCP_NODELAY, true)
            .childHandler(initializer);
    InetSocketAddress address =
        host == null ? new InetSocketAddress(port) : new InetSocketAddress(host, port);
    var bound = bootstrap.bind(address).awaitUninterruptibly();
    if (!bound.isSuccess()) {
      shutdown(Duration.ZERO).join();
      Throwable cause = bound.cause();
      throw new UncheckedIOException(
          "cannot serve HTTP on " + address + ": " + cause.getMessage(),
          cause instanceof IOException io ? io : new IOException(cause));
    }
    serverChannel = bound.channel();
    return this;
  }

  @Override
  public int port() {
    return address().getPort();
  }

  @Override
  public InetSocketAddress address() {
    Channel channel = serverChannel;
    if (channel == null) {
      throw new IllegalStateException("the server is not started");
    }
    return (InetSocketAddress) channel.localAddress();
  }

  /** The path served. */
  public String path() {
    return initializer.path();
  }

  /**
   * A snapshot of the open WebSocket connections, for reaching every client (such as a broadcast
   * through {@link JsonRpcConnection#peer()}); some may close at any moment.
   */
  public List<JsonRpcConnection> webSocketConnections() {
    return initializer.webSocketConnections();
  }

  /**
   * Sends the notification {@code method(args)} to every open WebSocket, without waiting for slow
   * readers (see {@link JsonRpcHttpInitializer#broadcast}).
   *
   * @return how many WebSockets it went to
   */
  public int broadcast(String method, Object... args) {
    return initializer.broadcast(method, args);
  }

  /**
   * Stops gracefully: stops accepting, lets every connection finish the requests it has read (their
   * last answer says {@code Connection: close}), closes idle ones at once, and after {@code grace}
   * closes whatever is left; then shuts down the event loops if the server owns them. Calls in
   * flight in the service are not cancelled: that is the service's lifecycle ({@link
   * JsonRpcService#stopServing()}, {@link JsonRpcService#cancelPending()}).
   *
   * @return completes when the server is stopped; never fails; the same future on every call
   */
  @Override
  public synchronized CompletableFuture<Void> shutdown(Duration grace) {
    Objects.requireNonNull(grace, "grace");
    if (stopped != null) {
      return stopped;
    }
    Channel channel = serverChannel;
    EventLoopGroup owned = ownsGroups ? parentGroup : null;
    CompletableFuture<Void> unbound = new CompletableFuture<>();
    if (channel == null) {
      unbound.complete(null);
    } else {
      channel.close().addListener(done -> unbound.complete(null));
    }
    stopped =
        unbound
            .thenCompose(done -> initializer.drain(grace))
            .thenCompose(
                done ->
                    owned != null
                        ? terminate(owned)
                        : CompletableFuture.<Void>completedFuture(null));
    return stopped;
  }

  private static CompletableFuture<Void> terminate(EventLoopGroup group) {
    CompletableFuture<Void> terminated = new CompletableFuture<>();
    group.shutdownGracefully(0, 2, TimeUnit.SECONDS).addListener(done -> terminated.complete(null));
    return terminated;
  }

  /** {@link #shutdown} with a 5 second grace period, waiting for it. */
  @Override
  public void close() {
    shutdown(Duration.ofSeconds(5)).join();
  }

  /** Configures a {@link JsonRpcHttpServer}. Not thread-safe. */
  public static final class Builder {
    private final JsonRpcHttpInitializer.Builder initializer;
    private @Nullable String host;
    private int port = 8080;
    private int ioThreads = Runtime.getRuntime().availableProcessors();
    private @Nullable EventLoopGroup parentGroup;
    private @Nullable EventLoopGroup childGroup;
    private @Nullable Class<? extends ServerChannel> channelType;
    private @Nullable NettyTransport transport;

    private Builder(JsonRpcService service) {
      this.initializer = JsonRpcHttpInitializer.builder(service);
    }

    /** The interface to listen on, such as "127.0.0.1"; default all interfaces. */
    public Builder host(String host) {
      this.host = host;
      return this;
    }

    /**
     * The port; 0 picks a free one (read it with {@link JsonRpcHttpServer#port()}). Default 8080.
     */
    public Builder port(int port) {
      if (port < 0 || port > 65535) {
        throw new IllegalArgumentException("not a port: " + port);
      }
      this.port = port;
      return this;
    }

    /** See {@link JsonRpcHttpInitializer.Builder#path}. Default "/". */
    public Builder path(String path) {
      initializer.path(path);
      return this;
    }

    /** See {@link JsonRpcHttpInitializer.Builder#rules}. */
    public Builder rules(HttpRules rules) {
      initializer.rules(rules);
      return this;
    }

    /** See {@link JsonRpcHttpInitializer.Builder#tls(SslContext)}. */
    public Builder tls(SslContext serverContext) {
      initializer.tls(serverContext);
      return this;
    }

    /** See {@link JsonRpcHttpInitializer.Builder#tls(File, File)}. */
    public Builder tls(File certificateChain, File privateKey) {
      initializer.tls(certificateChain, privateKey);
      return this;
    }

    /** See {@link JsonRpcHttpInitializer.Builder#idleTimeout}. Default 60 s. */
    public Builder idleTimeout(Duration timeout) {
      initializer.idleTimeout(timeout);
      return this;
    }

    /** See {@link JsonRpcHttpInitializer.Builder#webSocket}. Default true. */
    public Builder webSocket(boolean serve) {
      initializer.webSocket(serve);
      return this;
    }

    /** See {@link JsonRpcHttpInitializer.Builder#webSocketMaxMessageBytes}. Default 16 MiB. */
    public Builder webSocketMaxMessageBytes(int max) {
      initializer.webSocketMaxMessageBytes(max);
      return this;
    }

    /** See {@link JsonRpcHttpInitializer.Builder#webSocketPingInterval}. Default 30 s. */
    public Builder webSocketPingInterval(Duration interval) {
      initializer.webSocketPingInterval(interval);
      return this;
    }

    /** See {@link JsonRpcHttpInitializer.Builder#webSocketOrigins(String...)}. Default any. */
    public Builder webSocketOrigins(String... origins) {
      initializer.webSocketOrigins(origins);
      return this;
    }

    /** See {@link JsonRpcHttpInitializer.Builder#webSocketOrigins(Collection)}. */
    public Builder webSocketOrigins(Collection<String> origins) {
      initializer.webSocketOrigins(origins);
      return this;
    }

    /** See {@link JsonRpcHttpInitializer.Builder#webSocketMaxInFlight}. Default 1024. */
    public Builder webSocketMaxInFlight(int calls) {
      initializer.webSocketMaxInFlight(calls);
      return this;
    }

    /** See {@link JsonRpcHttpInitializer.Builder#maxHeaderBytes}. */
    public Builder maxHeaderBytes(int max) {
      initializer.maxHeaderBytes(max);
      return this;
    }

    /**
     * The socket I/O of the event loops the server makes for itself; {@link NettyTransport#best()}
     * by default. Not used with {@link #eventLoops}.
     */
    public Builder transport(NettyTransport transport) {
      this.transport = Objects.requireNonNull(transport, "transport");
      return this;
    }

    /** The number of event loop threads the server makes for itself; default one per core. */
    public Builder ioThreads(int threads) {
      if (threads < 1) {
        throw new IllegalArgumentException("ioThreads must be at least 1, got " + threads);
      }
      this.ioThreads = threads;
      return this;
    }

    /**
     * Runs on the caller's event loops instead of the server's own, for sharing them with other
     * servers; the caller shuts them down. {@code channelType} must suit them, such as {@code
     * NioServerSocketChannel.class} for NIO groups, or {@link NettyTransport#serverChannelType()}.
     */
    public Builder eventLoops(
        EventLoopGroup parent, EventLoopGroup child, Class<? extends ServerChannel> channelType) {
      this.parentGroup = Objects.requireNonNull(parent, "parent");
      this.childGroup = Objects.requireNonNull(child, "child");
      this.channelType = Objects.requireNonNull(channelType, "channelType");
      return this;
    }

    /** Builds the server, not started yet: call {@link JsonRpcHttpServer#start()}. */
    public JsonRpcHttpServer build() {
      return new JsonRpcHttpServer(this);
    }

    /**
     * {@code build().start()}.
     *
     * @throws UncheckedIOException when the port cannot be bound
     */
    public JsonRpcHttpServer start() {
      return build().start();
    }
  }
}
