package io.jsonrpc2.netty.http;

import io.jsonrpc2.JsonRpcService;
import io.jsonrpc2.OverflowPolicy;
import io.jsonrpc2.connection.ConnectionGroup;
import io.jsonrpc2.connection.JsonRpcConnection;
import io.jsonrpc2.http.HttpRules;
import io.netty.channel.Channel;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelPipeline;
import io.netty.channel.group.ChannelGroup;
import io.netty.channel.group.DefaultChannelGroup;
import io.netty.handler.codec.http.HttpServerCodec;
import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslContextBuilder;
import io.netty.handler.timeout.IdleStateHandler;
import io.netty.util.concurrent.GlobalEventExecutor;
import java.io.File;
import java.time.Duration;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLException;
import org.jspecify.annotations.Nullable;

/**
 * Sets up a channel to serve a {@link JsonRpcService} over HTTP/1.1 (optionally over TLS), for
 * users who run their own Netty bootstrap; {@link JsonRpcHttpServer} uses it too.
 *
 * <pre>{@code
 * JsonRpcHttpInitializer initializer = JsonRpcHttpInitializer.builder(service).path("/rpc").build();
 * new ServerBootstrap().group(group).channel(NioServerSocketChannel.class).childHandler(initializer)...
 * }</pre>
 *
 * <p>Pipeline: [TLS], [idle timeout], {@code HttpServerCodec}, the JSON-RPC exchange handler. The
 * handler applies {@link HttpRules}, gathers bodies sent with Content-Length or chunked (413 over
 * the limit), keeps connections alive, answers pipelined requests in order and writes each answer
 * with one flush per read burst. Requests reach the service with a {@link
 * io.jsonrpc2.server.TransportContext} of transport "http", the peer address, the request headers
 * and the principal from the rules' authenticator.
 *
 * <p>Unless {@link Builder#webSocket(boolean)} turns it off, a {@code GET} with {@code Upgrade:
 * websocket} on the JSON-RPC path switches the connection to WebSocket (RFC 6455): its {@code
 * Origin} must be allowed ({@link Builder#webSocketOrigins}, else 403) and the rules' authenticator
 * must accept it (else 401); then each text message is one JSON-RPC message and the connection is a
 * {@link JsonRpcConnection} that carries calls both ways, with the transport "websocket", the
 * upgrade request's headers and its principal in every call's context. Binary messages close the
 * WebSocket with 1003, messages over {@link Builder#webSocketMaxMessageBytes} with 1009; a quiet
 * peer is pinged after {@link Builder#webSocketPingInterval} and closed if it does not answer
 * within the same time. The HTTP idle timeout does not apply to a WebSocket.
 *
 * <p>Thread-safe and sharable between channels and bootstraps; it keeps track of the channels it
 * set up so that {@link #drain} can close them gracefully.
 */
public final class JsonRpcHttpInitializer extends ChannelInitializer<Channel> {
  /** The event that asks a connection to close once its answers are written. */
  static final Object DRAIN = new Object();

  private final JsonRpcService service;
  private final HttpRules rules;
  private final String path;
  private final @Nullable SslContext sslContext;
  private final long idleSeconds;
  private final int maxHeaderBytes;
  private final @Nullable WebSocketSettings webSocket;
  private final ConnectionGroup webSockets;
  private final ChannelGroup channels =
      new DefaultChannelGroup("jsonrpc2-http", GlobalEventExecutor.INSTANCE);
  private volatile boolean draining;

  private JsonRpcHttpInitializer(Builder builder) {
    this.service = builder.service;
    this.rules = builder.rules;
    this.path = builder.path;
    this.sslContext = builder.sslContext;
    this.idleSeconds = builder.idleTimeout.toSeconds();
    this.maxHeaderBytes = builder.maxHeaderBytes;
    this.webSockets =
        new ConnectionGroup(
            builder.service.mapper(),
            ConnectionGroup.DEFAULT_BUFFER_SIZE,
            OverflowPolicy.DROP_OLDEST);
    this.webSocket =
        builder.webSocket
            ? new WebSocketSettings(
                builder.webSocketMaxMessageBytes,
                builder.webSocketPingInterval,
                builder.webSocketOrigins,
                builder.webSocketMaxInFlight,
                webSockets)
            : null;
  }

  public static Builder builder(JsonRpcService service) {
    return new Builder(service);
  }

  @Override
  protected void initChannel(Channel channel) {
    channels.add(channel);
    ChannelPipeline pipeline = channel.pipeline();
    if (sslContext != null) {
      pipeline.addLast("tls", sslContext.newHandler(channel.alloc()));
    }
    if (idleSeconds > 0) {
      // Reader idleness only: watching writes too would cost a listener on every response.
      pipeline.addLast("idle", new IdleStateHandler(idleSeconds, 0, 0, TimeUnit.SECONDS));
    }
    pipeline.addLast("http", new HttpServerCodec(4096, maxHeaderBytes, 8192));
    if (webSocket != null) {
      pipeline.addLast("wsUpgrade", new WebSocketUpgradeHandler(service, rules, path, webSocket));
    }
    pipeline.addLast("jsonrpc", new HttpExchangeHandler(service, rules, path));
    if (draining) {
      channel.eventLoop().execute(() -> pipeline.fireUserEventTriggered(DRAIN));
    }
  }

  /** The path served; requests to any other path get 404. */
  public String path() {
    return path;
  }

  public HttpRules rules() {
    return rules;
  }

  /**
   * The number of connections set up by this initializer that are still open, WebSockets included.
   */
  public int openConnections() {
    return channels.size();
  }

  /** Whether WebSocket upgrades are served on the path. */
  public boolean servesWebSocket() {
    return webSocket != null;
  }

  /**
   * A snapshot of the open WebSocket connections, for reaching every client (such as a broadcast
   * through {@link JsonRpcConnection#peer()}); some may close at any moment.
   */
  public List<JsonRpcConnection> webSocketConnections() {
    return webSockets.connections();
  }

  /**
   * Sends the notification {@code method(args)} to every open WebSocket, without waiting for slow
   * readers: each keeps at most {@value ConnectionGroup#DEFAULT_BUFFER_SIZE} broadcasts while its
   * peer reads too slowly, dropping the oldest past that (see {@link ConnectionGroup}).
   *
   * @return how many WebSockets it went to
   */
  public int broadcast(String method, Object... args) {
    return webSockets.broadcast(method, args);
  }

  /**
   * Closes every connection gracefully: each one closes as soon as the answers to the requests it
   * has read are written (idle ones at once; the last answer says {@code Connection: close}).
   * Connections still open after {@code grace} are closed regardless. Stop accepting new
   * connections first. The future completes when all are closed; it never fails.
   */
  public CompletableFuture<Void> drain(Duration grace) {
    draining = true;
    // A WebSocket closes once the calls in flight on it are answered, both ways.
    webSockets.shutdownAll(grace);
    CompletableFuture<Void> closed = new CompletableFuture<>();
    channels.newCloseFuture().addListener(done -> closed.complete(null));
    for (Channel channel : channels) {
      channel.pipeline().fireUserEventTriggered(DRAIN);
    }
    CompletableFuture.delayedExecutor(grace.toNanos(), TimeUnit.NANOSECONDS)
        .execute(
            () -> {
              if (!closed.isDone()) {
                channels.close();
              }
            });
    return closed;
  }

  /** 16 MiB: the default largest WebSocket message. */
  public static final int DEFAULT_WEBSOCKET_MAX_MESSAGE_BYTES = 16 * 1024 * 1024;

  /** Configures a {@link JsonRpcHttpInitializer}. Not thread-safe. */
  public static final class Builder {
    private final JsonRpcService service;
    private HttpRules rules = HttpRules.defaults();
    private String path = "/";
    private @Nullable SslContext sslContext;
    private Duration idleTimeout = Duration.ofSeconds(60);
    private int maxHeaderBytes = 8192;
    private boolean webSocket = true;
    private int webSocketMaxMessageBytes = DEFAULT_WEBSOCKET_MAX_MESSAGE_BYTES;
    private Duration webSocketPingInterval = Duration.ofSeconds(30);
    private final Set<String> webSocketOrigins = new LinkedHashSet<>();
    private int webSocketMaxInFlight = 1024;

    private Builder(JsonRpcService service) {
      this.service = Objects.requireNonNull(service, "service");
    }

    /** The path to serve, such as "/rpc"; default "/". The query string is ignored. */
    public Builder path(String path) {
      if (path == null || !path.startsWith("/")) {
        throw new IllegalArgumentException("path must start with '/', got " + path);
      }
      this.path = path;
      return this;
    }

    /**
     * The HTTP rules (content types, body limit, CORS, authentication); default {@link
     * HttpRules#defaults()}.
     */
    public Builder rules(HttpRules rules) {
      this.rules = Objects.requireNonNull(rules, "rules");
      return this;
    }

    /** Serves HTTPS with this server context; null for plain HTTP (the default). */
    public Builder tls(SslContext serverContext) {
      if (serverContext != null && serverContext.isClient()) {
        throw new IllegalArgumentException("a server needs a server SslContext, got a client one");
      }
      this.sslContext = serverContext;
      return this;
    }

    /**
     * Serves HTTPS with a certificate chain and a PKCS#8 private key, both PEM files.
     *
     * @throws IllegalArgumentException when the files cannot be read as a certificate and key
     */
    public Builder tls(File certificateChain, File privateKey) {
      try {
        return tls(SslContextBuilder.forServer(certificateChain, privateKey).build());
      } catch (SSLException | IllegalArgumentException e) {
        throw new IllegalArgumentException(
            "cannot use " + certificateChain + " and " + privateKey + " for TLS: " + e.getMessage(),
            e);
      }
    }

    /**
     * Closes a connection that sends nothing for this long while no answer is due to it; zero never
     * does. Default 60 s.
     */
    public Builder idleTimeout(Duration timeout) {
      if (timeout.isNegative()) {
        throw new IllegalArgumentException("idleTimeout must not be negative, got " + timeout);
      }
      this.idleTimeout = timeout;
      return this;
    }

    /** The largest request head (all header lines) accepted; longer ones get 400. Default 8 KiB. */
    public Builder maxHeaderBytes(int max) {
      if (max < 256) {
        throw new IllegalArgumentException("maxHeaderBytes must be at least 256, got " + max);
      }
      this.maxHeaderBytes = max;
      return this;
    }

    /**
     * Whether a WebSocket upgrade on the path is served (true, the default) or answered like any
     * other GET (405).
     */
    public Builder webSocket(boolean serve) {
      this.webSocket = serve;
      return this;
    }

    /**
     * The largest WebSocket message accepted, once its fragments are joined; a larger one closes
     * the WebSocket with 1009. Default 16 MiB.
     */
    public Builder webSocketMaxMessageBytes(int max) {
      if (max < 1) {
        throw new IllegalArgumentException("webSocketMaxMessageBytes must be positive, got " + max);
      }
      this.webSocketMaxMessageBytes = max;
      return this;
    }

    /**
     * A WebSocket that sends nothing for this long is pinged; if it still sends nothing (no pong)
     * for as long again, it is closed. Zero never pings. Default 30 s.
     */
    public Builder webSocketPingInterval(Duration interval) {
      if (interval.isNegative()) {
        throw new IllegalArgumentException(
            "webSocketPingInterval must not be negative, got " + interval);
      }
      this.webSocketPingInterval = interval;
      return this;
    }

    /**
     * Lets only browser pages of these origins ({@code https://app.example.com}) open a WebSocket;
     * others get 403, against cross-site WebSocket hijacking. Requests without an {@code Origin}
     * header (programs, not pages) are let in. No list (the default) lets every origin in.
     */
    public Builder webSocketOrigins(String... origins) {
      return webSocketOrigins(Arrays.asList(origins));
    }

    /** See {@link #webSocketOrigins(String...)}. */
    public Builder webSocketOrigins(Collection<String> origins) {
      origins.forEach(origin -> webSocketOrigins.add(Objects.requireNonNull(origin, "origin")));
      return this;
    }

    /**
     * How many calls of one WebSocket may wait for their answer before the server stops reading
     * from it. Default 1024.
     */
    public Builder webSocketMaxInFlight(int calls) {
      if (calls < 1) {
        throw new IllegalArgumentException("webSocketMaxInFlight must be positive, got " + calls);
      }
      this.webSocketMaxInFlight = calls;
      return this;
    }

    public JsonRpcHttpInitializer build() {
      return new JsonRpcHttpInitializer(this);
    }
  }
}
