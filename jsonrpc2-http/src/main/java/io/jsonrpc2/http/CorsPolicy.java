package io.jsonrpc2.http;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;

/** The CORS part of {@link HttpRules}: which origins may call from a browser, and the headers. */
final class CorsPolicy {
  private final Set<String> origins;
  private final boolean anyOrigin;
  private final boolean allowCredentials;
  private final String allowedHeaders;
  private final long maxAgeSeconds;

  CorsPolicy(
      Set<String> origins,
      boolean allowCredentials,
      List<String> allowedHeaders,
      long maxAgeSeconds) {
    this.anyOrigin = origins.contains("*");
    if (anyOrigin && allowCredentials) {
      throw new IllegalArgumentException(
          "CORS credentials with any origin would let every site call as the user: list the origins");
    }
    this.origins =
        origins.stream().map(CorsPolicy::normalize).collect(Collectors.toUnmodifiableSet());
    this.allowCredentials = allowCredentials;
    this.allowedHeaders = String.join(", ", allowedHeaders);
    this.maxAgeSeconds = maxAgeSeconds;
  }

  // Scheme and host are case-insensitive and a trailing slash is a common typo in configuration.
  private static String normalize(String origin) {
    String lower = origin.strip().toLowerCase(Locale.ROOT);
    return lower.endsWith("/") ? lower.substring(0, lower.length() - 1) : lower;
  }

  Set<String> origins() {
    return origins;
  }

  boolean allows(@Nullable String origin) {
    return origin != null && (anyOrigin || origins.contains(normalize(origin)));
  }

  /** {@code base} plus the headers that let the page at {@code origin} read the answer. */
  Map<String, String> withCors(Map<String, String> base, @Nullable String origin) {
    if (!allows(origin)) {
      return base;
    }
    Map<String, String> headers = new HashMap<>(base);
    if (anyOrigin) {
      headers.put("Access-Control-Allow-Origin", "*");
    } else {
      headers.put("Access-Control-Allow-Origin", origin);
      headers.put("Vary", "Origin");
    }
    if (allowCredentials) {
      headers.put("Access-Control-Allow-Credentials", "true");
    }
    return Map.copyOf(headers);
  }

  /** The answer to a preflight OPTIONS request. */
  HttpAnswer preflight(@Nullable String origin, @Nullable String requestedMethod, String allow) {
    if (origin == null || requestedMethod == null) {
      return new HttpAnswer(204, Map.of("Allow", allow), new byte[0]); // a plain OPTIONS
    }
    if (!allows(origin) || !requestedMethod.strip().equals("POST")) {
      return HttpAnswer.text(403, Map.of(), "CORS preflight refused: origin or method not allowed");
    }
    Map<String, String> headers = new HashMap<>(withCors(Map.of("Allow", allow), origin));
    headers.put("Access-Control-Allow-Methods", "POST");
    headers.put("Access-Control-Allow-Headers", allowedHeaders);
    headers.put("Access-Control-Max-Age", Long.toString(maxAgeSeconds));
    return new HttpAnswer(204, headers, new byte[0]);
  }
}
