package io.jsonrpc2.netty.http;

import io.netty.buffer.ByteBuf;
import java.util.Arrays;

/**
 * Gathers a request body into one array, copying each chunk once: exactly sized when the length was
 * declared, growing by doubling (up to the limit) for chunked bodies.
 */
final class BodyBuffer {
  private static final int MAX_ARRAY = Integer.MAX_VALUE - 8;
  private static final byte[] EMPTY = new byte[0];

  private final long max;
  private byte[] data;
  private int size;

  /**
   * @param declared the Content-Length, or -1 when unknown; already checked against {@code max}
   * @param max the most bytes accepted
   */
  BodyBuffer(long declared, long max) {
    this.max = Math.min(max, MAX_ARRAY);
    this.data =
        declared == 0 ? EMPTY : new byte[(int) Math.min(declared >= 0 ? declared : 1024, this.max)];
  }

  /** Appends the readable bytes of {@code chunk}; false, appending nothing, if over the limit. */
  boolean append(ByteBuf chunk) {
    int length = chunk.readableBytes();
    if (size + (long) length > max) {
      return false;
    }
    if (size + length > data.length) {
      data = Arrays.copyOf(data, (int) Math.min(Math.max(size + length, data.length * 2L), max));
    }
    chunk.getBytes(chunk.readerIndex(), data, size, length);
    size += length;
    return true;
  }

  /** The body; the buffer's own array when it is exactly full, as it is for a declared length. */
  byte[] toArray() {
    return size == data.length ? data : Arrays.copyOf(data, size);
  }
}
