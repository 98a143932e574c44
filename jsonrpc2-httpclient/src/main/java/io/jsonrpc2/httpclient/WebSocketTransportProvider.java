package io.jsonrpc2.httpclient;

import io.jsonrpc2.client.ClientTransport;
import io.jsonrpc2.client.ClientTransportProvider;
import io.jsonrpc2.client.ConnectOptions;
import java.net.URI;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;

/**
 * Serves {@code ws://} and {@code wss://} URLs to {@link io.jsonrpc2.client.ClientTransports} with
 * a {@link WebSocketClientTransport} whose connect timeout is the options' timeout and whose
 * upgrade request carries the options' headers and credentials.
 */
public final class WebSocketTransportProvider implements ClientTransportProvider {
  @Override
  public Set<String> schemes() {
    return Set.of("ws", "wss");
  }

  @Override
  public ClientTransport open(URI url, ConnectOptions options) {
    WebSocketClientTransport.Builder webSocket =
        WebSocketClientTransport.builder(url)
            .connectTimeout(options.timeout())
            .headers(options.headers());
    String user = options.user();
    if (user != null) {
      webSocket.basicAuth(
          user,
          Objects.requireNonNull(options.password(), "ConnectOptions with a user has a password"));
    }
    if (options.trustAllCertificates()) {
      if (!url.getScheme().toLowerCase(Locale.ROOT).equals("wss")) {
        options.checkNoTlsSettings(url);
      }
      webSocket.insecureTrustAllCertificates();
    }
    return webSocket.build();
  }
}
