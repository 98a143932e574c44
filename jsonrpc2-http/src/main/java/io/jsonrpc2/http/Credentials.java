package io.jsonrpc2.http;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/** Helpers shared by the shipped authenticators. */
final class Credentials {
  private Credentials() {}

  /** The credentials after {@code scheme} in the Authorization header, or null. */
  static @Nullable String authorization(Map<String, List<String>> headers, String scheme) {
    List<String> values = headers.get("Authorization");
    if (values == null || values.size() != 1) {
      return null; // none, or ambiguous: several Authorization headers are never accepted
    }
    String value = values.get(0).strip();
    if (value.length() <= scheme.length()
        || !value.regionMatches(true, 0, scheme, 0, scheme.length())
        || value.charAt(scheme.length()) != ' ') {
      return null;
    }
    String credentials = value.substring(scheme.length() + 1).strip();
    return credentials.isEmpty() ? null : credentials;
  }

  /**
   * Compares secrets in time that depends on neither their content nor their length: both are
   * hashed first, so a timing attacker learns nothing about how much of a guess was right.
   */
  static boolean sameSecret(String given, byte[] expectedDigest) {
    return MessageDigest.isEqual(digest(given), expectedDigest);
  }

  static byte[] digest(String secret) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(secret.getBytes(StandardCharsets.UTF_8));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java platform has SHA-256", e);
    }
  }

  /** A realm as a quoted-string of RFC 9110; quotes and backslashes in it are escaped. */
  static String quoted(String value) {
    if (value.indexOf('\r') >= 0 || value.indexOf('\n') >= 0) {
      throw new IllegalArgumentException("a realm must be one line: " + value);
    }
    return '"' + value.replace("\\", "\\\\").replace("\"", "\\\"") + '"';
  }
}
