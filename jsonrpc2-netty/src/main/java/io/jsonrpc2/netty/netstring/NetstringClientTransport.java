package io.jsonrpc2.netty.netstring;

import io.jsonrpc2.client.ClientTransport;
import io.jsonrpc2.client.ConnectionLostException;
import io.jsonrpc2.client.OutboundMessage;
import io.jsonrpc2.client.TransportException;
import io.jsonrpc2.client.TransportReply;
import io.netty.bootstrap.Bootstrap;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.nio.NioEventLoopGroup;
import io.netty.channel.socket.nio.NioSocketChannel;
import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslHandler;
import io.netty.util.concurrent.DefaultThreadFactory;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.nio.channels.ClosedChannelException;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLParameters;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A connection {@link ClientTransport} that speaks JSON-RPC over netstrings on one TCP (or TLS)
 * connection, like txjason's {@code JSONRPCClientFactory}.
 *
 * <p>There is no connect step: the first {@link #send} connects, and after the connection drops
 * the next {@code send} connects again. Consecutive failed attempts are spaced out by a backoff
 * that doubles from {@code reconnectBackoff} up to {@code maxReconnectBackoff}; messages sent
 * meanwhile wait for the next attempt and fail with a {@link TransportException} if it fails.
 * Connects, disconnects and reconnects are logged (INFO/WARN, logger of this class). When the
 * connection drops, every call waiting for a reply fails at once with a
 * {@link ConnectionLostException} (through {@link Receiver#onConnectionLost}); nothing is ever
 * sent again by the transport.
 *
 * <p>Thread-safe; any number of callers share the connection. Replies are delivered on the
 * transport's I/O thread, so code chained onto a call's future without an {@code *Async} stage
 * runs there and must not block.
 */
public final class NetstringClientTransport implements ClientTransport {
  private static final Logger LOG = LoggerFactory.getLogger(NetstringClientTransport.class);

  private final SocketAddress address;
  private final String endpoint;
  private final Bootstrap bootstrap;
  private final EventLoopGroup group;
  private final boolean ownsGroup;
  private final long initialBackoffNanos;
  private final long maxBackoffNanos;
  private final Object lock = new Object();
  private volatile Channel channel;
  private volatile boolean closed;
  private volatile Receiver receiver;
  private CompletableFuture<Channel> connecting;
  private int consecutiveFailures;
  private long nextAttemptNanos;
  private boolean everConnected;

  private NetstringClientTransport(NetstringClientBuilder builder) {
    this.address = builder.address;
    SslContext tls = builder.sslContext();
    this.endpoint = (tls != null ? "netstring+tls://" : "netstring://") + describe(address);
    this.ownsGroup = builder.group == null;
    this.group =
        ownsGroup ? new NioEventLoopGroup(1, new DefaultThreadFactory("jsonrpc2-netstring-client", true)) : builder.group;
    this.initialBackoffNanos = builder.reconnectBackoff.toNanos();
    this.maxBackoffNanos = builder.maxReconnectBackoff.toNanos();
    boolean verifyHost = builder.hostnameVerification && !builder.trustAll;
    int maxFrameLength = builder.maxFrameLength;
    this.bootstrap =
        new Bootstrap()
            .group(group)
            .channel(NioSocketChannel.class)
            .option(ChannelOption.TCP_NODELAY, true)
            .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, (int) builder.connectTimeout.toMillis())
            .handler(
                new ChannelInitializer<Channel>() {
                  @Override
                  protected void initChannel(Channel ch) {
                    if (tls != null) {
                      ch.pipeline().addLast("tls", tlsHandler(tls, ch, address, verifyHost));
                    }
                    ch.pipeline().addLast("netstringDecoder", new NetstringDecoder(maxFrameLength));
                    ch.pipeline().addLast("netstringEncoder", NetstringEncoder.INSTANCE);
                    ch.pipeline().addLast("jsonrpc", new NetstringClientHandler(receiverView(), endpoint));
                  }
                });
  }

  static NetstringClientTransport create(NetstringClientBuilder builder) {
    return new NetstringClientTransport(builder);
  }

  /** Starts configuring a transport to {@code host:port}. */
  public static NetstringClientBuilder builder(String host, int port) {
    return new NetstringClientBuilder(InetSocketAddress.createUnresolved(host, port));
  }

  /** Starts configuring a transport to {@code address} (resolved when connecting). */
  public static NetstringClientBuilder builder(SocketAddress address) {
    return new NetstringClientBuilder(address);
  }

  @Override
  public void start(Receiver receiver) {
    this.receiver = receiver;
  }

  @Override
  public CompletableFuture<TransportReply> send(OutboundMessage message) {
    Channel ready = channel;
    if (ready != null && ready.isActive()) {
      return write(ready, message);
    }
    return connection().thenCompose(connected -> write(connected, message));
  }

  @Override
  public boolean isRequestResponse() {
    return false;
  }

  @Override
  public String endpoint() {
    return endpoint;
  }

  /** True while a connection is open. */
  public boolean isConnected() {
    Channel ready = channel;
    return ready != null && ready.isActive();
  }

  /** Closes the connection and, unless the event loop group was given, its thread. */
  @Override
  public void close() {
    CompletableFuture<Channel> attempt;
    synchronized (lock) {
      if (closed) {
        return;
      }
      closed = true;
      attempt = connecting;
      connecting = null;
    }
    if (attempt != null) {
      attempt.completeExceptionally(new TransportException("transport to " + endpoint + " closed"));
    }
    Channel open = channel;
    if (open != null) {
      open.close().awaitUninterruptibly(2, TimeUnit.SECONDS);
    }
    if (ownsGroup) {
      group.shutdownGracefully(0, 2, TimeUnit.SECONDS);
    }
  }

  private CompletableFuture<TransportReply> write(Channel target, OutboundMessage message) {
    CompletableFuture<TransportReply> written = new CompletableFuture<>();
    target
        .writeAndFlush(Unpooled.wrappedBuffer(message.payload()))
        .addListener(
            f -> {
              if (f.isSuccess()) {
                written.complete(null);
              } else if (f.cause() instanceof ClosedChannelException || !target.isActive()) {
                written.completeExceptionally(
                    new ConnectionLostException("connection to " + endpoint + " closed before the message was sent", f.cause()));
              } else {
                written.completeExceptionally(
                    new TransportException("writing to " + endpoint + " failed: " + f.cause(), f.cause()));
              }
            });
    return written;
  }

  /** The open connection, or the attempt to open one (started now, or after the backoff). */
  private CompletableFuture<Channel> connection() {
    CompletableFuture<Channel> attempt;
    long delay;
    synchronized (lock) {
      if (closed) {
        return CompletableFuture.failedFuture(new TransportException("transport to " + endpoint + " is closed"));
      }
      Channel ready = channel;
      if (ready != null && ready.isActive()) {
        return CompletableFuture.completedFuture(ready);
      }
      if (connecting != null) {
        return connecting;
      }
      attempt = new CompletableFuture<>();
      connecting = attempt;
      delay = Math.max(0, nextAttemptNanos - System.nanoTime());
    }
    if (delay > 0) {
      group.schedule(() -> connect(attempt), delay, TimeUnit.NANOSECONDS);
    } else {
      connect(attempt);
    }
    return attempt;
  }

  private void connect(CompletableFuture<Channel> attempt) {
    if (closed) {
      connectFailed(attempt, new ClosedChannelException());
      return;
    }
    bootstrap
        .connect(address)
        .addListener(
            (ChannelFuture f) -> {
              if (!f.isSuccess()) {
                connectFailed(attempt, f.cause());
                return;
              }
              SslHandler tls = f.channel().pipeline().get(SslHandler.class);
              if (tls == null) {
                connected(attempt, f.channel());
                return;
              }
              tls.handshakeFuture()
                  .addListener(
                      handshake -> {
                        if (handshake.isSuccess()) {
                          connected(attempt, f.channel());
                        } else {
                          f.channel().close();
                          connectFailed(attempt, handshake.cause());
                        }
                      });
            });
  }

  private void connected(CompletableFuture<Channel> attempt, Channel connection) {
    boolean again;
    synchronized (lock) {
      if (closed) {
        connection.close();
        attempt.completeExceptionally(new TransportException("transport to " + endpoint + " closed"));
        return;
      }
      channel = connection;
      connecting = null;
      again = everConnected;
      everConnected = true;
      consecutiveFailures = 0;
      nextAttemptNanos = 0;
    }
    connection.closeFuture().addListener(f -> dropped(connection));
    if (again) {
      LOG.info("Reconnected to {}", endpoint);
    } else {
      LOG.info("Connected to {}", endpoint);
    }
    attempt.complete(connection);
  }

  private void connectFailed(CompletableFuture<Channel> attempt, Throwable cause) {
    long backoff;
    synchronized (lock) {
      if (connecting == attempt) {
        connecting = null;
      }
      consecutiveFailures++;
      backoff = backoffNanos(consecutiveFailures);
      nextAttemptNanos = System.nanoTime() + backoff;
    }
    if (!closed) {
      LOG.warn(
          "Cannot connect to {}: {}; next attempt in {} ms at the earliest",
          endpoint, cause.toString(), TimeUnit.NANOSECONDS.toMillis(backoff));
    }
    attempt.completeExceptionally(new TransportException("cannot connect to " + endpoint + ": " + cause, cause));
  }

  private long backoffNanos(int failures) {
    long backoff = initialBackoffNanos;
    for (int i = 1; i < failures && backoff < maxBackoffNanos; i++) {
      backoff *= 2;
    }
    return Math.min(backoff, maxBackoffNanos);
  }

  private void dropped(Channel connection) {
    synchronized (lock) {
      if (channel != connection) {
        return;
      }
      channel = null;
    }
    if (closed) {
      LOG.debug("Closed connection to {}", endpoint);
    } else {
      LOG.warn("Disconnected from {}; the next call reconnects", endpoint);
    }
    Receiver target = receiver;
    if (target != null) {
      target.onConnectionLost(new ConnectionLostException("connection to " + endpoint + " closed", null));
    }
  }

  /** Hands inbound messages to whatever receiver is current. */
  private Receiver receiverView() {
    return new Receiver() {
      @Override
      public void onMessage(byte[] message) {
        Receiver target = receiver;
        if (target != null) {
          target.onMessage(message);
        }
      }

      @Override
      public void onConnectionLost(Throwable cause) {
        // Reported once per connection by dropped(), from the channel's close future.
      }
    };
  }

  private static SslHandler tlsHandler(SslContext tls, Channel ch, SocketAddress peer, boolean verifyHost) {
    SslHandler handler =
        peer instanceof InetSocketAddress inet
            ? tls.newHandler(ch.alloc(), inet.getHostString(), inet.getPort()) // SNI, and the name to verify
            : tls.newHandler(ch.alloc());
    if (verifyHost) {
      SSLEngine engine = handler.engine();
      SSLParameters parameters = engine.getSSLParameters();
      parameters.setEndpointIdentificationAlgorithm("HTTPS");
      engine.setSSLParameters(parameters);
    }
    return handler;
  }

  private static String describe(SocketAddress address) {
    if (address instanceof InetSocketAddress inet) {
      return inet.getHostString() + ":" + inet.getPort();
    }
    return String.valueOf(address);
  }
}
