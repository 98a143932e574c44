package io.jsonrpc2.http;

import java.nio.charset.Charset;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.StandardCharsets;
import java.nio.charset.UnsupportedCharsetException;
import java.util.Locale;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * A request's Content-Type reduced to what the rules need: the media type (lower case, no
 * parameters) and the charset parameter.
 */
record ContentType(String mediaType, @Nullable String charset) {
  static final Set<String> JSON_TYPES =
      Set.of("application/json", "application/json-rpc", "application/jsonrequest");

  /** What an HTML form or a cross-site fetch without a CORS preflight can send. */
  static final Set<String> CROSS_SITE_TYPES =
      Set.of("application/x-www-form-urlencoded", "multipart/form-data", "text/plain");

  private static final ContentType PLAIN_JSON = new ContentType("application/json", null);

  static ContentType parse(String value) {
    if ("application/json".equalsIgnoreCase(value)) {
      return PLAIN_JSON; // what nearly every client sends: no parsing at all
    }
    int semicolon = value.indexOf(';');
    String type = (semicolon < 0 ? value : value.substring(0, semicolon)).strip();
    String charset = null;
    while (semicolon >= 0) {
      int next = value.indexOf(';', semicolon + 1);
      String parameter =
          (next < 0 ? value.substring(semicolon + 1) : value.substring(semicolon + 1, next))
              .strip();
      int equals = parameter.indexOf('=');
      if (equals > 0 && parameter.substring(0, equals).strip().equalsIgnoreCase("charset")) {
        charset = unquote(parameter.substring(equals + 1).strip());
      }
      semicolon = next;
    }
    return new ContentType(type.toLowerCase(Locale.ROOT), charset);
  }

  private static String unquote(String value) {
    return value.length() >= 2 && value.startsWith("\"") && value.endsWith("\"")
        ? value.substring(1, value.length() - 1)
        : value;
  }

  // PLAIN_JSON is shared: identity is a shortcut, and an equal value takes the long way to the same
  // answer.
  @SuppressWarnings("ReferenceEquality")
  boolean isJson() {
    return this == PLAIN_JSON || JSON_TYPES.contains(mediaType);
  }

  boolean isCrossSite() {
    return CROSS_SITE_TYPES.contains(mediaType);
  }

  /** The charset to decode the body with; null when it is UTF-8 already (or a subset of it). */
  @SuppressWarnings("ReferenceEquality") // as in isJson
  @Nullable Charset foreignCharset() {
    if (this == PLAIN_JSON
        || charset == null
        || charset.equalsIgnoreCase("utf-8")
        || charset.equalsIgnoreCase("utf8")
        || charset.equalsIgnoreCase("us-ascii")) {
      return null;
    }
    Charset named = Charset.forName(charset);
    return named.equals(StandardCharsets.UTF_8) || named.equals(StandardCharsets.US_ASCII)
        ? null
        : named;
  }

  /** True when the charset parameter is absent or names a charset this JVM can decode. */
  boolean charsetSupported() {
    try {
      foreignCharset();
      return true;
    } catch (IllegalCharsetNameException | UnsupportedCharsetException e) {
      return false;
    }
  }
}
