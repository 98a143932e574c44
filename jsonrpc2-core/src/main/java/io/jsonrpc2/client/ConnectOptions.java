package io.jsonrpc2.client;

import java.net.URI;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * What a client made from a URL ({@link io.jsonrpc2.JsonRpcClient#connect(java.net.URI,
 * ConnectOptions)}) is configured with: the settings the transports share. A transport that cannot
 * honour a setting given to it (HTTP headers on a netstring URL, trusting every certificate on a
 * plain-text URL) refuses the URL with an {@link IllegalArgumentException} instead of ignoring it.
 * Anything beyond these is set on the transport's own builder.
 *
 * <p>Immutable; made with {@link #builder()}.
 */
public final class ConnectOptions {
  /** The defaults: a 30 s timeout, no headers or credentials, the JDK's trusted certificates. */
  public static final ConnectOptions DEFAULT = builder().build();

  private final Duration timeout;
  private final Map<String, String> headers;
  private final @Nullable String user;
  private final @Nullable String password;
  private final boolean trustAllCertificates;

  private ConnectOptions(Builder builder) {
    this.timeout = builder.timeout;
    this.headers = Map.copyOf(builder.headers);
    this.user = builder.user;
    this.password = builder.password;
    this.trustAllCertificates = builder.trustAllCertificates;
  }

  public static Builder builder() {
    return new Builder();
  }

  /** How long a connection attempt may take, and how long a call waits for its reply. */
  public Duration timeout() {
    return timeout;
  }

  /** HTTP headers sent with every message (http:// and https:// only). */
  public Map<String, String> headers() {
    return headers;
  }

  /** The user for HTTP Basic authentication, or null for none. */
  public @Nullable String user() {
    return user;
  }

  /** The password for HTTP Basic authentication, or null when there is no {@link #user()}. */
  public @Nullable String password() {
    return password;
  }

  /** Whether any server certificate is accepted (TLS URLs only; for test servers only). */
  public boolean trustAllCertificates() {
    return trustAllCertificates;
  }

  /**
   * For transports that cannot send HTTP headers or credentials.
   *
   * @throws IllegalArgumentException if headers or credentials are set
   */
  public void checkNoHttpSettings(URI url) {
    if (!headers.isEmpty() || user != null) {
      throw new IllegalArgumentException(
          "HTTP headers and credentials are for http:// and https:// URLs only, not '" + url + "'");
    }
  }

  /**
   * For transports without TLS.
   *
   * @throws IllegalArgumentException if {@link #trustAllCertificates()} is set
   */
  public void checkNoTlsSettings(URI url) {
    if (trustAllCertificates) {
      throw new IllegalArgumentException(
          "trusting all certificates is for TLS URLs (https://, netstring+tls://) only, not '"
              + url
              + "'");
    }
  }

  /** Builds {@link ConnectOptions}; not thread-safe. */
  public static final class Builder {
    private Duration timeout = Duration.ofSeconds(30);
    private final Map<String, String> headers = new LinkedHashMap<>();
    private @Nullable String user;
    private @Nullable String password;
    private boolean trustAllCertificates;

    private Builder() {}

    /** The connect and call timeout; default 30 s. */
    public Builder timeout(Duration timeout) {
      Objects.requireNonNull(timeout, "timeout");
      if (timeout.isZero() || timeout.isNegative()) {
        throw new IllegalArgumentException("timeout must be positive, got " + timeout);
      }
      this.timeout = timeout;
      return this;
    }

    /** An HTTP header sent with every message; a later one of the same name replaces it. */
    public Builder header(String name, String value) {
      headers.put(Objects.requireNonNull(name, "name"), Objects.requireNonNull(value, "value"));
      return this;
    }

    /** HTTP Basic credentials sent with every message. */
    public Builder basicAuth(String user, String password) {
      this.user = Objects.requireNonNull(user, "user");
      this.password = Objects.requireNonNull(password, "password");
      return this;
    }

    /**
     * Accepts any server certificate for any host name. <b>For tests against servers with self-made
     * certificates only</b>: it makes TLS useless against an attacker in the middle.
     */
    public Builder trustAllCertificatesForTesting() {
      this.trustAllCertificates = true;
      return this;
    }

    public ConnectOptions build() {
      return new ConnectOptions(this);
    }
  }
}
