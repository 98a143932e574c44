package io.jsonrpc2.client;

import java.net.URI;
import java.util.Set;

/**
 * The SPI through which {@link ClientTransports} finds a transport for a URL: a network module
 * names the URL schemes it serves and makes a {@link ClientTransport} for such a URL. Providers are
 * found with {@link java.util.ServiceLoader}, so a module registers its provider in {@code
 * META-INF/services/io.jsonrpc2.client.ClientTransportProvider}; a provider needs a public no-arg
 * constructor and must be thread-safe.
 */
public interface ClientTransportProvider {
  /** The lower-case URL schemes served, such as {@code http} and {@code https}. */
  Set<String> schemes();

  /**
   * A transport to {@code url}, whose scheme is one of {@link #schemes()}; nothing is connected
   * yet.
   *
   * @throws IllegalArgumentException if the URL lacks what the transport needs (such as a port), or
   *     {@code options} sets what the transport cannot honour
   */
  ClientTransport open(URI url, ConnectOptions options);
}
