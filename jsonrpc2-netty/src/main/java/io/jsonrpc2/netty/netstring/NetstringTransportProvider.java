package io.jsonrpc2.netty.netstring;

import io.jsonrpc2.client.ClientTransport;
import io.jsonrpc2.client.ClientTransportProvider;
import io.jsonrpc2.client.ConnectOptions;
import io.jsonrpc2.client.SocketAddressUrl;
import java.net.URI;
import java.util.Locale;
import java.util.Set;

/**
 * Serves {@code netstring://HOST:PORT} and {@code netstring+tls://HOST:PORT} URLs to {@link
 * io.jsonrpc2.client.ClientTransports} with a {@link NetstringClientTransport} whose connect
 * timeout is the options' timeout; TLS trusts the JVM's default certificate authorities unless the
 * options trust every certificate.
 */
public final class NetstringTransportProvider implements ClientTransportProvider {
  @Override
  public Set<String> schemes() {
    return Set.of("netstring", "netstring+tls");
  }

  @Override
  public ClientTransport open(URI url, ConnectOptions options) {
    SocketAddressUrl address = SocketAddressUrl.of(url);
    options.checkNoHttpSettings(url);
    boolean tls = url.getScheme().toLowerCase(Locale.ROOT).equals("netstring+tls");
    if (!tls) {
      options.checkNoTlsSettings(url);
    }
    NetstringClientBuilder netstring =
        NetstringClientTransport.builder(address.host(), address.port())
            .connectTimeout(options.timeout());
    if (options.trustAllCertificates()) {
      netstring.trustAllCertificatesForTesting();
    } else if (tls) {
      netstring.tls();
    }
    return netstring.build();
  }
}
