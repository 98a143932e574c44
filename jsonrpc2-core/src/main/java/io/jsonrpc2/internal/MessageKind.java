package io.jsonrpc2.internal;

/**
 * Tells, without parsing, whether a message on a connection is for the local service or for the
 * calls waiting on this side, so that each message is parsed once, by the reader that handles it.
 * It looks at the top-level object, or at a batch's first element, and stops at the first member it
 * can decide on; escaped member names are never decided on (the reader they go to parses them
 * properly).
 */
public enum MessageKind {
  /** Has a {@code method} member: a request or a notification, or a batch of them. */
  REQUEST,
  /** Has a {@code result} or an {@code error} member, and no {@code method}. */
  RESPONSE,
  /**
   * JSON of neither shape (an object with none of those members, an empty array, a scalar), or cut
   * short: an invalid request to a server, an invalid response to a client.
   */
  OTHER,
  /** Not a JSON object or array at all. */
  NOT_JSON;

  public static MessageKind of(byte[] message) {
    int i = skipWhitespace(message, 0);
    boolean batch = i < message.length && message[i] == '[';
    if (batch) {
      i = skipWhitespace(message, i + 1);
    }
    if (i < message.length && message[i] == '{') {
      return ofObject(message, i);
    }
    return batch ? OTHER : NOT_JSON;
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
            return answered ? RESPONSE : OTHER;
          }
        }
        case ',' -> expectKey = depth == 1;
        case '"' -> {
          int end = endOfString(m, i + 1);
          if (end < 0) {
            return OTHER;
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
    return answered ? RESPONSE : OTHER;
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
