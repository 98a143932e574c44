package io.jsonrpc2.httpclient;

import java.net.http.HttpClient;
import java.nio.file.Path;
import java.util.Objects;
import javax.net.ssl.SSLContext;
import org.jspecify.annotations.Nullable;

/**
 * The TLS settings a transport builder collects (an {@code SSLContext}, a trust store, or trusting
 * every certificate, at most one of them), and how they make the JDK client's TLS. Not thread-safe.
 */
final class TlsChoice {
  private @Nullable SSLContext sslContext;
  private @Nullable Path trustStore;
  private char @Nullable [] trustStorePassword;
  private boolean trustAllCertificates;

  void sslContext(SSLContext context) {
    this.sslContext = Objects.requireNonNull(context, "context");
  }

  void trustStore(Path file, char @Nullable [] password) {
    this.trustStore = Objects.requireNonNull(file, "file");
    this.trustStorePassword = password == null ? null : password.clone();
  }

  void trustAllCertificates() {
    this.trustAllCertificates = true;
  }

  /**
   * Whether any TLS setting was made.
   *
   * @throws IllegalStateException if more than one was
   */
  boolean isSet() {
    int choices =
        (sslContext != null ? 1 : 0)
            + (trustStore != null ? 1 : 0)
            + (trustAllCertificates ? 1 : 0);
    if (choices > 1) {
      throw new IllegalStateException(
          "choose one of sslContext, trustStore and insecureTrustAllCertificates");
    }
    return choices == 1;
  }

  /**
   * Gives {@code client} the TLS chosen, if any.
   *
   * @throws IllegalArgumentException if the trust store cannot be read
   */
  void applyTo(HttpClient.Builder client) {
    if (sslContext != null) {
      client.sslContext(sslContext);
    } else if (trustStore != null) {
      client.sslContext(TlsContexts.trusting(trustStore, trustStorePassword));
    } else if (trustAllCertificates) {
      client.sslContext(TlsContexts.trustingEveryone());
    }
  }
}
