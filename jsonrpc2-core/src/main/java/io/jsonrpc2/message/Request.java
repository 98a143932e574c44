package io.jsonrpc2.message;

import java.util.Arrays;
import java.util.Map;
import java.util.Objects;

/**
 * An outgoing request: a call that expects a response.
 *
 * <p>{@code params} is null (the member is left out), a {@code List} (positional), a {@code Map}
 * with String keys (named), or an array or object {@code JsonNode}; it is copied so the record
 * stays immutable. The elements are written with the client's {@code ObjectMapper}.
 *
 * <p>{@code id} may be null while the request is being built: the client then assigns one from
 * its id generator when it sends the request.
 *
 * @param id the request id, or null to have the client pick one
 * @param method the method name
 * @param params the params as described above
 */
public record Request(Id id, String method, Object params) implements Message {
  public Request {
    Objects.requireNonNull(method, "method");
    params = ParamsValue.check(params);
  }

  /** A request with positional params and an id chosen by the client. */
  public static Request of(String method, Object... args) {
    return new Request(null, method, Arrays.asList(args));
  }

  /** A request with named params and an id chosen by the client. */
  public static Request named(String method, Map<String, ?> args) {
    return new Request(null, method, args);
  }

  /** A copy with the given id. */
  public Request withId(Id newId) {
    return new Request(newId, method, params);
  }

  /** A copy with the given id. */
  public Request withId(long newId) {
    return withId(Id.of(newId));
  }

  /** A copy with the given id. */
  public Request withId(String newId) {
    return withId(Id.of(newId));
  }
}
