package io.jsonrpc2.httpclient;

/**
 * Tells whether a non-2xx reply body is a JSON-RPC response: well-formed JSON, an object or an
 * array, with a {@code "jsonrpc"} member in the object or in an object element of the array.
 *
 * <p>A small strict scanner rather than a JSON library, because transports stay free of Jackson
 * (the core owns all JSON reading) and only this yes/no answer is needed here. It runs only on
 * error replies, so it is written for clarity, not speed. Nesting deeper than {@link #MAX_DEPTH}
 * counts as "no", which keeps the recursion bounded for any input.
 */
final class JsonRpcBodies {
  static final int MAX_DEPTH = 256;

  private static final byte[] JSONRPC = {'j', 's', 'o', 'n', 'r', 'p', 'c'};

  /** Thrown when the input is not JSON; preallocated since it only unwinds the scanner. */
  private static final class NotJson extends RuntimeException {
    private static final long serialVersionUID = 1L;

    NotJson() {
      super(null, null, false, false);
    }
  }

  // Stackless, with its cause fixed to null and suppression off, so nothing in it can change.
  @SuppressWarnings("StaticAssignmentOfThrowable")
  private static final NotJson NOT_JSON = new NotJson();

  private final byte[] in;
  private int pos;
  private boolean sawJsonrpcMember;

  private JsonRpcBodies(byte[] in) {
    this.in = in;
  }

  /** True when {@code body} is a JSON object or array that carries a {@code "jsonrpc"} member. */
  static boolean isJsonRpc(byte[] body) {
    JsonRpcBodies scanner = new JsonRpcBodies(body);
    try {
      scanner.skipWhitespace();
      if (scanner.pos >= body.length || (body[scanner.pos] != '{' && body[scanner.pos] != '[')) {
        return false;
      }
      scanner.value(0, true);
      scanner.skipWhitespace();
      return scanner.pos == body.length && scanner.sawJsonrpcMember;
    } catch (NotJson e) {
      return false;
    }
  }

  /**
   * @param responseLevel whether an object here would be a response (top level or batch element)
   */
  private void value(int depth, boolean responseLevel) {
    if (depth > MAX_DEPTH) {
      throw NOT_JSON;
    }
    skipWhitespace();
    switch (peek()) {
      case '{' -> object(depth, responseLevel);
      case '[' -> array(depth, responseLevel && depth == 0);
      case '"' -> string();
      case 't' -> literal("true");
      case 'f' -> literal("false");
      case 'n' -> literal("null");
      default -> number();
    }
  }

  private void object(int depth, boolean responseLevel) {
    pos++;
    skipWhitespace();
    if (peek() == '}') {
      pos++;
      return;
    }
    while (true) {
      skipWhitespace();
      int keyStart = pos + 1;
      string();
      if (responseLevel && isJsonrpcKey(keyStart, pos - 1)) {
        sawJsonrpcMember = true;
      }
      skipWhitespace();
      expect(':');
      value(depth + 1, false);
      skipWhitespace();
      byte next = next();
      if (next == '}') {
        return;
      }
      if (next != ',') {
        throw NOT_JSON;
      }
    }
  }

  private void array(int depth, boolean elementsAreResponses) {
    pos++;
    skipWhitespace();
    if (peek() == ']') {
      pos++;
      return;
    }
    while (true) {
      value(depth + 1, elementsAreResponses);
      skipWhitespace();
      byte next = next();
      if (next == ']') {
        return;
      }
      if (next != ',') {
        throw NOT_JSON;
      }
    }
  }

  private boolean isJsonrpcKey(int start, int end) {
    if (end - start != JSONRPC.length) {
      return false;
    }
    for (int i = 0; i < JSONRPC.length; i++) {
      if (in[start + i] != JSONRPC[i]) {
        return false;
      }
    }
    return true;
  }

  private void string() {
    expect('"');
    while (true) {
      byte c = next();
      if (c == '"') {
        return;
      }
      if (c >= 0 && c < 0x20) {
        throw NOT_JSON;
      }
      if (c == '\\') {
        byte escaped = next();
        if (escaped == 'u') {
          for (int i = 0; i < 4; i++) {
            if (Character.digit(next(), 16) < 0) {
              throw NOT_JSON;
            }
          }
        } else if ("\"\\/bfnrt".indexOf(escaped) < 0) {
          throw NOT_JSON;
        }
      }
    }
  }

  private void number() {
    if (peek() == '-') {
      pos++;
    }
    if (peek() == '0') {
      pos++;
    } else {
      digits();
    }
    if (pos < in.length && in[pos] == '.') {
      pos++;
      digits();
    }
    if (pos < in.length && (in[pos] == 'e' || in[pos] == 'E')) {
      pos++;
      if (pos < in.length && (in[pos] == '+' || in[pos] == '-')) {
        pos++;
      }
      digits();
    }
  }

  private void digits() {
    int start = pos;
    while (pos < in.length && in[pos] >= '0' && in[pos] <= '9') {
      pos++;
    }
    if (pos == start) {
      throw NOT_JSON;
    }
  }

  private void literal(String word) {
    for (int i = 0; i < word.length(); i++) {
      if (next() != word.charAt(i)) {
        throw NOT_JSON;
      }
    }
  }

  private void skipWhitespace() {
    while (pos < in.length
        && (in[pos] == ' ' || in[pos] == '\t' || in[pos] == '\n' || in[pos] == '\r')) {
      pos++;
    }
  }

  private void expect(char c) {
    if (next() != c) {
      throw NOT_JSON;
    }
  }

  private byte peek() {
    if (pos >= in.length) {
      throw NOT_JSON;
    }
    return in[pos];
  }

  private byte next() {
    byte c = peek();
    pos++;
    return c;
  }
}
