package io.jsonrpc2.internal;

import io.jsonrpc2.message.ErrorObject;
import io.jsonrpc2.message.Id;
import java.nio.charset.StandardCharsets;

/**
 * Writes the common replies (a null, string, int, long or boolean result, or an error without
 * data) as bytes directly, the way Jackson's UTF-8 generator with its default settings writes
 * them: member order {@code jsonrpc}, {@code result}/{@code error}, {@code id}; no spaces; the
 * quote, the backslash and control characters escaped (short escapes where JSON has them,
 * six-character unicode escapes otherwise); other characters as UTF-8, except surrogates, which
 * the generator writes as unicode escapes too.
 *
 * <p>{@link ResponseEncoder} uses it only after checking, when it is built, that it writes the
 * same bytes as the generator of the configured mapper; otherwise every reply goes through the
 * generator.
 */
final class PlainReplyWriter {
  private static final byte[] HEX = "0123456789ABCDEF".getBytes(StandardCharsets.US_ASCII);
  private static final byte[] RESULT_HEAD = ascii("{\"jsonrpc\":\"2.0\",\"result\":");
  private static final byte[] ERROR_HEAD = ascii("{\"jsonrpc\":\"2.0\",\"error\":{\"code\":");
  private static final byte[] MESSAGE = ascii(",\"message\":");
  private static final byte[] ID = ascii(",\"id\":");
  private static final byte[] ERROR_ID = ascii("},\"id\":");
  private static final byte[] NULL = ascii("null");
  private static final byte[] TRUE = ascii("true");
  private static final byte[] FALSE = ascii("false");
  private static final byte[] MIN_LONG = ascii(Long.toString(Long.MIN_VALUE));

  /** Per ASCII character: 0 written as is, a letter for a short escape, -1 for a unicode escape. */
  private static final int[] ESCAPES = new int[128];

  static {
    for (int c = 0; c < 0x20; c++) {
      ESCAPES[c] = -1;
    }
    ESCAPES['\b'] = 'b';
    ESCAPES['\t'] = 't';
    ESCAPES['\n'] = 'n';
    ESCAPES['\f'] = 'f';
    ESCAPES['\r'] = 'r';
    ESCAPES['"'] = '"';
    ESCAPES['\\'] = '\\';
  }

  /**
   * Longer strings go to the generator: its copy loop is faster per character, and its set-up
   * cost no longer matters at that length.
   */
  static final int MAX_STRING_LENGTH = 256;

  private final boolean plainScalars;

  /** @param plainScalars whether Integer, Long and Boolean results are written as plain numbers */
  PlainReplyWriter(boolean plainScalars) {
    this.plainScalars = plainScalars;
  }

  /** True when this writer can write {@code outcome}. */
  boolean canWrite(Outcome outcome) {
    ErrorObject error = outcome.error();
    if (error != null) {
      return error.data() == null && error.message().length() <= MAX_STRING_LENGTH && shortId(outcome.id());
    }
    Object result = outcome.result();
    if (!shortId(outcome.id())) {
      return false;
    }
    return result == null
        || (result instanceof String s && s.length() <= MAX_STRING_LENGTH)
        || (plainScalars && (result instanceof Integer || result instanceof Long || result instanceof Boolean));
  }

  private static boolean shortId(Id id) {
    return id.text().length() <= MAX_STRING_LENGTH;
  }

  /** Writes one reply object; {@link #canWrite} must be true for it. */
  void write(Outcome outcome, ReplyOutput out) {
    ErrorObject error = outcome.error();
    if (error != null) {
      out.append(ERROR_HEAD);
      writeLong(error.code(), out);
      out.append(MESSAGE);
      writeString(error.message(), out);
      out.append(ERROR_ID);
    } else {
      out.append(RESULT_HEAD);
      Object result = outcome.result();
      if (result == null) {
        out.append(NULL);
      } else if (result instanceof String s) {
        writeString(s, out);
      } else if (result instanceof Boolean b) {
        out.append(b ? TRUE : FALSE);
      } else {
        writeLong(((Number) result).longValue(), out);
      }
      out.append(ID);
    }
    writeId(outcome.id(), out);
    out.write('}');
  }

  private static void writeId(Id id, ReplyOutput out) {
    switch (id.kind()) {
      case STRING -> writeString(id.text(), out);
      case NUMBER -> writeAscii(id.text(), out);
      case NULL -> out.append(NULL);
    }
  }

  private static void writeAscii(String text, ReplyOutput out) {
    int length = text.length();
    byte[] buffer = out.room(length);
    int at = out.size();
    for (int i = 0; i < length; i++) {
      buffer[at++] = (byte) text.charAt(i);
    }
    out.size(at);
  }

  private static void writeLong(long value, ReplyOutput out) {
    if (value == Long.MIN_VALUE) {
      out.append(MIN_LONG);
      return;
    }
    byte[] buffer = out.room(20);
    int at = out.size();
    if (value < 0) {
      buffer[at++] = '-';
      value = -value;
    }
    int digits = 1;
    for (long rest = value / 10; rest != 0; rest /= 10) {
      digits++;
    }
    int end = at + digits;
    for (int i = end - 1; i >= at; i--) {
      buffer[i] = (byte) ('0' + (int) (value % 10));
      value /= 10;
    }
    out.size(end);
  }

  static void writeString(String text, ReplyOutput out) {
    out.write('"');
    int length = text.length();
    int i = 0;
    while (i < length) {
      // Each character takes at most 6 bytes (an escape); make room a chunk at a time.
      int end = Math.min(length, i + 4096);
      byte[] buffer = out.room((end - i) * 6);
      int at = out.size();
      while (i < end) {
        // The common run of characters written as they are, in a loop of its own.
        char c;
        while ((c = text.charAt(i)) < 0x80 && ESCAPES[c] == 0) {
          buffer[at++] = (byte) c;
          if (++i == end) {
            break;
          }
        }
        if (i == end) {
          break;
        }
        i++;
        if (c < 0x80) {
          int escape = ESCAPES[c];
          if (escape > 0) {
            buffer[at++] = '\\';
            buffer[at++] = (byte) escape;
          } else {
            at = unicodeEscape(c, buffer, at);
          }
        } else if (c < 0x800) {
          buffer[at++] = (byte) (0xC0 | (c >> 6));
          buffer[at++] = (byte) (0x80 | (c & 0x3F));
        } else if (c >= Character.MIN_SURROGATE && c <= Character.MAX_SURROGATE) {
          at = unicodeEscape(c, buffer, at);
        } else {
          buffer[at++] = (byte) (0xE0 | (c >> 12));
          buffer[at++] = (byte) (0x80 | ((c >> 6) & 0x3F));
          buffer[at++] = (byte) (0x80 | (c & 0x3F));
        }
      }
      out.size(at);
    }
    out.write('"');
  }

  private static int unicodeEscape(char c, byte[] buffer, int at) {
    buffer[at++] = '\\';
    buffer[at++] = 'u';
    buffer[at++] = HEX[(c >> 12) & 0xF];
    buffer[at++] = HEX[(c >> 8) & 0xF];
    buffer[at++] = HEX[(c >> 4) & 0xF];
    buffer[at++] = HEX[c & 0xF];
    return at;
  }

  private static byte[] ascii(String text) {
    return text.getBytes(StandardCharsets.US_ASCII);
  }
}
