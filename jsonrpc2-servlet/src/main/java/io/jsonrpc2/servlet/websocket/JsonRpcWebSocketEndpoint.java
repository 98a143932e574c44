package io.jsonrpc2.servlet.websocket;

import io.jsonrpc2.JsonRpcService;
import io.jsonrpc2.connection.JsonRpcConnection;
import io.jsonrpc2.server.TransportContext;
import jakarta.websocket.CloseReason;
import jakarta.websocket.Endpoint;
import jakarta.websocket.EndpointConfig;
import jakarta.websocket.Session;
import java.net.SocketAddress;
import java.security.Principal;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The JSON-RPC end of one Jakarta WebSocket session: a {@link JsonRpcConnection} over its text
 * messages, serving the peer's calls with the service and carrying the service's calls to the peer
 * through {@code CallContext.peer()}. The container makes one instance per session through the
 * {@link JsonRpcWebSocketConfig} it was registered with:
 *
 * <pre>{@code
 * ServerContainer container = ...; // from the servlet context
 * JsonRpcWebSocketConfig config = JsonRpcWebSocketEndpoint.config(service, "/ws");
 * container.addEndpoint(config);
 * config.connections().broadcast("news", "hello"); // later, to every open session
 * }</pre>
 *
 * <p>Per session it sets the container's limits from the config: text messages over the largest
 * size close the session with 1009, binary messages close it with 1003, and a session quiet for the
 * idle timeout is closed by the container.
 */
public final class JsonRpcWebSocketEndpoint extends Endpoint {
  /** The user property, set by containers such as Jetty and Tomcat, holding the peer's address. */
  static final String REMOTE_ADDRESS = "jakarta.websocket.endpoint.remoteAddress";

  /** The user property, set by containers such as Jetty and Tomcat, holding the local address. */
  static final String LOCAL_ADDRESS = "jakarta.websocket.endpoint.localAddress";

  private static final Logger LOG = LoggerFactory.getLogger("io.jsonrpc2.servlet.websocket");

  private final JsonRpcWebSocketConfig config;
  private @Nullable SessionChannel channel;

  JsonRpcWebSocketEndpoint(JsonRpcWebSocketConfig config) {
    this.config = config;
  }

  /**
   * A config serving {@code service} at {@code path} with the defaults of {@link
   * JsonRpcWebSocketConfig#builder}: register it with the container's {@code
   * jakarta.websocket.server.ServerContainer}.
   */
  public static JsonRpcWebSocketConfig config(JsonRpcService service, String path) {
    return JsonRpcWebSocketConfig.builder(service, path).build();
  }

  /** Opens the JSON-RPC connection of {@code session}; called by the container. */
  @Override
  public void onOpen(Session session, EndpointConfig endpointConfig) {
    session.setMaxTextMessageBufferSize(config.maxMessageBytes());
    session.setMaxBinaryMessageBufferSize(config.maxMessageBytes());
    session.setMaxIdleTimeout(config.idleTimeout().toMillis());
    Map<String, Object> properties = endpointConfig.getUserProperties();
    TransportContext.Builder context =
        TransportContext.builder("websocket")
            .remoteAddress(
                properties.get(REMOTE_ADDRESS) instanceof SocketAddress remote ? remote : null);
    if (properties.get(LOCAL_ADDRESS) instanceof SocketAddress local) {
      context.attribute("localAddress", local);
    }
    if (properties.get(JsonRpcWebSocketConfig.HANDSHAKE) instanceof Handshake handshake) {
      context.headers(handshake.headers()).principal(handshake.principal());
    }
    Object remote = properties.get(REMOTE_ADDRESS);
    SessionChannel opened =
        new SessionChannel(
            session,
            config.sendQueueBound(),
            remote != null ? remote.toString() : "WebSocket session " + session.getId());
    channel = opened;
    config
        .connections()
        .open(
            JsonRpcConnection.builder(opened)
                .service(config.service())
                .context(context.build())
                .maxInFlight(config.maxInFlight()));
  }

  /** Reports the end of the session to its connection; called by the container. */
  @Override
  public void onClose(Session session, CloseReason closeReason) {
    SessionChannel closing = channel;
    if (closing != null) {
      closing.closed(null);
    }
  }

  /**
   * Ends the session's connection for {@code failure} (such as a message over the size limit);
   * called by the container.
   */
  @Override
  public void onError(Session session, Throwable failure) {
    LOG.info("WebSocket {} failed: {}", session.getId(), failure.toString());
    SessionChannel failing = channel;
    if (failing != null) {
      failing.closed(failure);
    }
  }

  /** The headers and principal of an admitted upgrade request, kept until the session opens. */
  record Handshake(Map<String, List<String>> headers, @Nullable Principal principal) {}
}
