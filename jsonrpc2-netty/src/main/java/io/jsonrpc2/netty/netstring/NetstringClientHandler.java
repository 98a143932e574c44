package io.jsonrpc2.netty.netstring;

import io.jsonrpc2.connection.HandOffs;
import io.jsonrpc2.connection.MessageChannel;
import io.jsonrpc2.netty.NettyMessageChannel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.DecoderException;
import io.netty.util.AttributeKey;
import java.io.IOException;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The client's end of a netstring pipeline: each inbound payload goes to the client's receiver, and
 * the client's messages go out through {@link NettyMessageChannel#send} (in order, whichever thread
 * sends). Closes on any error, and marks the channel with {@link #FRAMING_VIOLATION} when the peer
 * sent what is no netstring. The transport hears of the close through the channel's close future.
 */
final class NetstringClientHandler extends NettyMessageChannel {
  private static final Logger LOG = LoggerFactory.getLogger(NetstringClientTransport.class);

  /** Why the connection was closed, when the peer broke the framing. */
  static final AttributeKey<String> FRAMING_VIOLATION =
      AttributeKey.valueOf(NetstringClientHandler.class, "framingViolation");

  private final String endpoint;

  NetstringClientHandler(Consumer<byte[]> receiver, String endpoint) {
    this.endpoint = endpoint;
    start(
        new MessageChannel.Listener() {
          // The calls the server makes on this connection in one event-loop turn go to the
          // client's service executor together, as a server's do.
          private final HandOffs.Turn turn = new HandOffs.Turn();

          @Override
          public void onMessage(byte[] message) {
            turn.begin();
            receiver.accept(message);
          }

          @Override
          public void onReadComplete() {
            turn.end();
          }

          @Override
          public void onClosed(@Nullable Throwable cause) {}
        });
  }

  @Override
  public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
    if (cause instanceof DecoderException && !(cause.getCause() instanceof IOException)) {
      LOG.warn("Closing the connection to {}: {}", endpoint, cause.getMessage());
      ctx.channel().attr(FRAMING_VIOLATION).set(String.valueOf(cause.getMessage()));
    } else {
      LOG.debug("Connection to {} failed: {}", endpoint, cause.toString());
    }
    super.exceptionCaught(ctx, cause);
  }
}
