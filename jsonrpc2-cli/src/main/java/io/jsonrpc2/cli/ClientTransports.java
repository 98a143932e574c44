package io.jsonrpc2.cli;

import io.jsonrpc2.client.ClientTransport;
import io.jsonrpc2.httpclient.HttpClientTransport;
import io.jsonrpc2.netty.netstring.NetstringClientBuilder;
import io.jsonrpc2.netty.netstring.NetstringClientTransport;
import io.jsonrpc2.zeromq.ZmqClientTransport;
import java.time.Duration;
import java.util.List;

/** Makes the client transport an {@link Endpoint} names, configured from {@code call}'s options. */
final class ClientTransports {
  /**
   * What {@code call} may set on a transport.
   *
   * @param headers {@code Name: value} HTTP headers
   * @param user {@code user:password} for HTTP Basic, or null
   * @param insecure trust any server certificate (TLS against test servers only)
   * @param timeout how long to wait for a connection and for the reply
   */
  record Settings(List<String> headers, String user, boolean insecure, Duration timeout) {
    Settings {
      headers = List.copyOf(headers);
    }
  }

  private ClientTransports() {}

  /**
   * A transport to {@code endpoint}; nothing is connected yet.
   *
   * @throws CliException (usage) for settings that do not fit the endpoint
   */
  static ClientTransport open(Endpoint endpoint, Settings settings) {
    if (endpoint.kind() != Endpoint.Kind.HTTP
        && (!settings.headers().isEmpty() || settings.user() != null)) {
      throw CliException.usage("--header and --user are for http:// and https:// URLs only");
    }
    if (settings.insecure() && !endpoint.tls()) {
      throw CliException.usage("--insecure is for https:// and netstring+tls:// URLs only");
    }
    return switch (endpoint.kind()) {
      case HTTP -> http(endpoint, settings);
      case NETSTRING -> netstring(endpoint, settings);
      case ZMQ ->
          ZmqClientTransport.builder(endpoint.zmqEndpoint())
              .replyTimeout(settings.timeout())
              .build();
    };
  }

  private static ClientTransport netstring(Endpoint endpoint, Settings settings) {
    NetstringClientBuilder netstring =
        NetstringClientTransport.builder(endpoint.host(), endpoint.port())
            .connectTimeout(settings.timeout());
    if (settings.insecure()) {
      netstring.trustAllCertificatesForTesting();
    } else if (endpoint.tls()) {
      netstring.tls();
    }
    try {
      return netstring.build();
    } catch (IllegalArgumentException | IllegalStateException e) {
      throw CliException.usage(e.getMessage());
    }
  }

  private static ClientTransport http(Endpoint endpoint, Settings settings) {
    try {
      return httpBuilder(endpoint, settings).build();
    } catch (IllegalArgumentException | IllegalStateException e) {
      throw CliException.usage(e.getMessage());
    }
  }

  private static HttpClientTransport.Builder httpBuilder(Endpoint endpoint, Settings settings) {
    HttpClientTransport.Builder http =
        HttpClientTransport.builder(endpoint.url())
            .connectTimeout(settings.timeout())
            .requestTimeout(settings.timeout());
    for (String header : settings.headers()) {
      int colon = header.indexOf(':');
      if (colon <= 0) {
        throw CliException.usage("--header takes 'Name: value', got '" + header + "'");
      }
      http.header(header.substring(0, colon).trim(), header.substring(colon + 1).trim());
    }
    if (settings.user() != null) {
      int colon = settings.user().indexOf(':');
      if (colon < 0) {
        throw CliException.usage("--user takes user:password");
      }
      http.basicAuth(settings.user().substring(0, colon), settings.user().substring(colon + 1));
    }
    if (settings.insecure()) {
      http.insecureTrustAllCertificates();
    }
    return http;
  }
}
