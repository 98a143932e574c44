package io.jsonrpc2.servlet.websocket;

import io.jsonrpc2.JsonRpcService;
import io.jsonrpc2.connection.ConnectionGroup;
import io.jsonrpc2.http.HeaderMap;
import io.jsonrpc2.http.HttpAnswer;
import io.jsonrpc2.http.HttpRules;
import io.jsonrpc2.http.HttpVerdict;
import jakarta.websocket.Decoder;
import jakarta.websocket.Encoder;
import jakarta.websocket.Extension;
import jakarta.websocket.HandshakeResponse;
import jakarta.websocket.server.HandshakeRequest;
import jakarta.websocket.server.ServerEndpointConfig;
import java.security.Principal;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;

/**
 * The registration of a {@link JsonRpcWebSocketEndpoint} with a Jakarta WebSocket container, and
 * the handle on its open sessions: pass it to {@code ServerContainer.addEndpoint}, then broadcast
 * to or shut down its sessions through {@link #connections()}.
 *
 * <p>Its configurator checks each upgrade request before the session opens: a browser page of an
 * {@code Origin} not on the allow-list is refused (Jetty answers 403), and so is a request the
 * {@link HttpRules} authenticator refuses ({@link HttpRules#admitUpgrade}). The Jakarta WebSocket
 * API gives a configurator no way to choose the status of a refusal: the configurator throws, and
 * the container answers with an error status of its own (Jetty: 500) without a WebSocket. The
 * admitted request's headers and principal are what every call on that session sees in its {@code
 * TransportContext} (transport {@code "websocket"}).
 *
 * <p>Thread-safe; one instance serves every session of its path.
 */
public final class JsonRpcWebSocketConfig implements ServerEndpointConfig {
  /** The user property under which an admitted handshake waits for its session to open. */
  static final String HANDSHAKE = "io.jsonrpc2.websocket.handshake";

  private final JsonRpcService service;
  private final String path;
  private final HttpRules rules;
  private final Set<String> origins;
  private final int maxMessageBytes;
  private final Duration idleTimeout;
  private final int maxInFlight;
  private final int sendQueueBound;
  private final ConnectionGroup connections;
  private final Configurator configurator = new JsonRpcConfigurator();
  private final Map<String, Object> userProperties = new ConcurrentHashMap<>();

  private JsonRpcWebSocketConfig(Builder builder) {
    this.service = builder.service;
    this.path = builder.path;
    this.rules = builder.rules;
    this.origins =
        builder.origins.stream()
            .map(JsonRpcWebSocketConfig::normalize)
            .collect(Collectors.toUnmodifiableSet());
    this.maxMessageBytes = builder.maxMessageBytes;
    this.idleTimeout = builder.idleTimeout;
    this.maxInFlight = builder.maxInFlight;
    this.sendQueueBound = builder.sendQueueBound;
    this.connections = builder.connections;
  }

  /** A builder for a config serving {@code service} at {@code path} (such as {@code "/ws"}). */
  public static Builder builder(JsonRpcService service, String path) {
    return new Builder(service, path);
  }

  /**
   * The open sessions' connections: {@code broadcast(method, args...)} notifies all of them, {@code
   * shutdownAll(grace)} closes them once their calls in flight are answered. A session joins when
   * it opens and leaves when it closes.
   */
  public ConnectionGroup connections() {
    return connections;
  }

  JsonRpcService service() {
    return service;
  }

  int maxMessageBytes() {
    return maxMessageBytes;
  }

  Duration idleTimeout() {
    return idleTimeout;
  }

  int maxInFlight() {
    return maxInFlight;
  }

  int sendQueueBound() {
    return sendQueueBound;
  }

  /** {@link JsonRpcWebSocketEndpoint}, which the configurator makes for each session. */
  @Override
  public Class<?> getEndpointClass() {
    return JsonRpcWebSocketEndpoint.class;
  }

  /** The path the endpoint is served at, relative to the web application's context path. */
  @Override
  public String getPath() {
    return path;
  }

  /** None: JSON-RPC needs no subprotocol. */
  @Override
  public List<String> getSubprotocols() {
    return List.of();
  }

  /** None. */
  @Override
  public List<Extension> getExtensions() {
    return List.of();
  }

  /** Checks origins, authenticates, and makes the endpoints of this config. */
  @Override
  public Configurator getConfigurator() {
    return configurator;
  }

  /** None: the endpoint reads and writes text itself. */
  @Override
  public List<Class<? extends Encoder>> getEncoders() {
    return List.of();
  }

  /** None: the endpoint reads and writes text itself. */
  @Override
  public List<Class<? extends Decoder>> getDecoders() {
    return List.of();
  }

  /** The properties the container copies into each session's config; empty unless you add. */
  @Override
  public Map<String, Object> getUserProperties() {
    return userProperties;
  }

  // Scheme and host are case-insensitive and a trailing slash is a common typo in configuration.
  private static String normalize(String origin) {
    String lower = origin.strip().toLowerCase(Locale.ROOT);
    return lower.endsWith("/") ? lower.substring(0, lower.length() - 1) : lower;
  }

  private final class JsonRpcConfigurator extends Configurator {
    /**
     * Requests without an Origin come from programs, not from browser pages, and are let in; an
     * empty allow-list lets every origin in.
     */
    @Override
    public boolean checkOrigin(@Nullable String originHeaderValue) {
      return originHeaderValue == null
          || origins.isEmpty()
          || origins.contains(normalize(originHeaderValue));
    }

    @Override
    public void modifyHandshake(
        ServerEndpointConfig sessionConfig, HandshakeRequest request, HandshakeResponse response) {
      HeaderMap headers = new HeaderMap();
      request.getHeaders().forEach((name, values) -> values.forEach(v -> headers.add(name, v)));
      headers.seal();
      HttpVerdict verdict = rules.admitUpgrade(headers, null);
      HttpAnswer refusal = verdict.refusal();
      if (refusal != null) {
        throw new HandshakeRefusedException(refusal);
      }
      Principal principal =
          verdict.principal() != null ? verdict.principal() : request.getUserPrincipal();
      // The container gives each upgrade its own copy of the user properties, and the session the
      // same copy: the handshake reaches the session's endpoint through them.
      sessionConfig
          .getUserProperties()
          .put(HANDSHAKE, new JsonRpcWebSocketEndpoint.Handshake(headers, principal));
    }

    @Override
    public <T> T getEndpointInstance(Class<T> endpointClass) {
      return endpointClass.cast(new JsonRpcWebSocketEndpoint(JsonRpcWebSocketConfig.this));
    }
  }

  /** Why an upgrade request got no WebSocket: the rules' refusal, such as a 401. */
  static final class HandshakeRefusedException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    HandshakeRefusedException(HttpAnswer refusal) {
      super("WebSocket upgrade refused with " + refusal.status() + ": " + refusal);
    }
  }

  /** Builds a {@link JsonRpcWebSocketConfig}. Not thread-safe. */
  public static final class Builder {
    private final JsonRpcService service;
    private final String path;
    private HttpRules rules = HttpRules.defaults();
    private Set<String> origins = Set.of();
    private int maxMessageBytes = 16 * 1024 * 1024;
    private Duration idleTimeout = Duration.ofMinutes(5);
    private int maxInFlight = 1024;
    private int sendQueueBound = 256;
    private ConnectionGroup connections = new ConnectionGroup();

    private Builder(JsonRpcService service, String path) {
      this.service = Objects.requireNonNull(service, "service");
      this.path = Objects.requireNonNull(path, "path");
      if (!path.startsWith("/")) {
        throw new IllegalArgumentException("path must start with /, got " + path);
      }
    }

    /**
     * The rules whose authenticator decides about each upgrade request; the defaults authenticate
     * nobody, and the container's own principal ({@code getUserPrincipal()}) is used, if any.
     */
    public Builder rules(HttpRules rules) {
      this.rules = Objects.requireNonNull(rules, "rules");
      return this;
    }

    /**
     * The origins whose browser pages may open a WebSocket, compared without regard to case or a
     * trailing slash; none given (the default) allows any.
     */
    public Builder origins(String... origins) {
      this.origins = Stream.of(origins).map(Objects::requireNonNull).collect(Collectors.toSet());
      return this;
    }

    /** The largest text message accepted (16 MiB by default); a larger one closes with 1009. */
    public Builder maxMessageBytes(int bytes) {
      if (bytes < 1) {
        throw new IllegalArgumentException("maxMessageBytes must be positive, got " + bytes);
      }
      this.maxMessageBytes = bytes;
      return this;
    }

    /**
     * How long a session may send and receive nothing before the container closes it (5 minutes by
     * default); zero never.
     */
    public Builder idleTimeout(Duration timeout) {
      if (timeout.isNegative()) {
        throw new IllegalArgumentException("idleTimeout must not be negative, got " + timeout);
      }
      this.idleTimeout = timeout;
      return this;
    }

    /** How many of a session's calls may run at once (1,024 by default); see the connection. */
    public Builder maxInFlight(int calls) {
      if (calls < 1) {
        throw new IllegalArgumentException("maxInFlight must be at least 1, got " + calls);
      }
      this.maxInFlight = calls;
      return this;
    }

    /**
     * How many messages may wait to be sent on a session before it counts as unwritable (256 by
     * default): past that, subscriptions and broadcasts hold their items in their bounded buffers.
     */
    public Builder sendQueueBound(int messages) {
      if (messages < 1) {
        throw new IllegalArgumentException("sendQueueBound must be at least 1, got " + messages);
      }
      this.sendQueueBound = messages;
      return this;
    }

    /** The group the sessions' connections join; a new one of its own by default. */
    public Builder connections(ConnectionGroup group) {
      this.connections = Objects.requireNonNull(group, "group");
      return this;
    }

    /** The config. */
    public JsonRpcWebSocketConfig build() {
      return new JsonRpcWebSocketConfig(this);
    }
  }
}
