package io.jsonrpc2.server;

import java.net.SocketAddress;
import java.security.Principal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;

/**
 * What a transport knows about the connection or HTTP exchange a message came from.
 *
 * <p>Transports make one per connection or exchange and pass it to {@code JsonRpcService.handle};
 * methods see it through {@link io.jsonrpc2.CallContext#transport()}. Header names are matched
 * without regard to case. The headers are copied, unless they come as {@link SealedHeaders} that
 * are sealed: those are kept as they are.
 *
 * @param transport a short name of the transport, such as "netstring", "http" or "in-memory"
 * @param remoteAddress the peer's address, or null when there is none
 * @param headers request headers (HTTP), empty for transports without them
 * @param principal the authenticated peer, or null
 * @param attributes anything else the transport wants methods to see
 * @param callerMayBlock whether the thread that hands the message in may be held while a blocking
 *     method runs (a servlet container's thread, a caller's own thread): the service then runs a
 *     plain method right there, with no hand-off to its executor. False for a transport's I/O
 *     thread (an event loop), which must never wait for a method.
 */
public record TransportContext(
    String transport,
    @Nullable SocketAddress remoteAddress,
    Map<String, List<String>> headers,
    @Nullable Principal principal,
    Map<String, Object> attributes,
    boolean callerMayBlock) {

  /**
   * The context of a call that came from no transport at all (a direct {@code handle} call on the
   * caller's own thread, which may block).
   */
  public static final TransportContext NONE = builder("none").callerMayBlock(true).build();

  public TransportContext {
    Objects.requireNonNull(transport, "transport");
    if (!(headers instanceof SealedHeaders given
        && given.isSealed())) { // a sealed one is as a copy would be
      TreeMap<String, List<String>> caseless = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
      headers.forEach((name, values) -> caseless.put(name, List.copyOf(values)));
      headers = java.util.Collections.unmodifiableMap(caseless);
    }
    attributes = Map.copyOf(attributes);
  }

  /** A context whose caller must not block, as an I/O thread's. */
  public TransportContext(
      String transport,
      @Nullable SocketAddress remoteAddress,
      Map<String, List<String>> headers,
      @Nullable Principal principal,
      Map<String, Object> attributes) {
    this(transport, remoteAddress, headers, principal, attributes, false);
  }

  /** The first value of a header. */
  public Optional<String> header(String name) {
    List<String> values = headers.get(name);
    return values == null || values.isEmpty() ? Optional.empty() : Optional.of(values.get(0));
  }

  public Optional<Principal> principalIfAny() {
    return Optional.ofNullable(principal);
  }

  /** This context with one more attribute ({@code name} replaced if it is there). */
  public TransportContext withAttribute(String name, Object value) {
    Map<String, Object> more = new LinkedHashMap<>(attributes);
    more.put(Objects.requireNonNull(name, "name"), Objects.requireNonNull(value, "value"));
    return new TransportContext(transport, remoteAddress, headers, principal, more, callerMayBlock);
  }

  public static Builder builder(String transport) {
    return new Builder(transport);
  }

  /** Builds a {@link TransportContext}. Not thread-safe. */
  public static final class Builder {
    private final String transport;
    private @Nullable SocketAddress remoteAddress;
    private final Map<String, List<String>> headers = new LinkedHashMap<>();
    private @Nullable Principal principal;
    private final Map<String, Object> attributes = new LinkedHashMap<>();
    private boolean callerMayBlock;

    private Builder(String transport) {
      this.transport = Objects.requireNonNull(transport, "transport");
    }

    public Builder remoteAddress(@Nullable SocketAddress address) {
      this.remoteAddress = address;
      return this;
    }

    public Builder header(String name, String value) {
      headers.computeIfAbsent(name, n -> new java.util.ArrayList<>()).add(value);
      return this;
    }

    public Builder headers(Map<String, List<String>> all) {
      all.forEach((name, values) -> values.forEach(v -> header(name, v)));
      return this;
    }

    public Builder principal(@Nullable Principal principal) {
      this.principal = principal;
      return this;
    }

    public Builder attribute(String name, Object value) {
      attributes.put(name, value);
      return this;
    }

    /** See {@link TransportContext#callerMayBlock()}; default false. */
    public Builder callerMayBlock(boolean mayBlock) {
      this.callerMayBlock = mayBlock;
      return this;
    }

    public TransportContext build() {
      return new TransportContext(
          transport, remoteAddress, headers, principal, attributes, callerMayBlock);
    }
  }
}
