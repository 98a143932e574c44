package io.jsonrpc2.benchmarks.netstring;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import java.nio.charset.StandardCharsets;

/**
 * One load connection: keeps {@code inFlight} echo requests outstanding, each slot sending its next
 * request as soon as the reply to its last one arrives; writes are flushed once per read batch.
 * Request ids are {@code n * inFlight + slot}, so a reply's id names its slot even when replies
 * come out of order. Runs on one event loop, as does its {@link LoadStats}.
 */
final class LoadConnection extends ChannelInboundHandlerAdapter {
  private static final byte[] PREFIX =
      "{\"jsonrpc\":\"2.0\",\"method\":\"echo\",\"params\":[\"hello\"],\"id\":"
          .getBytes(StandardCharsets.US_ASCII);

  /**
   * Offset of the member name after "jsonrpc":"2.0": 'r' of result, 'm' of an echoed method, 'e' of
   * error.
   */
  private static final int SECOND_MEMBER = "{\"jsonrpc\":\"2.0\",\"".length();

  private final int inFlight;
  private final long[] sentAt;
  private final LoadStats stats;

  LoadConnection(int inFlight, LoadStats stats) {
    this.inFlight = inFlight;
    this.sentAt = new long[inFlight];
    this.stats = stats;
  }

  @Override
  public void channelActive(ChannelHandlerContext ctx) {
    for (int slot = 0; slot < inFlight; slot++) {
      send(ctx, slot);
    }
    ctx.flush();
  }

  @Override
  public void channelRead(ChannelHandlerContext ctx, Object msg) {
    ByteBuf reply = (ByteBuf) msg;
    long now = System.nanoTime();
    long id = trailingId(reply);
    boolean error =
        reply.readableBytes() <= SECOND_MEMBER
            || reply.getByte(reply.readerIndex() + SECOND_MEMBER) == 'e';
    reply.release();
    if (id < 0) {
      stats.record(0, true);
      return;
    }
    int slot = (int) (id % inFlight);
    stats.record(now - sentAt[slot], error);
    if (stats.running) {
      send(ctx, id + inFlight);
    }
  }

  @Override
  public void channelReadComplete(ChannelHandlerContext ctx) {
    ctx.flush();
  }

  private void send(ChannelHandlerContext ctx, long id) {
    int idDigits = digits(id);
    int payload = PREFIX.length + idDigits + 1;
    int lengthDigits = digits(payload);
    ByteBuf out = ctx.alloc().ioBuffer(lengthDigits + 1 + payload + 1);
    writeDecimal(out, payload, lengthDigits);
    out.writeByte(':');
    out.writeBytes(PREFIX);
    writeDecimal(out, id, idDigits);
    out.writeByte('}');
    out.writeByte(',');
    sentAt[(int) (id % inFlight)] = System.nanoTime();
    ctx.write(out, ctx.voidPromise());
  }

  /** The number just before the final '}' of a reply (replies end with "id":N}); -1 if none. */
  private static long trailingId(ByteBuf reply) {
    int end = reply.writerIndex() - 1;
    if (end < reply.readerIndex() || reply.getByte(end) != '}') {
      return -1;
    }
    long id = 0;
    long scale = 1;
    int i = end - 1;
    for (; i >= reply.readerIndex(); i--) {
      byte b = reply.getByte(i);
      if (b < '0' || b > '9') {
        break;
      }
      id += (b - '0') * scale;
      scale *= 10;
    }
    return i == end - 1 ? -1 : id;
  }

  private static void writeDecimal(ByteBuf out, long value, int digits) {
    int at = out.writerIndex();
    out.ensureWritable(digits);
    for (int i = digits - 1; i >= 0; i--, value /= 10) {
      out.setByte(at + i, (int) ('0' + value % 10));
    }
    out.writerIndex(at + digits);
  }

  private static int digits(long value) {
    int digits = 1;
    while (value >= 10) {
      value /= 10;
      digits++;
    }
    return digits;
  }
}
