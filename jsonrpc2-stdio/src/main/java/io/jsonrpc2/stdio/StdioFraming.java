package io.jsonrpc2.stdio;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;

/** How JSON-RPC messages are cut out of a byte stream and written into one. */
public enum StdioFraming {
  /**
   * One message per line, the convention of the Model Context Protocol's stdio transport. Lines end
   * with {@code \n} or {@code \r\n}; empty lines are skipped; a last line without a line end is a
   * message too. Written messages end with {@code \n}. A message to send that contains a raw
   * newline is refused (the compact JSON the project writes never does).
   */
  NEWLINE {
    @Override
    FrameReader reader(InputStream in, int maxMessageSize, Runnable beforeBlocking) {
      return new LineFrameReader(in, maxMessageSize, beforeBlocking);
    }

    @Override
    void write(OutputStream out, byte[] message) throws IOException {
      out.write(message);
      out.write('\n');
    }

    @Override
    void checkSendable(byte[] message) {
      for (byte b : message) {
        if (b == '\n') {
          throw new IllegalArgumentException(
              "a message with a raw newline cannot be sent one per line; write compact JSON");
        }
      }
    }
  },

  /**
   * The base protocol of the Language Server Protocol: a header section of {@code Name: value}
   * lines ended by {@code \r\n}, names in any case, that must have a {@code Content-Length}
   * (others, such as {@code Content-Type}, are ignored), an empty line, then exactly that many
   * bytes of message. Written messages have the {@code Content-Length} header only.
   */
  CONTENT_LENGTH {
    @Override
    FrameReader reader(InputStream in, int maxMessageSize, Runnable beforeBlocking) {
      return new HeaderFrameReader(in, maxMessageSize, beforeBlocking);
    }

    @Override
    void write(OutputStream out, byte[] message) throws IOException {
      out.write(
          ("Content-Length: " + message.length + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
      out.write(message);
    }

    @Override
    void checkSendable(byte[] message) {}
  };

  /**
   * A reader of the frames on {@code in}.
   *
   * @param beforeBlocking run before a read of {@code in} that may block, on the reading thread
   */
  abstract FrameReader reader(InputStream in, int maxMessageSize, Runnable beforeBlocking);

  /** Writes one framed message; the caller flushes. */
  abstract void write(OutputStream out, byte[] message) throws IOException;

  /**
   * @throws IllegalArgumentException when this framing cannot carry {@code message}
   */
  abstract void checkSendable(byte[] message);
}
