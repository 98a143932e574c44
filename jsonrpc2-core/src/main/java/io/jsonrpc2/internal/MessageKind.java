package io.jsonrpc2.internal;

/**
 * Tells, without parsing, whether a message on a two-way connection is for the local service or for
 * the calls waiting on this side, so that each message is parsed once, by the reader that handles
 * it.
 *
 * <p>A message is a {@link #RESPONSE} when its top-level object (or a batch's first element) has a
 * {@code result} or an {@code error} member and no {@code method} member. Everything else,
 * including an empty batch, is a {@link #REQUEST}: the service then answers it as the specification
 * says (-32600 for what is no request). A message that is not a JSON object or array is {@link
 * #NOT_JSON}; the scan stops at the first member it can decide on, and never decides on escaped
 * member names (such a message is a {@link #REQUEST}, and the service's parser reads it properly).
 */
public enum MessageKind {
  REQUEST,
  RESPONSE,
  NOT_JSON;

  public static MessageKind of(byte[] message) {
    int i = skipWhitespace(message, 0);
    if (i < message.length && message[i] == '[') {
      i = skipWhitespace(message, i + 1);
      if (i < message.length && message[i] == ']') {
        return REQUEST;
      }
    }
    if (i >= message.length || message[i] != '{') {
      return i < message.length && message[i] == '[' ? REQUEST : NOT_JSON;
    }
    return ofObject(message, i);
  }

  /** Scans the members of the object opening at {@code start}, skipping nested values. */
  private static MessageKind ofObject(byte[] m, int start) {
    boolean answered = false;
    int depth = 0;
    boolean expectKey = false;
    for (int i = start; i < m.length; i++) {
      byte b = m[i];
      switch (b) {
        case '{', '[' -> {
          depth++;
          expectKey = depth == 1 && b == '{';
        }
        case '}', ']' -> {
          depth--;
          if (depth == 0) {
            return answered ? RESPONSE : REQUEST;
          }
        }
        case ',' -> expectKey = depth == 1;
        case '"' -> {
          int end = endOfString(m, i + 1);
          if (end < 0) {
            return NOT_JSON;
          }
          if (expectKey) {
            if (is(m, i + 1, end, "method")) {
              return REQUEST;
            }
            answered |= is(m, i + 1, end, "result") || is(m, i + 1, end, "error");
            expectKey = false;
          }
          i = end;
        }
        default -> {}
      }
    }
    return NOT_JSON;
  }

  /** The index of the closing quote of a string whose content starts at {@code i}, or -1. */
  private static int endOfString(byte[] m, int i) {
    for (; i < m.length; i++) {
      if (m[i] == '\\') {
        i++;
      } else if (m[i] == '"') {
        return i;
      }
    }
    return -1;
  }

  private static boolean is(byte[] m, int from, int to, String name) {
    if (to - from != name.length()) {
      return false;
    }
    for (int k = 0; k < name.length(); k++) {
      if (m[from + k] != name.charAt(k)) {
        return false;
      }
    }
    return true;
  }

  private static int skipWhitespace(byte[] m, int i) {
    while (i < m.length && (m[i] == ' ' || m[i] == '\t' || m[i] == '\n' || m[i] == '\r')) {
      i++;
    }
    return i;
  }
}
