package io.jsonrpc2.netty.netstring;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.ByteToMessageDecoder;
import io.netty.handler.codec.CorruptedFrameException;
import io.netty.handler.codec.TooLongFrameException;
import java.util.List;

/**
 * Splits a byte stream into netstrings, {@code <decimal length>:<payload>,}, and emits each payload
 * as a {@link ByteBuf} (a retained slice the next handler must release).
 *
 * <p>It reads exactly what Twisted's {@code NetstringReceiver} reads: the length is {@code 0} or a
 * decimal number without leading zeros, followed by a colon; the payload is followed by a comma;
 * {@code 0:,} is an empty payload. Anything else is fatal for the connection, because a netstring
 * stream cannot be resynchronised after a framing error: the decoder throws a {@link
 * CorruptedFrameException} (bad length prefix, missing comma) or a {@link TooLongFrameException}
 * (declared length above the limit, detected as soon as the digits say so, before the payload is
 * buffered) and then discards everything that follows. The handler that sees the exception is
 * expected to close the channel.
 *
 * <p>One instance per channel: it keeps state between reads and is not {@code @Sharable}.
 */
public final class NetstringDecoder extends ByteToMessageDecoder {
  /** Twisted's {@code NetstringReceiver.MAX_LENGTH}, the largest frame a txjason peer accepts. */
  public static final int TWISTED_MAX_LENGTH = 99_999;

  private final int maxFrameLength;
  private int expectedLength = -1;
  private boolean failed;

  /**
   * @param maxFrameLength the largest payload accepted, in bytes
   * @throws IllegalArgumentException if {@code maxFrameLength} is negative
   */
  public NetstringDecoder(int maxFrameLength) {
    if (maxFrameLength < 0) {
      throw new IllegalArgumentException(
          "maxFrameLength must not be negative, got " + maxFrameLength);
    }
    this.maxFrameLength = maxFrameLength;
  }

  public int maxFrameLength() {
    return maxFrameLength;
  }

  @Override
  protected void decode(ChannelHandlerContext ctx, ByteBuf in, List<Object> out) {
    while (!failed) {
      if (expectedLength < 0 && !readLength(in)) {
        return;
      }
      // payload plus its trailing comma
      if (in.readableBytes() < expectedLength + 1) {
        return;
      }
      int start = in.readerIndex();
      if (in.getByte(start + expectedLength) != ',') {
        fail(in);
        throw new CorruptedFrameException(
            "netstring of " + expectedLength + " bytes is not followed by ','");
      }
      out.add(in.retainedSlice(start, expectedLength));
      in.readerIndex(start + expectedLength + 1);
      expectedLength = -1;
    }
    in.skipBytes(in.readableBytes());
  }

  /** Reads {@code <digits>:} if it is all there; false when more bytes are needed. */
  private boolean readLength(ByteBuf in) {
    int start = in.readerIndex();
    int end = in.writerIndex();
    long length = 0;
    for (int i = start; i < end; i++) {
      byte b = in.getByte(i);
      int digits = i - start;
      if (b == ':') {
        if (digits == 0) {
          fail(in);
          throw new CorruptedFrameException("netstring length is empty");
        }
        expectedLength = (int) length;
        in.readerIndex(i + 1);
        return true;
      }
      if (b < '0' || b > '9') {
        fail(in);
        throw new CorruptedFrameException(
            "netstring length has a byte that is not a digit: 0x" + Integer.toHexString(b & 0xff));
      }
      if (digits == 1 && length == 0) {
        fail(in);
        throw new CorruptedFrameException("netstring length has a leading zero");
      }
      length = length * 10 + (b - '0');
      // No leading zeros, so the value grows with every digit and stops at the first one too many.
      if (length > maxFrameLength) {
        fail(in);
        throw new TooLongFrameException(
            "netstring length exceeds the limit of " + maxFrameLength + " bytes");
      }
    }
    return false;
  }

  private void fail(ByteBuf in) {
    failed = true;
    in.skipBytes(in.readableBytes());
  }
}
