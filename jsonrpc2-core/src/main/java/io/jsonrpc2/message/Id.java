package io.jsonrpc2.message;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Objects;

/**
 * The id of a request exactly as it appeared on the wire.
 *
 * <p>The specification allows a string, a number or null. A number is kept as its raw JSON text so
 * that it is echoed byte for byte: integers beyond 64 bits, fractions and exponents survive
 * untouched. Two ids are equal when they have the same kind and the same text, so {@code 1} and
 * {@code "1"} and {@code 1.0} are three different ids.
 *
 * <p>A notification has no id at all; it is never represented by {@link #NULL}, which is the
 * explicit JSON {@code null} id of a real request.
 */
public final class Id {
  /** The kinds of JSON value an id can be. */
  public enum Kind {
    STRING,
    NUMBER,
    NULL
  }

  /** The id {@code null}: a legal (if discouraged) request id, and the id of parse errors. */
  public static final Id NULL = new Id(Kind.NULL, "null");

  private final Kind kind;
  private final String text;

  private Id(Kind kind, String text) {
    this.kind = kind;
    this.text = text;
  }

  /** A string id. */
  public static Id of(String value) {
    return new Id(Kind.STRING, Objects.requireNonNull(value, "value"));
  }

  /** An integral id. */
  public static Id of(long value) {
    return new Id(Kind.NUMBER, Long.toString(value));
  }

  /** An integral id of any size. */
  public static Id of(BigInteger value) {
    return new Id(Kind.NUMBER, value.toString());
  }

  /** A numeric id written exactly as {@code value.toString()}. */
  public static Id of(BigDecimal value) {
    return new Id(Kind.NUMBER, value.toString());
  }

  /**
   * A numeric id from the raw JSON number text, which is kept verbatim.
   *
   * @throws IllegalArgumentException if {@code jsonText} is not a JSON number
   */
  public static Id ofNumberText(String jsonText) {
    if (!isJsonNumber(jsonText)) {
      throw new IllegalArgumentException("not a JSON number: " + jsonText);
    }
    return new Id(Kind.NUMBER, jsonText);
  }

  // A hand-written check because ids are made per request and a regex would cost more than the
  // rest.
  private static boolean isJsonNumber(String s) {
    int i = 0;
    int n = s.length();
    if (i < n && s.charAt(i) == '-') i++;
    if (i >= n) return false;
    if (s.charAt(i) == '0') {
      i++;
    } else {
      int start = i;
      while (i < n && isDigit(s.charAt(i))) i++;
      if (i == start || s.charAt(start) == '0') return false;
    }
    if (i < n && s.charAt(i) == '.') {
      int start = ++i;
      while (i < n && isDigit(s.charAt(i))) i++;
      if (i == start) return false;
    }
    if (i < n && (s.charAt(i) == 'e' || s.charAt(i) == 'E')) {
      i++;
      if (i < n && (s.charAt(i) == '+' || s.charAt(i) == '-')) i++;
      int start = i;
      while (i < n && isDigit(s.charAt(i))) i++;
      if (i == start) return false;
    }
    return i == n;
  }

  private static boolean isDigit(char c) {
    return c >= '0' && c <= '9';
  }

  public Kind kind() {
    return kind;
  }

  /** The string value for a string id; the raw JSON number text for a number; "null" for null. */
  public String text() {
    return text;
  }

  public boolean isNull() {
    return kind == Kind.NULL;
  }

  /** The id as it is written in JSON: quoted and escaped for a string, verbatim otherwise. */
  public String toJson() {
    if (kind != Kind.STRING) {
      return text;
    }
    StringBuilder out = new StringBuilder(text.length() + 2).append('"');
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      switch (c) {
        case '"' -> out.append("\\\"");
        case '\\' -> out.append("\\\\");
        case '\n' -> out.append("\\n");
        case '\r' -> out.append("\\r");
        case '\t' -> out.append("\\t");
        default -> {
          if (c < 0x20) {
            out.append(String.format("\\u%04x", (int) c));
          } else {
            out.append(c);
          }
        }
      }
    }
    return out.append('"').toString();
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Id other && other.kind == kind && other.text.equals(text);
  }

  @Override
  public int hashCode() {
    return kind.hashCode() * 31 + text.hashCode();
  }

  @Override
  public String toString() {
    return toJson();
  }
}
