package io.jsonrpc2.netty.netstring;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.MessageToByteEncoder;

/**
 * Writes each outbound {@link ByteBuf} as one netstring, {@code <decimal length>:<payload>,}, into
 * a single buffer sized exactly for it, so a frame is one write. Stateless and {@code @Sharable};
 * it releases the message it encodes.
 */
@ChannelHandler.Sharable
public final class NetstringEncoder extends MessageToByteEncoder<ByteBuf> {
  /** The one instance a pipeline needs. */
  public static final NetstringEncoder INSTANCE = new NetstringEncoder();

  private NetstringEncoder() {
    super(ByteBuf.class);
  }

  @Override
  protected ByteBuf allocateBuffer(ChannelHandlerContext ctx, ByteBuf msg, boolean preferDirect) {
    int size = frameSize(msg.readableBytes());
    return preferDirect ? ctx.alloc().ioBuffer(size) : ctx.alloc().heapBuffer(size);
  }

  @Override
  protected void encode(ChannelHandlerContext ctx, ByteBuf msg, ByteBuf out) {
    writeLength(out, msg.readableBytes());
    out.writeBytes(msg, msg.readerIndex(), msg.readableBytes());
    out.writeByte(',');
  }

  /** The bytes a netstring of {@code payloadLength} bytes takes on the wire. */
  public static int frameSize(int payloadLength) {
    return digits(payloadLength) + payloadLength + 2;
  }

  /** Writes {@code length} in decimal and the colon after it. */
  static void writeLength(ByteBuf out, int length) {
    int digits = digits(length);
    int at = out.writerIndex() + digits;
    out.ensureWritable(digits + 1);
    for (int value = length, i = at - 1; i >= at - digits; i--, value /= 10) {
      out.setByte(i, '0' + value % 10);
    }
    out.setByte(at, ':');
    out.writerIndex(at + 1);
  }

  private static int digits(int value) {
    int digits = 1;
    while (value >= 10) {
      value /= 10;
      digits++;
    }
    return digits;
  }
}
