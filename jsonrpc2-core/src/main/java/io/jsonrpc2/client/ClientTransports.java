package io.jsonrpc2.client;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * Makes a {@link ClientTransport} from a URL with the {@link ClientTransportProvider} on the class
 * path that serves its scheme: {@code http://} and {@code https://} (jsonrpc2-httpclient), {@code
 * netstring://} and {@code netstring+tls://} (jsonrpc2-netty), {@code zmq+tcp://}
 * (jsonrpc2-zeromq). {@link io.jsonrpc2.JsonRpcClient#connect} builds a client on top.
 *
 * <p>Providers are looked up with {@link ServiceLoader} through the thread's context class loader
 * on each call, so a class loader that comes later is seen.
 */
public final class ClientTransports {
  // Where a scheme's transport lives, for the message when no provider serves it.
  private static final Map<String, String> KNOWN_MODULES =
      Map.of(
          "http", "jsonrpc2-httpclient",
          "https", "jsonrpc2-httpclient",
          "netstring", "jsonrpc2-netty",
          "netstring+tls", "jsonrpc2-netty",
          "zmq+tcp", "jsonrpc2-zeromq");

  private ClientTransports() {}

  /**
   * A transport to {@code url}; nothing is connected yet.
   *
   * @throws IllegalArgumentException if {@code url} is not a URL, no provider on the class path
   *     serves its scheme (the message names the schemes that are served and the module to add), or
   *     the provider refuses the URL or the options
   */
  public static ClientTransport open(String url, ConnectOptions options) {
    try {
      return open(new URI(url), options);
    } catch (URISyntaxException e) {
      throw new IllegalArgumentException(
          "'" + url + "' is not a URL (" + e.getReason() + "): use " + describe(schemes()), e);
    }
  }

  /** As {@link #open(String, ConnectOptions)}. */
  public static ClientTransport open(URI url, ConnectOptions options) {
    if (url.getScheme() == null) {
      throw new IllegalArgumentException("'" + url + "' has no scheme: use " + describe(schemes()));
    }
    String scheme = url.getScheme().toLowerCase(Locale.ROOT);
    for (ClientTransportProvider provider : providers()) {
      if (provider.schemes().contains(scheme)) {
        return provider.open(url, options);
      }
    }
    throw new IllegalArgumentException(unknownScheme(url, scheme));
  }

  /** The schemes the providers on the class path serve, sorted. */
  public static SortedSet<String> schemes() {
    SortedSet<String> schemes = new TreeSet<>();
    providers().forEach(provider -> schemes.addAll(provider.schemes()));
    return schemes;
  }

  private static ServiceLoader<ClientTransportProvider> providers() {
    return ServiceLoader.load(ClientTransportProvider.class);
  }

  private static String unknownScheme(URI url, String scheme) {
    String module = KNOWN_MODULES.get(scheme);
    String served = describe(schemes());
    if (module != null) {
      return "no transport for "
          + scheme
          + ":// URLs such as '"
          + url
          + "' on the class path: add "
          + module
          + " (served here: "
          + served
          + ")";
    }
    return "'" + url + "' has the scheme " + scheme + ", which no transport serves: use " + served;
  }

  private static String describe(SortedSet<String> schemes) {
    if (schemes.isEmpty()) {
      return "no scheme, as no transport module is on the class path"
          + " (jsonrpc2-httpclient, jsonrpc2-netty or jsonrpc2-zeromq)";
    }
    return String.join(", ", schemes.stream().map(scheme -> scheme + "://").toList());
  }
}
