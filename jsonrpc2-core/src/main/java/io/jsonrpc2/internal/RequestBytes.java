package io.jsonrpc2.internal;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.base.ParserBase;
import com.fasterxml.jackson.core.json.UTF8StreamJsonParser;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.jspecify.annotations.Nullable;

/**
 * The bytes of the message a request parser reads, so that a long string made of plain ASCII can be
 * taken from them in one copy instead of being decoded into Jackson's text buffer, joined and
 * copied again. Anything else (escapes, non-ASCII, control characters, a short string, one over the
 * length limit) is left to Jackson.
 */
final class RequestBytes {
  /** Below this many bytes Jackson's own path costs no more. */
  static final int MIN_LENGTH = 64;

  private final byte[] bytes;
  private final int offset;
  private final int end;

  RequestBytes(byte[] bytes, int offset, int length) {
    this.bytes = bytes;
    this.offset = offset;
    this.end = offset + length;
  }

  /**
   * The string value the parser is on, if it is at least {@link #MIN_LENGTH} bytes of plain
   * printable ASCII without escapes and within the parser's length limit; null otherwise. The
   * parser is left on the token (it skips the string when it moves on).
   */
  @Nullable String plainString(JsonParser parser) throws IOException {
    // Jackson's byte parser keeps the offset just past the opening quote of the current value;
    // the quote is checked so that any other layout simply falls back to Jackson.
    if (parser.getClass() != UTF8StreamJsonParser.class) {
      return null;
    }
    long afterQuote = offset + ((ParserBase) parser).getTokenCharacterOffset();
    if (afterQuote <= offset || afterQuote >= end || bytes[(int) afterQuote - 1] != '"') {
      return null;
    }
    int start = (int) afterQuote;
    int i = start;
    while (i < end) {
      byte b = bytes[i];
      if (b == '"') {
        break;
      }
      if (b < 0x20 || b == '\\') { // control characters, escapes, and (negative) non-ASCII bytes
        return null;
      }
      i++;
    }
    int length = i - start;
    if (i == end
        || length < MIN_LENGTH
        || length > parser.streamReadConstraints().getMaxStringLength()) {
      return null;
    }
    return new String(bytes, start, length, StandardCharsets.ISO_8859_1);
  }
}
