package io.jsonrpc2.httpclient;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;

/**
 * Self-made server certificates for TLS tests, made with the JDK's own {@code keytool}, so no
 * certificate library is needed.
 */
final class TestCertificates {
  static final char[] PASSWORD = "changeit".toCharArray();

  private TestCertificates() {}

  /**
   * A PKCS12 key store at {@code dir/name.p12} holding a self-signed EC key pair under the alias
   * "server" for the given subject alternative names (such as {@code ip:127.0.0.1}).
   */
  static Path serverKeyStore(Path dir, String name, String subjectAltNames)
      throws IOException, InterruptedException {
    Path store = dir.resolve(name + ".p12");
    Path keytool = Path.of(System.getProperty("java.home"), "bin", "keytool");
    Process process =
        new ProcessBuilder(
                List.of(
                    keytool.toString(),
                    "-genkeypair",
                    "-alias",
                    "server",
                    "-keyalg",
                    "EC",
                    "-groupname",
                    "secp256r1",
                    "-dname",
                    "CN=" + name,
                    "-ext",
                    "SAN=" + subjectAltNames,
                    "-validity",
                    "2",
                    "-storetype",
                    "PKCS12",
                    "-keystore",
                    store.toString(),
                    "-storepass",
                    new String(PASSWORD),
                    "-keypass",
                    new String(PASSWORD)))
            .redirectErrorStream(true)
            .start();
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
      process.destroyForcibly();
      throw new IOException("keytool failed: " + output);
    }
    return store;
  }

  /** The TLS context of a server presenting the key pair of {@code keyStore}. */
  static SSLContext serverContext(Path keyStore) throws IOException, GeneralSecurityException {
    KeyManagerFactory keys = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
    keys.init(KeyStore.getInstance(keyStore.toFile(), PASSWORD), PASSWORD);
    SSLContext context = SSLContext.getInstance("TLS");
    context.init(keys.getKeyManagers(), null, null);
    return context;
  }

  /** A trust store (PKCS12, at {@code target}) holding only the certificate of {@code keyStore}. */
  static Path trustStoreFor(Path keyStore, Path target)
      throws IOException, GeneralSecurityException {
    Certificate certificate =
        KeyStore.getInstance(keyStore.toFile(), PASSWORD).getCertificate("server");
    KeyStore trust = KeyStore.getInstance("PKCS12");
    trust.load(null, null);
    trust.setCertificateEntry("server", certificate);
    try (OutputStream out = Files.newOutputStream(target)) {
      trust.store(out, PASSWORD);
    }
    return target;
  }
}
