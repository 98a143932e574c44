package io.jsonrpc2.httpclient;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;

/**
 * One HTTP request header, checked when it is made so that a bad name or value fails where it was
 * written, not later on the network thread.
 *
 * <p>Header names are compared without regard to case (RFC 9110): a header set for one call
 * replaces a session header whose name differs only in case. The name is sent as given.
 *
 * @param name a header name (an RFC 9110 token), not one the JDK client manages itself ({@code
 *     Connection}, {@code Content-Length}, {@code Expect}, {@code Host}, {@code Upgrade})
 * @param value the value; no CR, LF or NUL
 */
public record HttpHeader(String name, String value) {
  /** Headers the JDK {@code HttpClient} sets itself and refuses to take from callers. */
  private static final Set<String> MANAGED_BY_CLIENT =
      Set.of("connection", "content-length", "expect", "host", "upgrade");

  /**
   * @throws IllegalArgumentException if the name is not a token, is one the JDK client manages, or
   *     the value holds a line break or NUL
   */
  public HttpHeader {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(value, "value");
    if (name.isEmpty() || !name.chars().allMatch(HttpHeader::isTokenChar)) {
      throw new IllegalArgumentException("not a valid HTTP header name: '" + name + "'");
    }
    if (MANAGED_BY_CLIENT.contains(name.toLowerCase(Locale.ROOT))) {
      throw new IllegalArgumentException(
          "the header " + name + " is set by the HTTP client itself and cannot be given");
    }
    if (value.indexOf('\r') >= 0 || value.indexOf('\n') >= 0 || value.indexOf('\0') >= 0) {
      throw new IllegalArgumentException(
          "the value of header " + name + " must not hold CR, LF or NUL");
    }
  }

  /** The {@code Authorization} header of HTTP Basic authentication (RFC 7617, UTF-8). */
  public static HttpHeader basicAuth(String user, String password) {
    Objects.requireNonNull(user, "user");
    Objects.requireNonNull(password, "password");
    if (user.indexOf(':') >= 0) {
      throw new IllegalArgumentException("a Basic auth user name must not contain ':'");
    }
    String token =
        Base64.getEncoder()
            .encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    return new HttpHeader("Authorization", "Basic " + token);
  }

  /** The {@code Authorization} header of a Bearer token (RFC 6750). */
  public static HttpHeader bearerToken(String token) {
    Objects.requireNonNull(token, "token");
    return new HttpHeader("Authorization", "Bearer " + token);
  }

  /** The name in lower case: the key under which headers replace each other. */
  public String key() {
    return name.toLowerCase(Locale.ROOT);
  }

  private static boolean isTokenChar(int c) {
    return (c >= 'a' && c <= 'z')
        || (c >= 'A' && c <= 'Z')
        || (c >= '0' && c <= '9')
        || "!#$%&'*+-.^_`|~".indexOf(c) >= 0;
  }

  /** Shows the name only for credentials, so that a header never leaks a secret into a log. */
  @Override
  public String toString() {
    boolean secret = key().equals("authorization") || key().equals("proxy-authorization");
    return name + ": " + (secret ? "***" : value);
  }
}
