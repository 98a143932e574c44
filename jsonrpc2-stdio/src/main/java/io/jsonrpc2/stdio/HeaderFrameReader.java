package io.jsonrpc2.stdio;

import io.jsonrpc2.message.ErrorCodes;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/** {@link StdioFraming#CONTENT_LENGTH}: headers, an empty line, then Content-Length bytes. */
final class HeaderFrameReader extends FrameReader {
  /** The most bytes of headers one message may have. */
  static final int MAX_HEADER_BYTES = 8192;

  HeaderFrameReader(InputStream in, int maxMessageSize, Runnable beforeBlocking) {
    super(in, maxMessageSize, beforeBlocking);
  }

  @Override
  byte @Nullable [] next() throws IOException {
    long length = -1;
    boolean anyHeader = false;
    int headerBytes = 0;
    while (true) {
      String line = headerLine(MAX_HEADER_BYTES - headerBytes, anyHeader);
      if (line == null) {
        return null;
      }
      headerBytes += line.length() + 2;
      if (line.isEmpty()) {
        if (!anyHeader) {
          continue; // a blank line between messages
        }
        break;
      }
      anyHeader = true;
      int colon = line.indexOf(':');
      if (colon <= 0) {
        throw violation("a header line that is not \"Name: value\": " + quote(line));
      }
      String name = line.substring(0, colon).trim();
      if (name.toLowerCase(Locale.ROOT).equals("content-length")) {
        if (length >= 0) {
          throw violation("two Content-Length headers");
        }
        length = parseLength(line.substring(colon + 1).trim());
      }
    }
    if (length < 0) {
      throw violation("a message without a Content-Length header");
    }
    if (length > maxMessageSize) {
      throw tooLarge("a message of " + length + " bytes");
    }
    byte[] message = new byte[(int) length];
    int buffered = Math.min(end - start, message.length);
    System.arraycopy(buffer, start, message, 0, buffered);
    start += buffered;
    readFully(message, buffered);
    return message;
  }

  /**
   * The next header line without its line end, or null when the input ended before any byte of a
   * message.
   */
  private @Nullable String headerLine(int maxBytes, boolean inHeaders) throws IOException {
    int searched = 0;
    while (true) {
      int newline = newlineFrom(start + searched);
      if (newline >= 0) {
        int stop = newline > start && buffer[newline - 1] == '\r' ? newline - 1 : newline;
        String line = new String(buffer, start, stop - start, StandardCharsets.ISO_8859_1);
        start = newline + 1;
        return line;
      }
      searched = end - start;
      if (searched >= maxBytes) {
        throw violation("headers of more than " + MAX_HEADER_BYTES + " bytes");
      }
      if (!fill(MAX_HEADER_BYTES + 2)) {
        if (start == end && !inHeaders) {
          return null;
        }
        throw violation("the input ended in the headers of a message");
      }
    }
  }

  private static long parseLength(String value) throws StdioFramingException {
    if (value.isEmpty()
        || value.length() > 18
        || !value.chars().allMatch(c -> c >= '0' && c <= '9')) {
      throw violation("a bad Content-Length " + quote(value) + ": not a decimal number of bytes");
    }
    return Long.parseLong(value);
  }

  private static StdioFramingException violation(String what) {
    return new StdioFramingException(ErrorCodes.PARSE_ERROR, what);
  }

  private static String quote(String text) {
    String shown = text.length() > 80 ? text.substring(0, 80) + "..." : text;
    return "\"" + shown + "\"";
  }
}
