package io.jsonrpc2.message;

import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * An outgoing notification: a call without an id, to which the server never replies.
 *
 * <p>The client writes it as the specification's Request object without an {@code id} member:
 *
 * <pre>{@code
 * Notification.of("update", 1, 2, 3) -> {"jsonrpc":"2.0","method":"update","params":[1,2,3]}
 * Notification.of("heartbeat")        -> {"jsonrpc":"2.0","method":"heartbeat"}
 * }</pre>
 *
 * @param method the method name
 * @param params null (left out), a {@code List} (positional), a {@code Map} (named), or an array or
 *     object {@code JsonNode}; copied
 */
public record Notification(String method, @Nullable Object params) implements Message {
  public Notification {
    Objects.requireNonNull(method, "method");
    params = ParamsValue.check(params);
  }

  /**
   * A notification with positional params; without arguments the {@code params} member is left out.
   */
  public static Notification of(String method, Object... args) {
    return new Notification(method, ParamsValue.positional(args));
  }

  /** A notification with named params. */
  public static Notification named(String method, Map<String, ?> args) {
    return new Notification(method, Objects.requireNonNull(args, "args"));
  }
}
