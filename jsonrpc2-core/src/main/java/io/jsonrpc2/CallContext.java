package io.jsonrpc2;

import io.jsonrpc2.message.Id;
import io.jsonrpc2.server.TransportContext;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * What a method may know about the call it is serving.
 *
 * <p>A parameter of this type is injected by the service and never read from the request's params.
 * It carries the request id (empty for a notification), the method name as called, the transport's
 * context (remote address, headers, principal) and the values the caller of {@code
 * JsonRpcService.handle} passed in.
 *
 * @param id the request id, or null for a notification
 * @param method the method name as it was called
 * @param transport where the call came from
 * @param values values given to {@code handle} by its caller, by name (the extra keyword arguments
 *     of a call in the Python jsonrpc2 library)
 */
public record CallContext(
    @Nullable Id id, String method, TransportContext transport, Map<String, Object> values) {

  public CallContext {
    values = Map.copyOf(values);
  }

  public boolean isNotification() {
    return id == null;
  }

  public Optional<Id> requestId() {
    return Optional.ofNullable(id);
  }

  /**
   * The other side of the connection the call came on, to call it back: a client whose calls,
   * notifications and proxies go to the caller, on the same connection. Waiting on it from a method
   * that runs on the service's executor is fine; from a {@link NonBlocking} method, which runs on
   * the thread that reads the connection, it would wait for itself, so use its async calls there.
   *
   * @throws IllegalStateException when the transport carries no calls back to the caller (HTTP,
   *     ZeroMQ REQ/REP, a direct {@code handle} call)
   */
  public JsonRpcClient peer() {
    return peerIfAny()
        .orElseThrow(
            () ->
                new IllegalStateException(
                    "the "
                        + transport.transport()
                        + " transport carries no calls back to the caller of '"
                        + method
                        + "'"));
  }

  /** {@link #peer()}, or empty when the transport carries no calls back to the caller. */
  public Optional<JsonRpcClient> peerIfAny() {
    return transport.attributes().get(PEER_ATTRIBUTE) instanceof JsonRpcClient peer
        ? Optional.of(peer)
        : Optional.empty();
  }

  /**
   * The {@link TransportContext#attributes()} name under which a two-way connection puts the client
   * that {@link #peer()} returns.
   */
  public static final String PEER_ATTRIBUTE = "io.jsonrpc2.peer";

  /** A value given to {@code handle}, if there is one under this name. */
  public Optional<Object> value(String name) {
    return Optional.ofNullable(values.get(name));
  }
}
