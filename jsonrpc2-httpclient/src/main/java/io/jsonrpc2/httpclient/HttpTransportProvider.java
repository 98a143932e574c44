package io.jsonrpc2.httpclient;

import io.jsonrpc2.client.ClientTransport;
import io.jsonrpc2.client.ClientTransportProvider;
import io.jsonrpc2.client.ConnectOptions;
import java.net.URI;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;

/**
 * Serves {@code http://} and {@code https://} URLs to {@link io.jsonrpc2.client.ClientTransports}
 * with an {@link HttpClientTransport} whose connect and request timeouts are the options' timeout.
 */
public final class HttpTransportProvider implements ClientTransportProvider {
  @Override
  public Set<String> schemes() {
    return Set.of("http", "https");
  }

  @Override
  public ClientTransport open(URI url, ConnectOptions options) {
    HttpClientTransport.Builder http =
        HttpClientTransport.builder(url)
            .connectTimeout(options.timeout())
            .requestTimeout(options.timeout())
            .headers(options.headers());
    String user = options.user();
    if (user != null) {
      http.basicAuth(
          user,
          Objects.requireNonNull(options.password(), "ConnectOptions with a user has a password"));
    }
    if (options.trustAllCertificates()) {
      if (!url.getScheme().toLowerCase(Locale.ROOT).equals("https")) {
        options.checkNoTlsSettings(url);
      }
      http.insecureTrustAllCertificates();
    }
    return http.build();
  }
}
