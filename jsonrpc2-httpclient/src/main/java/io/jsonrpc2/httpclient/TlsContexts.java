package io.jsonrpc2.httpclient;

import java.io.IOException;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.X509Certificate;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509ExtendedTrustManager;
import org.jspecify.annotations.Nullable;

/** Makes the {@link SSLContext}s behind the builder's TLS settings. */
final class TlsContexts {
  private TlsContexts() {}

  /**
   * A context that trusts the certificates of a trust store file (PKCS12 or JKS, told apart by the
   * JDK from the file's content).
   *
   * @throws IllegalArgumentException if the file cannot be read or opened with the password
   */
  static SSLContext trusting(Path trustStore, char @Nullable [] password) {
    if (!Files.isReadable(trustStore)) {
      throw new IllegalArgumentException(
          "the trust store " + trustStore + " does not exist or cannot be read");
    }
    KeyStore store;
    try {
      store = KeyStore.getInstance(trustStore.toFile(), password);
    } catch (IOException | GeneralSecurityException e) {
      throw new IllegalArgumentException(
          "cannot open the trust store "
              + trustStore
              + " (wrong password or not a key store?): "
              + e.getMessage(),
          e);
    }
    return trusting(store);
  }

  /** A context that trusts the certificates of {@code trustStore}. */
  static SSLContext trusting(KeyStore trustStore) {
    try {
      TrustManagerFactory factory =
          TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
      factory.init(trustStore);
      SSLContext context = SSLContext.getInstance("TLS");
      context.init(null, factory.getTrustManagers(), null);
      return context;
    } catch (GeneralSecurityException e) {
      throw new IllegalArgumentException(
          "cannot make a TLS context from the trust store: " + e.getMessage(), e);
    }
  }

  /**
   * A context that accepts any server certificate for any host name. An extended trust manager is
   * used on purpose: the JDK checks the host name inside the trust manager it is given and wraps a
   * plain one with its own check, so only an extended one can skip that check too.
   */
  static SSLContext trustingEveryone() {
    try {
      SSLContext context = SSLContext.getInstance("TLS");
      context.init(null, new TrustManager[] {new TrustEveryone()}, null);
      return context;
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("the JDK offers no TLS context", e);
    }
  }

  private static final class TrustEveryone extends X509ExtendedTrustManager {
    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType, Socket socket) {}

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType, Socket socket) {}

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType, SSLEngine engine) {}

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType, SSLEngine engine) {}

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType) {}

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType) {}

    @Override
    public X509Certificate[] getAcceptedIssuers() {
      return new X509Certificate[0];
    }
  }
}
