package io.jsonrpc2.netty.http;

import io.jsonrpc2.connection.ConnectionGroup;
import java.time.Duration;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;

/**
 * How a server answers WebSocket upgrades on its JSON-RPC path.
 *
 * @param maxMessageBytes the largest message accepted, after reassembly; larger ones close with
 *     1009
 * @param pingInterval how long a quiet connection waits before it is pinged, and then how long the
 *     pong may take before the connection is closed; zero pings never
 * @param origins the allowed {@code Origin} values, normalized; empty allows any
 * @param maxInFlight the peer's calls in flight before the connection stops reading
 * @param connections where the open WebSocket connections are tracked
 */
record WebSocketSettings(
    int maxMessageBytes,
    Duration pingInterval,
    Set<String> origins,
    int maxInFlight,
    ConnectionGroup connections) {

  WebSocketSettings {
    origins = origins.stream().map(WebSocketSettings::normalize).collect(Collectors.toSet());
  }

  /**
   * Whether a page of {@code origin} may open a WebSocket: requests without an Origin come from
   * programs, not from browser pages, and are let in.
   */
  boolean allows(@Nullable String origin) {
    return origin == null || origins.isEmpty() || origins.contains(normalize(origin));
  }

  // Scheme and host are case-insensitive and a trailing slash is a common typo in configuration.
  private static String normalize(String origin) {
    String lower = origin.strip().toLowerCase(Locale.ROOT);
    return lower.endsWith("/") ? lower.substring(0, lower.length() - 1) : lower;
  }
}
