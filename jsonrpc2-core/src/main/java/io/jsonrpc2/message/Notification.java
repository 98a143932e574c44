package io.jsonrpc2.message;

import java.util.Arrays;
import java.util.Map;
import java.util.Objects;

/**
 * An outgoing notification: a call without an id, to which the server never replies.
 *
 * @param method the method name
 * @param params null, a {@code List} (positional), a {@code Map} (named), or an array or object
 *     {@code JsonNode}; copied
 */
public record Notification(String method, Object params) implements Message {
  public Notification {
    Objects.requireNonNull(method, "method");
    params = ParamsValue.check(params);
  }

  /** A notification with positional params. */
  public static Notification of(String method, Object... args) {
    return new Notification(method, Arrays.asList(args));
  }

  /** A notification with named params. */
  public static Notification named(String method, Map<String, ?> args) {
    return new Notification(method, args);
  }
}
