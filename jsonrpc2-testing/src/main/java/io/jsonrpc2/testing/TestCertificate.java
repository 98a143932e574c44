package io.jsonrpc2.testing;

import java.io.IOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/**
 * A self-signed certificate made on the fly for TLS tests: valid for a day, for the names {@code
 * localhost} and {@code 127.0.0.1}, with an EC P-256 key.
 *
 * @param commonName the subject's CN
 * @param certificate the certificate
 * @param privateKey its private key
 */
public record TestCertificate(
    String commonName, X509Certificate certificate, PrivateKey privateKey) {

  /** Where {@link #writePem} put the certificate and its PKCS#8 key, as PEM files. */
  public record Pem(Path certificate, Path privateKey) {}

  /** A certificate for CN=localhost. */
  public static TestCertificate create() throws IOException {
    return create("localhost");
  }

  /** A certificate for CN={@code commonName}. */
  public static TestCertificate create(String commonName) throws IOException {
    try {
      KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
      generator.initialize(new ECGenParameterSpec("secp256r1"));
      KeyPair keys = generator.generateKeyPair();
      X500Name name = new X500Name("CN=" + commonName);
      Instant now = Instant.now();
      X509v3CertificateBuilder builder =
          new JcaX509v3CertificateBuilder(
              name,
              BigInteger.valueOf(now.toEpochMilli()),
              Date.from(now.minus(Duration.ofHours(1))),
              Date.from(now.plus(Duration.ofDays(1))),
              name,
              keys.getPublic());
      builder.addExtension(
          Extension.subjectAlternativeName,
          false,
          new GeneralNames(
              new GeneralName[] {
                new GeneralName(GeneralName.dNSName, "localhost"),
                new GeneralName(GeneralName.iPAddress, "127.0.0.1")
              }));
      builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(false));
      X509Certificate certificate =
          new JcaX509CertificateConverter()
              .getCertificate(
                  builder.build(
                      new JcaContentSignerBuilder("SHA256withECDSA").build(keys.getPrivate())));
      return new TestCertificate(commonName, certificate, keys.getPrivate());
    } catch (GeneralSecurityException | OperatorCreationException e) {
      throw new IOException("cannot make a test certificate", e);
    }
  }

  /** Makes a certificate for CN={@code commonName} and writes it into {@code directory}. */
  public static Pem selfSigned(Path directory, String commonName) throws IOException {
    return create(commonName).writePem(directory);
  }

  /** Writes the certificate and its key as {@code <cn>.crt} and {@code <cn>.key} PEM files. */
  public Pem writePem(Path directory) throws IOException {
    Path certificateFile = directory.resolve(commonName + ".crt");
    Path keyFile = directory.resolve(commonName + ".key");
    try {
      Files.writeString(
          certificateFile, pem("CERTIFICATE", certificate.getEncoded()), StandardCharsets.US_ASCII);
    } catch (GeneralSecurityException e) {
      throw new IOException("cannot encode the test certificate", e);
    }
    Files.writeString(
        keyFile, pem("PRIVATE KEY", privateKey.getEncoded()), StandardCharsets.US_ASCII);
    return new Pem(certificateFile, keyFile);
  }

  /** A client TLS context that trusts this certificate and nothing else. */
  public SSLContext clientContext() throws GeneralSecurityException, IOException {
    KeyStore trusted = KeyStore.getInstance("PKCS12");
    trusted.load(null, null);
    trusted.setCertificateEntry("server", certificate);
    TrustManagerFactory trust =
        TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
    trust.init(trusted);
    SSLContext context = SSLContext.getInstance("TLS");
    context.init(null, trust.getTrustManagers(), null);
    return context;
  }

  private static String pem(String type, byte[] der) {
    return "-----BEGIN "
        + type
        + "-----\n"
        + Base64.getMimeEncoder(64, new byte[] {'\n'}).encodeToString(der)
        + "\n-----END "
        + type
        + "-----\n";
  }
}
