package io.jsonrpc2.benchmarks.netstring;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.util.ReferenceCountUtil;
import java.nio.charset.StandardCharsets;
import org.jspecify.annotations.Nullable;

/**
 * One load connection: keeps {@code inFlight} echo requests outstanding, each slot sending its next
 * request as soon as the reply to its last one arrives; writes are flushed once per read batch.
 * Request ids are {@code n * inFlight + slot}, so a reply's id names its slot even when replies
 * come out of order; a reply whose id is not the one its slot waits for counts as an error and
 * sends nothing. Runs on one event loop, as does its {@link LoadStats}.
 *
 * <p>Speaks netstrings; a subclass frames requests and unwraps replies for another transport by
 * overriding {@link #frame} and {@link #content}, and may start sending later than {@link
 * #channelActive} by calling {@link #start} itself.
 */
public class LoadConnection extends ChannelInboundHandlerAdapter {
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
  private final long[] sentIds;
  private final LoadStats stats;

  /** A connection keeping {@code inFlight} requests outstanding, counting into {@code stats}. */
  public LoadConnection(int inFlight, LoadStats stats) {
    this.inFlight = inFlight;
    this.sentAt = new long[inFlight];
    this.sentIds = new long[inFlight];
    this.stats = stats;
  }

  @Override
  public void channelActive(ChannelHandlerContext ctx) throws Exception {
    start(ctx);
    super.channelActive(ctx);
  }

  /** Sends the first request of every slot; call once, when the channel can carry requests. */
  protected final void start(ChannelHandlerContext ctx) {
    for (int slot = 0; slot < inFlight; slot++) {
      send(ctx, slot);
    }
    ctx.flush();
  }

  @Override
  public void channelRead(ChannelHandlerContext ctx, Object msg) throws Exception {
    ByteBuf reply = content(msg);
    if (reply == null) {
      super.channelRead(ctx, msg);
      return;
    }
    long now = System.nanoTime();
    long id = trailingId(reply);
    boolean error =
        reply.readableBytes() <= SECOND_MEMBER
            || reply.getByte(reply.readerIndex() + SECOND_MEMBER) == 'e';
    ReferenceCountUtil.release(msg);
    int slot = id < 0 ? 0 : (int) (id % inFlight);
    if (id < 0 || sentIds[slot] != id) {
      stats.record(0, true);
      return;
    }
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
    int slot = (int) (id % inFlight);
    sentIds[slot] = id;
    sentAt[slot] = System.nanoTime();
    ctx.write(frame(ctx, id), ctx.voidPromise());
  }

  /** The message carrying request {@code id}: here a netstring. */
  protected Object frame(ChannelHandlerContext ctx, long id) {
    int payload = requestLength(id);
    int lengthDigits = digits(payload);
    ByteBuf out = ctx.alloc().ioBuffer(lengthDigits + 1 + payload + 1);
    writeDecimal(out, payload, lengthDigits);
    out.writeByte(':');
    writeRequest(out, id);
    out.writeByte(',');
    return out;
  }

  /**
   * The JSON of a reply read from the channel, or null for a message that is not a reply (such as a
   * control frame), which passes on down the pipeline.
   */
  protected @Nullable ByteBuf content(Object msg) {
    return msg instanceof ByteBuf reply ? reply : null;
  }

  /** The length in bytes of the JSON of request {@code id}. */
  protected static int requestLength(long id) {
    return PREFIX.length + digits(id) + 1;
  }

  /** Writes the JSON of request {@code id}: {@code requestLength(id)} bytes. */
  protected static void writeRequest(ByteBuf out, long id) {
    out.writeBytes(PREFIX);
    writeDecimal(out, id, digits(id));
    out.writeByte('}');
  }

  /**
   * The number just before the final '}' of a message (replies end with "id":N}); -1 if none. Reads
   * without moving the buffer's indexes.
   */
  public static long trailingId(ByteBuf reply) {
    int end = reply.writerIndex() - 1;
    if (end < reply.readerIndex() || reply.getByte(end) != '}') {
      return -1;
    }
    long id = 0;
    long scale = 1;
    int i = end - 1;
    for (; i >= reply.readerIndex() && i > end - 19; i--) {
      byte b = reply.getByte(i);
      if (b < '0' || b > '9') {
        break;
      }
      id += (b - '0') * scale;
      scale *= 10;
    }
    return i == end - 1 ? -1 : id;
  }

  /** Writes {@code value} in decimal as exactly {@code digits} digits. */
  public static void writeDecimal(ByteBuf out, long value, int digits) {
    int at = out.writerIndex();
    out.ensureWritable(digits);
    for (int i = digits - 1; i >= 0; i--, value /= 10) {
      out.setByte(at + i, (int) ('0' + value % 10));
    }
    out.writerIndex(at + digits);
  }

  /** The number of decimal digits of a non-negative {@code value}. */
  public static int digits(long value) {
    int digits = 1;
    while (value >= 10) {
      value /= 10;
      digits++;
    }
    return digits;
  }
}
