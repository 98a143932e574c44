package io.jsonrpc2.cli;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;

/**
 * Where {@code jsonrpc2 call} sends its message, read from the URL the user gave.
 *
 * @param kind the transport the URL's scheme names
 * @param url the URL as given
 * @param host the host (for netstring and ZeroMQ; for HTTP the URL says it all)
 * @param port the port (for netstring and ZeroMQ)
 * @param tls whether the connection is TLS ({@code https}, {@code netstring+tls})
 */
record Endpoint(Kind kind, String url, String host, int port, boolean tls) {
  /** The transports {@code call} speaks. */
  enum Kind {
    HTTP,
    NETSTRING,
    ZMQ
  }

  static final String SCHEMES = "http://, https://, netstring://, netstring+tls:// or zmq+tcp://";

  /**
   * Reads a URL: {@code http(s)://...}, {@code netstring://HOST:PORT}, {@code
   * netstring+tls://HOST:PORT} or {@code zmq+tcp://HOST:PORT}.
   *
   * @throws CliException (usage) for any other URL, or one without host and port where they are
   *     needed
   */
  static Endpoint parse(String url) {
    URI uri;
    try {
      uri = new URI(url);
    } catch (URISyntaxException e) {
      throw CliException.usage(
          "'" + url + "' is not a URL (" + e.getReason() + "): use " + SCHEMES);
    }
    String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
    return switch (scheme) {
      case "http", "https" -> {
        if (uri.getHost() == null) {
          throw CliException.usage("'" + url + "' has no host");
        }
        yield new Endpoint(Kind.HTTP, url, uri.getHost(), uri.getPort(), scheme.equals("https"));
      }
      case "netstring" -> hostAndPort(Kind.NETSTRING, url, uri, false);
      case "netstring+tls" -> hostAndPort(Kind.NETSTRING, url, uri, true);
      case "zmq+tcp" -> hostAndPort(Kind.ZMQ, url, uri, false);
      default ->
          throw CliException.usage("'" + url + "' is not a URL jsonrpc2 can call: use " + SCHEMES);
    };
  }

  private static Endpoint hostAndPort(Kind kind, String url, URI uri, boolean tls) {
    if (uri.getHost() == null || uri.getPort() < 0) {
      throw CliException.usage(
          "'" + url + "' needs a host and a port, as in " + uri.getScheme() + "://127.0.0.1:7080");
    }
    if (!(uri.getRawPath() == null || uri.getRawPath().isEmpty() || uri.getRawPath().equals("/"))
        || uri.getRawQuery() != null) {
      throw CliException.usage("'" + url + "' must be just " + uri.getScheme() + "://HOST:PORT");
    }
    return new Endpoint(kind, url, unbracketed(uri.getHost()), uri.getPort(), tls);
  }

  // URI keeps the brackets of an IPv6 literal; sockets want the address alone.
  private static String unbracketed(String host) {
    return host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
  }

  /** The ZeroMQ endpoint for {@code zmq+tcp://HOST:PORT}: {@code tcp://HOST:PORT}. */
  String zmqEndpoint() {
    return "tcp://" + (host.contains(":") ? "[" + host + "]" : host) + ":" + port;
  }
}
