package io.jsonrpc2.netty.netstring;

import static java.util.Objects.requireNonNull;

import io.jsonrpc2.client.ClientTransport;
import io.jsonrpc2.client.ConnectionLostException;
import io.jsonrpc2.client.JsonRpcClientException;
import io.jsonrpc2.client.OutboundMessage;
import io.jsonrpc2.client.Reconnector;
import io.jsonrpc2.client.TransportException;
import io.jsonrpc2.client.TransportReply;
import io.jsonrpc2.netty.NettyTransport;
import io.netty.bootstrap.Bootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslHandler;
import io.netty.util.concurrent.DefaultThreadFactory;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLParameters;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A connection {@link ClientTransport} that speaks JSON-RPC over netstrings on one TCP (or TLS)
 * connection, like txjason's {@code JSONRPCClientFactory}.
 *
 * <p>There is no connect step: the first {@link #send} connects, and after the connection drops the
 * next {@code send} connects again. Consecutive failed attempts are spaced out by a backoff that
 * doubles from {@code reconnectBackoff} up to {@code maxReconnectBackoff}; messages sent meanwhile
 * wait for the next attempt and fail with a {@link TransportException} if it fails. Connects,
 * disconnects and reconnects are logged (INFO/WARN, logger of this class). When the connection
 * drops, every call waiting for a reply fails at once with a {@link ConnectionLostException}
 * (through {@link Receiver#onConnectionLost}); nothing is ever sent again by the transport.
 *
 * <p>The connection carries calls both ways: what the server sends with a {@code method} goes to
 * the service given to {@link io.jsonrpc2.JsonRpcClient.Builder#service} (answered -32601 without
 * one), and the answers go back on the same connection.
 *
 * <p>Thread-safe; any number of callers share the connection. Replies are delivered on the
 * transport's I/O thread, so code chained onto a call's future without an {@code *Async} stage runs
 * there and must not block.
 */
public final class NetstringClientTransport implements ClientTransport {
  private static final Logger LOG = LoggerFactory.getLogger(NetstringClientTransport.class);

  private final String endpoint;
  private final EventLoopGroup group;
  private final boolean ownsGroup;
  private final Reconnector<Channel> connection;
  private volatile @Nullable Receiver receiver;

  private NetstringClientTransport(NetstringClientBuilder builder) {
    SocketAddress address = builder.address;
    SslContext tls = builder.sslContext();
    this.endpoint = (tls != null ? "netstring+tls://" : "netstring://") + describe(address);
    this.ownsGroup = builder.group == null;
    NettyTransport transport =
        builder.transport != null
            ? builder.transport
            : ownsGroup ? NettyTransport.best() : NettyTransport.NIO;
    this.group =
        ownsGroup
            ? transport.newEventLoopGroup(
                1, new DefaultThreadFactory("jsonrpc2-netstring-client", true))
            : requireNonNull(builder.group);
    boolean verifyHost = builder.hostnameVerification && !builder.trustAll;
    int maxFrameLength = builder.maxFrameLength;
    Bootstrap bootstrap =
        new Bootstrap()
            .group(group)
            .channel(transport.channelType())
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
                    ch.pipeline()
                        .addLast(
                            "jsonrpc",
                            new NetstringClientHandler(
                                NetstringClientTransport.this::deliver, endpoint));
                  }
                });
    this.connection =
        new Reconnector<>(
            endpoint,
            LOG,
            builder.reconnectBackoff,
            builder.maxReconnectBackoff,
            new ChannelLink(bootstrap, address),
            this::dropped);
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
    Channel ready = connection.current();
    if (ready != null) {
      return write(ready, message);
    }
    return connection.open().thenCompose(connected -> write(connected, message));
  }

  @Override
  public boolean isRequestResponse() {
    return false;
  }

  @Override
  public String endpoint() {
    return endpoint;
  }

  /** Closes the open connection, if any; the next message opens a new one. */
  @Override
  public void abort(JsonRpcClientException cause) {
    connection.abort();
  }

  /**
   * Stops reading the open connection (the client serves as many of the peer's calls as it may).
   */
  @Override
  public void pauseReading() {
    Channel open = connection.current();
    if (open != null) {
      open.config().setAutoRead(false);
    }
  }

  @Override
  public void resumeReading() {
    Channel open = connection.current();
    if (open != null) {
      open.config().setAutoRead(true);
    }
  }

  /** True while a connection is open. */
  public boolean isConnected() {
    return connection.current() != null;
  }

  /** Closes the connection and, unless the event loop group was given, its thread. */
  @Override
  public void close() {
    if (connection.isClosed()) {
      return;
    }
    connection.close();
    if (ownsGroup) {
      group.shutdownGracefully(0, 2, TimeUnit.SECONDS);
    }
  }

  private CompletableFuture<TransportReply> write(Channel target, OutboundMessage message) {
    NetstringClientHandler handler = target.pipeline().get(NetstringClientHandler.class);
    if (handler == null) {
      return CompletableFuture.failedFuture(
          new ConnectionLostException(
              "connection to " + endpoint + " closed before the message was sent", null));
    }
    return handler.send(message.payload()).thenApply(written -> (TransportReply) null);
  }

  private void deliver(byte[] message) {
    Receiver target = receiver;
    if (target != null) {
      target.onMessage(message);
    }
  }

  private void dropped(Channel closed) {
    Receiver target = receiver;
    if (target != null) {
      String violation = closed.attr(NetstringClientHandler.FRAMING_VIOLATION).get();
      target.onConnectionLost(
          new ConnectionLostException(
              violation == null
                  ? "connection to " + endpoint + " closed"
                  : "connection to "
                      + endpoint
                      + " closed: the peer does not speak netstrings ("
                      + violation
                      + ")",
              null));
    }
  }

  private static SslHandler tlsHandler(
      SslContext tls, Channel ch, SocketAddress peer, boolean verifyHost) {
    SslHandler handler =
        peer instanceof InetSocketAddress inet
            ? tls.newHandler(
                ch.alloc(), inet.getHostString(), inet.getPort()) // SNI, and the name to verify
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
