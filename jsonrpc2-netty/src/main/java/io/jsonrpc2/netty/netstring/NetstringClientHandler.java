package io.jsonrpc2.netty.netstring;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.codec.DecoderException;
import io.netty.util.AttributeKey;
import java.io.IOException;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Hands each inbound netstring payload to the client's receiver; closes on any error, and marks the
 * channel with {@link #FRAMING_VIOLATION} when the peer sent what is no netstring.
 */
final class NetstringClientHandler extends ChannelInboundHandlerAdapter {
  private static final Logger LOG = LoggerFactory.getLogger(NetstringClientTransport.class);

  /** Why the connection was closed, when the peer broke the framing. */
  static final AttributeKey<String> FRAMING_VIOLATION =
      AttributeKey.valueOf(NetstringClientHandler.class, "framingViolation");

  private final Consumer<byte[]> receiver;
  private final String endpoint;

  NetstringClientHandler(Consumer<byte[]> receiver, String endpoint) {
    this.receiver = receiver;
    this.endpoint = endpoint;
  }

  @Override
  public void channelRead(ChannelHandlerContext ctx, Object msg) {
    if (!(msg instanceof ByteBuf frame)) {
      ctx.fireChannelRead(msg);
      return;
    }
    byte[] bytes;
    try {
      bytes = ByteBufUtil.getBytes(frame);
    } finally {
      frame.release();
    }
    receiver.accept(bytes);
  }

  @Override
  public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
    if (cause instanceof DecoderException && !(cause.getCause() instanceof IOException)) {
      LOG.warn("Closing the connection to {}: {}", endpoint, cause.getMessage());
      ctx.channel().attr(FRAMING_VIOLATION).set(String.valueOf(cause.getMessage()));
    } else {
      LOG.debug("Connection to {} failed: {}", endpoint, cause.toString());
    }
    ctx.close();
  }
}
