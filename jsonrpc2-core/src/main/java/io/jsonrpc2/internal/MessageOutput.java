package io.jsonrpc2.internal;

import com.fasterxml.jackson.core.util.BufferRecycler;
import java.io.OutputStream;
import java.util.Arrays;

/**
 * Where an outgoing message (a reply, or a client's request) is written: one buffer taken from
 * Jackson's buffer recycler, grown when a message needs more, and handed back afterwards (up to
 * {@link #MAX_KEPT}) so that the next message on this thread is written into it without allocating.
 * The message itself is the one array made.
 *
 * <p>Not thread-safe; used for one message and then {@link #release released}.
 */
final class MessageOutput extends OutputStream {
  /** A buffer grown beyond this is dropped rather than kept for the thread's next messages. */
  static final int MAX_KEPT = 256 * 1024;

  private final BufferRecycler recycler;
  private static final byte[] RELEASED = new byte[0];

  private final byte[] first;
  private byte[] buffer;
  private int size;

  MessageOutput(BufferRecycler recycler) {
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

  private void ensureRoom(int more) {
    int needed = size + more;
    if (needed < 0) {
      throw new IllegalStateException("a message cannot exceed 2 GiB");
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
    // Never again the recycled array: the recycler may hand it to the next message already.
    buffer = RELEASED;
    size = 0;
  }
}
