package io.jsonrpc2.internal;

/**
 * A position in a message read by {@link PlainRequestReader}, with the token checks of the plain
 * subset of JSON. Every method either moves past exactly what it recognises or reports that the
 * input is not plain, leaving the decision to Jackson. One per read; not thread-safe.
 */
final class PlainCursor {
  private static final int MAX_NAME_LENGTH = PlainRequestReader.MAX_NAME_LENGTH;
  private static final int MAX_DIGITS = 18;

  /** What {@link #afterValue} found: a comma, so more follows. */
  static final int MORE = 1;

  /** What {@link #afterValue} found: the closing bracket. */
  static final int CLOSED = 0;

  /** What {@link #afterValue} found: anything else. */
  static final int BROKEN = -1;

  final byte[] bytes;
  final int end;
  int pos;

  PlainCursor(byte[] bytes, int pos, int end) {
    this.bytes = bytes;
    this.pos = pos;
    this.end = end;
  }

  /** True when the next byte is {@code c}. */
  boolean at(char c) {
    return pos < end && bytes[pos] == c;
  }

  /** JSON's four whitespace characters; nothing else counts as space. */
  void skipSpace() {
    while (pos < end) {
      byte b = bytes[pos];
      if (b != ' ' && b != '\n' && b != '\r' && b != '\t') {
        return;
      }
      pos++;
    }
  }

  /**
   * On a '"': moves past a string of printable ASCII without escapes, of at most {@code maxLength}
   * characters, and returns the index of its closing quote; -1 otherwise.
   */
  int plainString(int maxLength) {
    if (!at('"')) {
      return -1;
    }
    int i = pos + 1;
    int limit = (int) Math.min(end, (long) i + maxLength + 1);
    while (i < limit) {
      byte b = bytes[i];
      if (b == '"') {
        pos = i + 1;
        return i;
      }
      if (b < 0x20 || b == '\\' || b == 0x7F) { // control characters, escapes, non-ASCII
        return -1;
      }
      i++;
    }
    return -1;
  }

  /** On "2.0" exactly (a string), moves past it. */
  boolean version2() {
    if (pos + 5 <= end
        && bytes[pos] == '"'
        && bytes[pos + 1] == '2'
        && bytes[pos + 2] == '.'
        && bytes[pos + 3] == '0'
        && bytes[pos + 4] == '"') {
      pos += 5;
      return true;
    }
    return false;
  }

  /** On the given literal followed by a delimiter, moves past it. */
  boolean literal(String word) {
    int after = pos + word.length();
    if (after > end) {
      return false;
    }
    for (int i = 0; i < word.length(); i++) {
      if (bytes[pos + i] != word.charAt(i)) {
        return false;
      }
    }
    if (after < end && !delimiter(bytes[after])) {
      return false;
    }
    pos = after;
    return true;
  }

  /**
   * On an integer of at most 18 digits without leading zeros, fraction or exponent, followed by a
   * delimiter: moves past it and returns its value. Otherwise leaves the cursor in place (callers
   * compare positions) and returns 0.
   */
  long integer() {
    int i = pos;
    boolean negative = i < end && bytes[i] == '-';
    if (negative) {
      i++;
    }
    int first = i;
    long value = 0;
    while (i < end && bytes[i] >= '0' && bytes[i] <= '9') {
      value = value * 10 + (bytes[i] - '0');
      i++;
    }
    int digits = i - first;
    if (digits == 0
        || digits > MAX_DIGITS
        || (digits > 1 && bytes[first] == '0')
        || (i < end && !delimiter(bytes[i]))) {
      return 0;
    }
    pos = i;
    return negative ? -value : value;
  }

  private static boolean delimiter(byte b) {
    return b == ',' || b == ']' || b == '}' || b == ' ' || b == '\n' || b == '\r' || b == '\t';
  }

  /**
   * After a value in an array or object: {@link #MORE} when a comma follows (the cursor then on the
   * next token), {@link #CLOSED} when {@code close} does (the cursor past it), {@link #BROKEN}
   * otherwise.
   */
  int afterValue(char close) {
    skipSpace();
    if (at(',')) {
      pos++;
      skipSpace();
      return MORE;
    }
    if (at(close)) {
      pos++;
      return CLOSED;
    }
    return BROKEN;
  }

  /** Skips a value of a member nobody reads; false if it is not plain. */
  boolean skipValue(int depth, int maxDepth, int maxStringLength) {
    if (at('"')) {
      return plainString(maxStringLength) >= 0;
    }
    if (at('{') || at('[')) {
      if (depth > maxDepth) {
        return false;
      }
      char close = at('{') ? '}' : ']';
      boolean object = close == '}';
      pos++;
      skipSpace();
      if (at(close)) {
        pos++;
        return true;
      }
      while (true) {
        if (object) {
          if (!at('"') || plainString(MAX_NAME_LENGTH) < 0) {
            return false;
          }
          skipSpace();
          if (!at(':')) {
            return false;
          }
          pos++;
          skipSpace();
        }
        if (!skipValue(depth + 1, maxDepth, maxStringLength)) {
          return false;
        }
        int next = afterValue(close);
        if (next != MORE) {
          return next == CLOSED;
        }
      }
    }
    if (at('t')) {
      return literal("true");
    }
    if (at('f')) {
      return literal("false");
    }
    if (at('n')) {
      return literal("null");
    }
    int start = pos;
    integer();
    return pos != start;
  }
}
