package io.jsonrpc2.netty.netstring;

import io.netty.handler.ssl.ClientAuth;
import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslContextBuilder;
import io.netty.handler.ssl.util.InsecureTrustManagerFactory;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import javax.net.ssl.SSLException;
import javax.net.ssl.TrustManagerFactory;
import org.jspecify.annotations.Nullable;

/** Builds the {@link SslContext}s of the netstring server and client from files. */
final class TlsContexts {
  private TlsContexts() {}

  /**
   * A server context from PEM files; client certificates are asked for (or required) and checked
   * against {@code trustedClientCertificates} when that is not null.
   */
  static SslContext server(
      File certificateChain,
      File privateKey,
      @Nullable String keyPassword,
      @Nullable File trustedClientCertificates,
      ClientAuth clientAuth) {
    try {
      SslContextBuilder builder =
          SslContextBuilder.forServer(certificateChain, privateKey, keyPassword);
      if (trustedClientCertificates != null) {
        builder.trustManager(trustedClientCertificates).clientAuth(clientAuth);
      }
      return builder.build();
    } catch (SSLException | IllegalArgumentException e) {
      throw new IllegalArgumentException(
          "cannot use certificate "
              + certificateChain
              + " with key "
              + privateKey
              + ": "
              + e.getMessage(),
          e);
    }
  }

  /** A client context that trusts the certificates of a PEM file, or of a key store file. */
  static SslContext client(
      @Nullable Path trusted,
      char @Nullable [] storePassword,
      @Nullable File clientCertificate,
      @Nullable File clientKey,
      boolean trustAll) {
    try {
      SslContextBuilder builder = SslContextBuilder.forClient();
      if (trustAll) {
        builder.trustManager(InsecureTrustManagerFactory.INSTANCE);
      } else if (trusted != null && storePassword != null) {
        builder.trustManager(trustManagers(trusted, storePassword));
      } else if (trusted != null) {
        builder.trustManager(trusted.toFile());
      }
      if (clientCertificate != null) {
        builder.keyManager(clientCertificate, clientKey);
      }
      return builder.build();
    } catch (SSLException | IllegalArgumentException e) {
      throw new IllegalArgumentException("cannot set up TLS: " + e.getMessage(), e);
    }
  }

  private static TrustManagerFactory trustManagers(Path storeFile, char[] password) {
    try (InputStream in = Files.newInputStream(storeFile)) {
      KeyStore store = KeyStore.getInstance(KeyStore.getDefaultType());
      store.load(in, password);
      TrustManagerFactory factory =
          TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
      factory.init(store);
      return factory;
    } catch (IOException | GeneralSecurityException e) {
      throw new IllegalArgumentException(
          "cannot read trust store " + storeFile + ": " + e.getMessage(), e);
    }
  }
}
