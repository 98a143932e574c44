package io.jsonrpc2.client;

import java.net.URI;

/**
 * The host and port of a URL that names a socket and nothing else, such as {@code
 * netstring://127.0.0.1:7080}: for {@link ClientTransportProvider}s of socket transports.
 *
 * @param host the host name or address, an IPv6 literal without its brackets
 * @param port the port
 */
public record SocketAddressUrl(String host, int port) {
  /**
   * Reads {@code scheme://HOST:PORT} (a trailing {@code /} allowed).
   *
   * @throws IllegalArgumentException if the URL lacks the host or the port, or has a path, query or
   *     fragment
   */
  public static SocketAddressUrl of(URI url) {
    if (url.getHost() == null || url.getPort() < 0) {
      throw new IllegalArgumentException(
          "'" + url + "' needs a host and a port, as in " + url.getScheme() + "://127.0.0.1:7080");
    }
    String path = url.getRawPath();
    if (!(path == null || path.isEmpty() || path.equals("/"))
        || url.getRawQuery() != null
        || url.getRawFragment() != null
        || url.getRawUserInfo() != null) {
      throw new IllegalArgumentException(
          "'" + url + "' must be just " + url.getScheme() + "://HOST:PORT");
    }
    String host = url.getHost();
    // URI keeps the brackets of an IPv6 literal; sockets want the address alone.
    boolean bracketed = host.startsWith("[") && host.endsWith("]");
    return new SocketAddressUrl(
        bracketed ? host.substring(1, host.length() - 1) : host, url.getPort());
  }

  /** {@code HOST:PORT}, the IPv6 literal in brackets. */
  public String authority() {
    return (host.contains(":") ? "[" + host + "]" : host) + ":" + port;
  }
}
