package io.jsonrpc2.stdio;

import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;
import org.jspecify.annotations.Nullable;

/** {@link StdioFraming#NEWLINE}: one message per line. */
final class LineFrameReader extends FrameReader {
  LineFrameReader(InputStream in, int maxMessageSize, Runnable beforeBlocking) {
    super(in, maxMessageSize, beforeBlocking);
  }

  @Override
  byte @Nullable [] next() throws IOException {
    // How far the buffered bytes have been searched for a newline, from start.
    int searched = 0;
    while (true) {
      int newline = newlineFrom(start + searched);
      if (newline >= 0) {
        byte[] line = take(newline);
        start = newline + 1;
        searched = 0;
        if (line.length > 0) {
          return line;
        }
        continue;
      }
      searched = end - start;
      // A line of the largest size may still have its \r to come.
      if (searched > maxMessageSize + 1) {
        throw tooLarge("a line of more than " + maxMessageSize + " bytes");
      }
      if (!fill(maxMessageSize + 2)) {
        if (start == end) {
          return null;
        }
        byte[] last = take(end);
        start = end;
        return last.length > 0 ? last : null;
      }
    }
  }

  /** The line from start to {@code lineEnd}, without a {@code \r} before it. */
  private byte[] take(int lineEnd) throws IOException {
    int stop = lineEnd > start && buffer[lineEnd - 1] == '\r' ? lineEnd - 1 : lineEnd;
    if (stop - start > maxMessageSize) {
      throw tooLarge("a line of " + (stop - start) + " bytes");
    }
    return Arrays.copyOfRange(buffer, start, stop);
  }
}
