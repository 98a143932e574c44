package io.jsonrpc2.netty.netstring;

import io.jsonrpc2.JsonRpcClient;
import io.jsonrpc2.netty.NettyTransport;
import io.netty.channel.EventLoopGroup;
import io.netty.handler.ssl.SslContext;
import java.io.File;
import java.net.SocketAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * Configures a {@link NetstringClientTransport}; made by {@link NetstringClientTransport#builder}.
 * Not thread-safe. Nothing connects until the first call.
 */
public final class NetstringClientBuilder {
  final SocketAddress address;
  @Nullable SslContext sslContext;
  @Nullable Path trusted;
  char @Nullable [] trustStorePassword;
  @Nullable File clientCertificate;
  @Nullable File clientKey;
  boolean trustAll;
  boolean tlsWanted;
  boolean hostnameVerification = true;
  int maxFrameLength = NetstringServer.Builder.DEFAULT_MAX_FRAME_LENGTH;
  Duration connectTimeout = Duration.ofSeconds(10);
  Duration reconnectBackoff = Duration.ofMillis(100);
  Duration maxReconnectBackoff = Duration.ofSeconds(5);
  @Nullable EventLoopGroup group;
  @Nullable NettyTransport transport;

  NetstringClientBuilder(SocketAddress address) {
    this.address = Objects.requireNonNull(address, "address");
  }

  /**
   * Speaks TLS with this client context (made with Netty's {@code SslContextBuilder.forClient}).
   */
  public NetstringClientBuilder tls(SslContext clientContext) {
    Objects.requireNonNull(clientContext, "clientContext");
    if (clientContext.isServer()) {
      throw new IllegalArgumentException(
          "the SslContext is a server context; a client context is needed");
    }
    this.sslContext = clientContext;
    this.tlsWanted = true;
    return this;
  }

  /** Speaks TLS and trusts the JVM's default certificate authorities. */
  public NetstringClientBuilder tls() {
    this.tlsWanted = true;
    return this;
  }

  /** Speaks TLS and trusts the PEM certificates in {@code certificates}. */
  public NetstringClientBuilder trustCertificates(Path certificates) {
    this.trusted = Objects.requireNonNull(certificates, "certificates");
    this.trustStorePassword = null;
    this.tlsWanted = true;
    return this;
  }

  /** Speaks TLS and trusts the certificates of a key store file (PKCS#12 or JKS). */
  public NetstringClientBuilder trustStore(Path store, char[] password) {
    this.trusted = Objects.requireNonNull(store, "store");
    this.trustStorePassword = Objects.requireNonNull(password, "password").clone();
    this.tlsWanted = true;
    return this;
  }

  /**
   * Speaks TLS and accepts any server certificate, without checking name or issuer. For tests only:
   * anyone on the path can read and change the traffic.
   */
  public NetstringClientBuilder trustAllCertificatesForTesting() {
    this.trustAll = true;
    this.tlsWanted = true;
    return this;
  }

  /** Presents this PEM certificate chain and PEM PKCS#8 key to servers that ask for one. */
  public NetstringClientBuilder clientCertificate(File certificateChain, File privateKey) {
    this.clientCertificate = Objects.requireNonNull(certificateChain, "certificateChain");
    this.clientKey = Objects.requireNonNull(privateKey, "privateKey");
    this.tlsWanted = true;
    return this;
  }

  /** Whether the server certificate must name the host connected to (on by default). */
  public NetstringClientBuilder hostnameVerification(boolean verify) {
    this.hostnameVerification = verify;
    return this;
  }

  /** The largest reply accepted; a larger one drops the connection. Default 8 MiB. */
  public NetstringClientBuilder maxFrameLength(int bytes) {
    if (bytes < 1) {
      throw new IllegalArgumentException("maxFrameLength must be positive, got " + bytes);
    }
    this.maxFrameLength = bytes;
    return this;
  }

  /** How long one connection attempt may take. Default 10 s. */
  public NetstringClientBuilder connectTimeout(Duration timeout) {
    this.connectTimeout = positive(timeout, "connectTimeout");
    return this;
  }

  /**
   * The wait after a failed connection attempt before the next one, doubled after each further
   * failure up to {@code max}. Defaults 100 ms and 5 s. The first attempt after a drop is
   * immediate.
   */
  public NetstringClientBuilder reconnectBackoff(Duration initial, Duration max) {
    this.reconnectBackoff = positive(initial, "initial");
    this.maxReconnectBackoff = positive(max, "max");
    if (max.compareTo(initial) < 0) {
      throw new IllegalArgumentException("max backoff " + max + " is below the initial " + initial);
    }
    return this;
  }

  /**
   * The socket I/O to run on; {@link NettyTransport#best()} by default. With {@link
   * #eventLoopGroup} it must be the transport that group was made for (NIO unless set).
   */
  public NetstringClientBuilder transport(NettyTransport transport) {
    this.transport = Objects.requireNonNull(transport, "transport");
    return this;
  }

  /**
   * Runs the connection on this event loop group, which the caller owns and shuts down; by default
   * the transport has one thread of its own, stopped by {@code close()}. The group's transport is
   * NIO unless {@link #transport} says otherwise.
   */
  public NetstringClientBuilder eventLoopGroup(EventLoopGroup group) {
    this.group = Objects.requireNonNull(group, "group");
    return this;
  }

  /**
   * Builds the transport.
   *
   * @throws IllegalArgumentException if the TLS files cannot be read
   */
  public NetstringClientTransport build() {
    return NetstringClientTransport.create(this);
  }

  /** Builds the transport and a {@link JsonRpcClient} over it with default settings. */
  public JsonRpcClient buildClient() {
    return JsonRpcClient.builder().transport(build()).build();
  }

  @Nullable SslContext sslContext() {
    if (sslContext != null) {
      return sslContext;
    }
    if (!tlsWanted) {
      return null;
    }
    return TlsContexts.client(trusted, trustStorePassword, clientCertificate, clientKey, trustAll);
  }

  private static Duration positive(Duration value, String name) {
    Objects.requireNonNull(value, name);
    if (value.isZero() || value.isNegative()) {
      throw new IllegalArgumentException(name + " must be positive, got " + value);
    }
    return value;
  }
}
