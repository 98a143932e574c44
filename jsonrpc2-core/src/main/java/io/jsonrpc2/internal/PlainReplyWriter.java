package io.jsonrpc2.internal;

import io.jsonrpc2.message.ErrorObject;
import io.jsonrpc2.message.Id;
import java.nio.charset.StandardCharsets;

/**
 * Writes the common replies (a null, string, int, long or boolean result, or an error without data)
 * as bytes directly, the way Jackson's UTF-8 generator with its default settings writes them:
 * member order {@code jsonrpc}, {@code result}/{@code error}, {@code id}; no spaces; the quote, the
 * backslash and control characters escaped (short escapes where JSON has them, six-character
 * unicode escapes otherwise); other characters as UTF-8, except surrogates, which the generator
 * writes as unicode escapes too.
 *
 * <p>Replies are short by construction (strings of at most {@link #MAX_STRING_LENGTH} characters),
 * so their exact length is worked out first and the reply array is the only one made.
 *
 * <p>{@link ResponseEncoder} uses it only after checking, when it is built, that it writes the same
 * bytes as the generator of the configured mapper; otherwise every reply goes through the
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
   * Longer strings go to the generator: its copy loop is faster per character, and its set-up cost
   * no longer matters at that length.
   */
  static final int MAX_STRING_LENGTH = 256;

  private final boolean plainScalars;

  /**
   * @param plainScalars whether Integer, Long and Boolean results are written as plain numbers
   */
  PlainReplyWriter(boolean plainScalars) {
    this.plainScalars = plainScalars;
  }

  /** True when this writer can write {@code outcome}. */
  boolean canWrite(Outcome outcome) {
    ErrorObject error = outcome.error();
    if (error != null) {
      return error.data() == null
          && error.message().length() <= MAX_STRING_LENGTH
          && shortId(outcome.id());
    }
    Object result = outcome.result();
    if (!shortId(outcome.id())) {
      return false;
    }
    return result == null
        || (result instanceof String s && s.length() <= MAX_STRING_LENGTH)
        || (plainScalars
            && (result instanceof Integer || result instanceof Long || result instanceof Boolean));
  }

  private static boolean shortId(Id id) {
    return id.text().length() <= MAX_STRING_LENGTH;
  }

  /** The exact number of bytes {@link #write} writes for {@code outcome}. */
  int length(Outcome outcome) {
    int length;
    ErrorObject error = outcome.error();
    if (error != null) {
      length =
          ERROR_HEAD.length
              + longLength(error.code())
              + MESSAGE.length
              + stringLength(error.message())
              + ERROR_ID.length;
    } else {
      Object result = outcome.result();
      length = RESULT_HEAD.length + ID.length;
      if (result == null) {
        length += NULL.length;
      } else if (result instanceof String s) {
        length += stringLength(s);
      } else if (result instanceof Boolean b) {
        length += b ? TRUE.length : FALSE.length;
      } else {
        length += longLength(((Number) result).longValue());
      }
    }
    Id id = outcome.id();
    length +=
        switch (id.kind()) {
          case STRING -> stringLength(id.text());
          case NUMBER -> id.text().length();
          case NULL -> NULL.length;
        };
    return length + 1;
  }

  /**
   * Writes one reply object at {@code at}, where {@link #length} bytes are free; {@link #canWrite}
   * must be true for it. Returns the index after it.
   */
  int write(Outcome outcome, byte[] out, int at) {
    ErrorObject error = outcome.error();
    if (error != null) {
      at = put(ERROR_HEAD, out, at);
      at = writeLong(error.code(), out, at);
      at = put(MESSAGE, out, at);
      at = writeString(error.message(), out, at);
      at = put(ERROR_ID, out, at);
    } else {
      at = put(RESULT_HEAD, out, at);
      Object result = outcome.result();
      if (result == null) {
        at = put(NULL, out, at);
      } else if (result instanceof String s) {
        at = writeString(s, out, at);
      } else if (result instanceof Boolean b) {
        at = put(b ? TRUE : FALSE, out, at);
      } else {
        at = writeLong(((Number) result).longValue(), out, at);
      }
      at = put(ID, out, at);
    }
    Id id = outcome.id();
    at =
        switch (id.kind()) {
          case STRING -> writeString(id.text(), out, at);
          case NUMBER -> writeAscii(id.text(), out, at);
          case NULL -> put(NULL, out, at);
        };
    out[at++] = '}';
    return at;
  }

  private static int put(byte[] json, byte[] out, int at) {
    System.arraycopy(json, 0, out, at, json.length);
    return at + json.length;
  }

  private static int writeAscii(String text, byte[] out, int at) {
    int length = text.length();
    for (int i = 0; i < length; i++) {
      out[at++] = (byte) text.charAt(i);
    }
    return at;
  }

  private static int longLength(long value) {
    if (value == Long.MIN_VALUE) {
      return MIN_LONG.length;
    }
    int length = value < 0 ? 2 : 1;
    for (long rest = Math.abs(value) / 10; rest != 0; rest /= 10) {
      length++;
    }
    return length;
  }

  private static int writeLong(long value, byte[] out, int at) {
    if (value == Long.MIN_VALUE) {
      return put(MIN_LONG, out, at);
    }
    if (value < 0) {
      out[at++] = '-';
      value = -value;
    }
    int end = at + longLength(value);
    for (int i = end - 1; i >= at; i--) {
      out[i] = (byte) ('0' + (int) (value % 10));
      value /= 10;
    }
    return end;
  }

  /** The bytes a string takes, quotes included. */
  static int stringLength(String text) {
    int length = 2;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c < 0x80) {
        int escape = ESCAPES[c];
        length += escape == 0 ? 1 : escape > 0 ? 2 : 6;
      } else if (c < 0x800) {
        length += 2;
      } else if (c >= Character.MIN_SURROGATE && c <= Character.MAX_SURROGATE) {
        length += 6;
      } else {
        length += 3;
      }
    }
    return length;
  }

  static int writeString(String text, byte[] out, int at) {
    out[at++] = '"';
    int length = text.length();
    for (int i = 0; i < length; i++) {
      char c = text.charAt(i);
      if (c < 0x80) {
        int escape = ESCAPES[c];
        if (escape == 0) {
          out[at++] = (byte) c;
        } else if (escape > 0) {
          out[at++] = '\\';
          out[at++] = (byte) escape;
        } else {
          at = unicodeEscape(c, out, at);
        }
      } else if (c < 0x800) {
        out[at++] = (byte) (0xC0 | (c >> 6));
        out[at++] = (byte) (0x80 | (c & 0x3F));
      } else if (c >= Character.MIN_SURROGATE && c <= Character.MAX_SURROGATE) {
        at = unicodeEscape(c, out, at);
      } else {
        out[at++] = (byte) (0xE0 | (c >> 12));
        out[at++] = (byte) (0x80 | ((c >> 6) & 0x3F));
        out[at++] = (byte) (0x80 | (c & 0x3F));
      }
    }
    out[at++] = '"';
    return at;
  }

  private static int unicodeEscape(char c, byte[] out, int at) {
    out[at++] = '\\';
    out[at++] = 'u';
    out[at++] = HEX[(c >> 12) & 0xF];
    out[at++] = HEX[(c >> 8) & 0xF];
    out[at++] = HEX[(c >> 4) & 0xF];
    out[at++] = HEX[c & 0xF];
    return at;
  }

  private static byte[] ascii(String text) {
    return text.getBytes(StandardCharsets.US_ASCII);
  }
}
