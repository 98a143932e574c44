package io.jsonrpc2.netty.netstring;

import io.jsonrpc2.JsonRpcService;
import io.jsonrpc2.connection.ConnectionGroup;
import io.jsonrpc2.connection.JsonRpcConnection;
import io.jsonrpc2.netty.NettyMessageChannel;
import io.jsonrpc2.server.TransportContext;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.CorruptedFrameException;
import io.netty.handler.codec.DecoderException;
import io.netty.handler.codec.TooLongFrameException;
import io.netty.handler.ssl.SslHandler;
import io.netty.handler.ssl.SslHandshakeCompletionEvent;
import io.netty.handler.timeout.IdleStateEvent;
import java.io.IOException;
import java.security.Principal;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLPeerUnverifiedException;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The JSON-RPC end of a server pipeline: one {@link JsonRpcConnection} per accepted connection,
 * over the channel's netstring frames. The connection serves the peer's calls (and carries calls
 * back to it), caps its calls in flight by pausing reads, and cancels them when the connection
 * goes; this handler adds the netstring server's own rules: an idle connection with nothing in
 * flight is closed, and framing errors are logged before the connection closes (WARN, logger of
 * this class).
 *
 * <p>One instance per channel, created by {@link NetstringServer}'s initializer.
 */
final class NetstringServerHandler extends NettyMessageChannel {
  private static final Logger LOG = LoggerFactory.getLogger(NetstringServerHandler.class);

  private final JsonRpcService service;
  private final ConnectionGroup tracker;
  private final int maxInFlight;
  private @Nullable JsonRpcConnection connection;

  NetstringServerHandler(JsonRpcService service, ConnectionGroup tracker, int maxInFlight) {
    this.service = service;
    this.tracker = tracker;
    this.maxInFlight = maxInFlight;
  }

  @Override
  public void channelActive(ChannelHandlerContext ctx) {
    // With TLS the connection opens once the handshake is done, so that it knows the peer's
    // certificate; no message can come before that.
    if (ctx.pipeline().get(SslHandler.class) == null) {
      open(ctx);
    }
    ctx.fireChannelActive();
  }

  private void open(ChannelHandlerContext ctx) {
    connection =
        tracker.open(
            JsonRpcConnection.builder(this)
                .service(service)
                .context(
                    TransportContext.builder("netstring")
                        .remoteAddress(ctx.channel().remoteAddress())
                        .principal(peerPrincipal(ctx))
                        .attribute("localAddress", ctx.channel().localAddress())
                        .build())
                .maxInFlight(maxInFlight));
  }

  private static @Nullable Principal peerPrincipal(ChannelHandlerContext ctx) {
    SslHandler tls = ctx.pipeline().get(SslHandler.class);
    if (tls == null) {
      return null;
    }
    try {
      return tls.engine().getSession().getPeerPrincipal();
    } catch (SSLPeerUnverifiedException e) {
      return null; // TLS without a client certificate
    }
  }

  @Override
  public void userEventTriggered(ChannelHandlerContext ctx, Object event) {
    if (event instanceof SslHandshakeCompletionEvent handshake && handshake.isSuccess()) {
      open(ctx);
    }
    JsonRpcConnection open = connection;
    if (event instanceof IdleStateEvent && (open == null || open.inFlightCount() == 0)) {
      LOG.info("Closing idle netstring connection from {}", ctx.channel().remoteAddress());
      ctx.close();
      return;
    }
    ctx.fireUserEventTriggered(event);
  }

  @Override
  public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
    Throwable reason =
        cause instanceof DecoderException && cause.getCause() != null ? cause.getCause() : cause;
    if (reason instanceof CorruptedFrameException || reason instanceof TooLongFrameException) {
      LOG.warn(
          "Closing netstring connection from {}: {}",
          ctx.channel().remoteAddress(),
          reason.getMessage());
    } else if (reason instanceof SSLException) {
      LOG.info("TLS with {} failed: {}", ctx.channel().remoteAddress(), reason.getMessage());
    } else if (reason instanceof IOException) {
      LOG.debug(
          "Netstring connection from {} failed: {}",
          ctx.channel().remoteAddress(),
          reason.toString());
    } else {
      LOG.warn("Closing netstring connection from {}", ctx.channel().remoteAddress(), reason);
    }
    super.exceptionCaught(ctx, cause);
  }
}
