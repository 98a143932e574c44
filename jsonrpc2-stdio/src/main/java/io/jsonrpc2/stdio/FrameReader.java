package io.jsonrpc2.stdio;

import io.jsonrpc2.message.ErrorCodes;
import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;
import org.jspecify.annotations.Nullable;

/**
 * Cuts whole messages out of an input stream, with a buffer that never grows past what the size
 * limit allows. Used by one thread.
 */
abstract class FrameReader {
  private static final int INITIAL_BUFFER = 8192;

  private final InputStream in;
  private final Runnable beforeBlocking;

  /** The largest message accepted, in bytes. */
  protected final int maxMessageSize;

  /** Read bytes not taken yet are {@code buffer[start..end)}. */
  protected byte[] buffer;

  protected int start;
  protected int end;

  FrameReader(InputStream in, int maxMessageSize, Runnable beforeBlocking) {
    this.in = in;
    this.maxMessageSize = maxMessageSize;
    this.beforeBlocking = beforeBlocking;
    this.buffer = new byte[INITIAL_BUFFER];
  }

  /**
   * The next whole message, or null when the input ended between messages.
   *
   * @throws StdioFramingException when the bytes break the framing
   * @throws IOException when reading fails
   */
  abstract byte @Nullable [] next() throws IOException;

  /**
   * Reads more bytes into the buffer, which may grow up to {@code capacity}; false at the end of
   * the input. The caller makes sure there is room: fewer than {@code capacity} bytes are buffered.
   */
  protected final boolean fill(int capacity) throws IOException {
    if (start > 0) {
      System.arraycopy(buffer, start, buffer, 0, end - start);
      end -= start;
      start = 0;
    }
    if (end == buffer.length) {
      buffer = Arrays.copyOf(buffer, (int) Math.min(capacity, 2L * buffer.length));
    }
    mayBlock();
    int read = in.read(buffer, end, buffer.length - end);
    if (read < 0) {
      return false;
    }
    end += read;
    return true;
  }

  /** Reads exactly {@code into.length - from} bytes into {@code into}, past the buffer. */
  protected final void readFully(byte[] into, int from) throws IOException {
    for (int at = from; at < into.length; ) {
      mayBlock();
      int read = in.read(into, at, into.length - at);
      if (read < 0) {
        throw new StdioFramingException(
            ErrorCodes.PARSE_ERROR,
            "the input ended after "
                + at
                + " of the "
                + into.length
                + " bytes its Content-Length announced");
      }
      at += read;
    }
  }

  private void mayBlock() {
    int available;
    try {
      available = in.available();
    } catch (IOException e) {
      available = 0;
    }
    if (available <= 0) {
      beforeBlocking.run();
    }
  }

  /** The index of the first {@code \n} in {@code buffer[from..end)}, or -1. */
  protected final int newlineFrom(int from) {
    for (int i = from; i < end; i++) {
      if (buffer[i] == '\n') {
        return i;
      }
    }
    return -1;
  }

  /** The error for a message of more than the limit. */
  protected final StdioFramingException tooLarge(String what) {
    return new StdioFramingException(
        ErrorCodes.INVALID_REQUEST,
        what + " is over the limit of " + maxMessageSize + " bytes per message");
  }
}
