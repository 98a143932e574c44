package io.jsonrpc2.netty.http;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelDuplexHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelPromise;
import io.netty.handler.codec.TooLongFrameException;
import io.netty.handler.codec.http.websocketx.BinaryWebSocketFrame;
import io.netty.handler.codec.http.websocketx.CloseWebSocketFrame;
import io.netty.handler.codec.http.websocketx.CorruptedWebSocketFrameException;
import io.netty.handler.codec.http.websocketx.PingWebSocketFrame;
import io.netty.handler.codec.http.websocketx.PongWebSocketFrame;
import io.netty.handler.codec.http.websocketx.TextWebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocketCloseStatus;
import io.netty.handler.codec.http.websocketx.WebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocketServerHandshaker;
import io.netty.handler.timeout.IdleStateEvent;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Between whole WebSocket messages and the JSON-RPC connection's {@code ByteBuf}s: a text message
 * goes on as its bytes and each message written goes out as one text frame. It answers pings, pings
 * a quiet peer and closes one that does not answer, refuses binary messages (1003) and messages
 * over the limit (1009), and ends every close with a close frame. One instance per channel, event
 * loop only.
 */
final class WebSocketFrameHandler extends ChannelDuplexHandler {
  private static final Logger LOG = LoggerFactory.getLogger("io.jsonrpc2.netty.websocket");

  /** How long a close frame sent for a fault waits for the peer's before the connection closes. */
  private static final long CLOSE_LINGER_MILLIS = 2000;

  private final WebSocketServerHandshaker handshaker;
  private boolean awaitingPong;
  private boolean closeSent;

  WebSocketFrameHandler(WebSocketServerHandshaker handshaker) {
    this.handshaker = handshaker;
  }

  @Override
  public void channelRead(ChannelHandlerContext ctx, Object msg) {
    awaitingPong = false; // anything the peer sends shows it is there
    if (msg instanceof TextWebSocketFrame text) {
      ctx.fireChannelRead(text.content());
    } else if (msg instanceof PingWebSocketFrame ping) {
      ctx.writeAndFlush(new PongWebSocketFrame(ping.content()), ctx.voidPromise());
    } else if (msg instanceof CloseWebSocketFrame close) {
      if (closeSent) {
        close.release();
        ctx.close();
      } else {
        closeSent = true;
        handshaker.close(ctx, close); // echoes the peer's close frame, then closes
      }
    } else if (msg instanceof BinaryWebSocketFrame binary) {
      binary.release();
      closeWith(
          ctx,
          WebSocketCloseStatus.INVALID_MESSAGE_TYPE,
          "binary messages are not JSON-RPC: send text");
    } else if (msg instanceof WebSocketFrame frame) {
      frame.release(); // pongs, and nothing else after the aggregator
    } else {
      ctx.fireChannelRead(msg);
    }
  }

  @Override
  public void write(ChannelHandlerContext ctx, Object msg, ChannelPromise promise) {
    ctx.write(msg instanceof ByteBuf message ? new TextWebSocketFrame(message) : msg, promise);
  }

  /** A close from this side, for any reason, tells the peer with a close frame first. */
  @Override
  public void close(ChannelHandlerContext ctx, ChannelPromise promise) {
    if (closeSent || !ctx.channel().isActive()) {
      ctx.close(promise);
      return;
    }
    closeSent = true;
    ctx.writeAndFlush(new CloseWebSocketFrame(WebSocketCloseStatus.ENDPOINT_UNAVAILABLE))
        .addListener(done -> ctx.close(promise));
  }

  @Override
  public void userEventTriggered(ChannelHandlerContext ctx, Object event) {
    if (!(event instanceof IdleStateEvent)) {
      ctx.fireUserEventTriggered(event);
    } else if (closeSent) {
      return; // closing already: idle events of the linger are no news
    } else if (awaitingPong) {
      LOG.info("Closing WebSocket from {}: no answer to a ping", ctx.channel().remoteAddress());
      closeWith(ctx, WebSocketCloseStatus.ENDPOINT_UNAVAILABLE, "no answer to a ping");
    } else {
      awaitingPong = true;
      ctx.writeAndFlush(new PingWebSocketFrame(), ctx.voidPromise());
    }
  }

  @Override
  public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
    if (cause instanceof TooLongFrameException) {
      LOG.info("Closing WebSocket from {}: {}", ctx.channel().remoteAddress(), cause.getMessage());
      closeWith(ctx, WebSocketCloseStatus.MESSAGE_TOO_BIG, "message too big");
    } else if (cause instanceof CorruptedWebSocketFrameException corrupt) {
      // The decoder drops everything after a broken frame (1002) or one over the limit (1009).
      LOG.info("Closing WebSocket from {}: {}", ctx.channel().remoteAddress(), cause.getMessage());
      closeWith(ctx, corrupt.closeStatus(), corrupt.closeStatus().reasonText());
    } else {
      ctx.fireExceptionCaught(cause);
    }
  }

  private void closeWith(ChannelHandlerContext ctx, WebSocketCloseStatus status, String reason) {
    if (closeSent) {
      return;
    }
    closeSent = true;
    ctx.writeAndFlush(new CloseWebSocketFrame(status.code(), reason), ctx.voidPromise());
    // Closing at once, with what the peer sent still unread, would reset the connection and could
    // lose the close frame: the peer gets time to answer it (which closes) or to close itself.
    ctx.executor().schedule(() -> ctx.close(), CLOSE_LINGER_MILLIS, TimeUnit.MILLISECONDS);
  }
}
