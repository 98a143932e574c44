package io.jsonrpc2.internal;

import com.fasterxml.jackson.core.util.BufferRecycler;
import java.io.OutputStream;
import java.util.Arrays;

/**
 * Where a reply is written: one buffer taken from Jackson's buffer recycler, grown when a reply
 * needs more, and handed back afterwards (up to {@link #MAX_KEPT}) so that the next reply on this
 * thread writes into it without allocating. The reply itself is the one array made per message.
 *
 * <p>Not thread-safe; used for one reply and then {@link #release released}.
 */
final class ReplyOutput extends OutputStream {
  /** A buffer grown beyond this is dropped rather than kept for the thread's next replies. */
  static final int MAX_KEPT = 256 * 1024;

  private final BufferRecycler recycler;
  private final byte[] first;
  private byte[] buffer;
  private int size;

  ReplyOutput(BufferRecycler recycler) {
    this.recycler = recycler;
    this.first = recycler.allocByteBuffer(BufferRecycler.BYTE_WRITE_CONCAT_BUFFER);
    this.buffer = first;
  }

  @Override
  public void write(int b) {
    ensureRoom(1);
    buffer[size++] = (byte) b;
  }

  @Override
  public void write(byte[] bytes, int offset, int length) {
    ensureRoom(length);
    System.arraycopy(bytes, offset, buffer, size, length);
    size += length;
  }

  /** Makes room for {@code more} bytes and returns the buffer to write them at {@link #size()}. */
  byte[] room(int more) {
    ensureRoom(more);
    return buffer;
  }

  /** How many bytes were written. */
  int size() {
    return size;
  }

  /** Records that the buffer from {@link #room} was filled up to {@code newSize}. */
  void size(int newSize) {
    size = newSize;
  }

  /** Writes bytes that are already JSON. */
  void append(byte[] json) {
    write(json, 0, json.length);
  }

  private void ensureRoom(int more) {
    int needed = size + more;
    if (needed < 0) {
      throw new IllegalStateException("a reply cannot exceed 2 GiB");
    }
    if (needed > buffer.length) {
      int grown = buffer.length * 2;
      buffer = Arrays.copyOf(buffer, grown < needed || grown < 0 ? needed : grown);
    }
  }

  /** Forgets what was written, keeping the buffer. */
  void reset() {
    size = 0;
  }

  /** A copy of what was written. */
  byte[] toByteArray() {
    return Arrays.copyOf(buffer, size);
  }

  /** Hands the buffer back to the recycler; this object is unusable afterwards. */
  void release() {
    recycler.releaseByteBuffer(
        BufferRecycler.BYTE_WRITE_CONCAT_BUFFER, buffer.length <= MAX_KEPT ? buffer : first);
    buffer = null;
  }
}
