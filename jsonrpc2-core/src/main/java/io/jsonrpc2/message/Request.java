package io.jsonrpc2.message;

import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * An outgoing request: a call that expects a response.
 *
 * <p>The client writes it as the specification's Request object, members in this order:
 *
 * <pre>{@code
 * Request.of("subtract", 42, 23).withId(1)
 *     -> {"jsonrpc":"2.0","method":"subtract","params":[42,23],"id":1}
 * Request.named("cat", Map.of("name", "Mittens")).withId("a1")
 *     -> {"jsonrpc":"2.0","method":"cat","params":{"name":"Mittens"},"id":"a1"}
 * Request.of("ping")   // sent with the client's next id
 *     -> {"jsonrpc":"2.0","method":"ping","id":7}
 * }</pre>
 *
 * <p>{@code params} is null (the member is left out), a {@code List} (positional), a {@code Map}
 * with String keys (named), or an array or object {@code JsonNode}; it is copied so the record
 * stays immutable. The elements are written with the client's {@code ObjectMapper}.
 *
 * <p>{@code id} may be null while the request is being built: the client then assigns one from its
 * id generator when it sends the request. An explicit {@link Id#NULL} is a real request with the id
 * {@code null} (legal, if discouraged); it is not a notification.
 *
 * @param id the request id, or null to have the client pick one
 * @param method the method name
 * @param params the params as described above
 */
public record Request(@Nullable Id id, String method, @Nullable Object params) implements Message {
  public Request {
    Objects.requireNonNull(method, "method");
    params = ParamsValue.check(params);
  }

  /**
   * A request with positional params and an id chosen by the client; without arguments the {@code
   * params} member is left out.
   */
  public static Request of(String method, Object... args) {
    return new Request(null, method, ParamsValue.positional(args));
  }

  /** A request with named params and an id chosen by the client. */
  public static Request named(String method, Map<String, ?> args) {
    return new Request(null, method, Objects.requireNonNull(args, "args"));
  }

  /** A copy with the given id; null lets the client choose one. */
  public Request withId(@Nullable Id newId) {
    return new Request(newId, method, params);
  }

  /** A copy with the given numeric id. */
  public Request withId(long newId) {
    return withId(Id.of(newId));
  }

  /** A copy with the given string id. */
  public Request withId(String newId) {
    return withId(Id.of(newId));
  }
}
