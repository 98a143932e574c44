package io.jsonrpc2.message;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/** Checks and copies the {@code params} of outgoing messages. */
final class ParamsValue {
  private ParamsValue() {}

  /**
   * The params of a call with these trailing arguments: null (no {@code params} member, as clients
   * should send when there are none) for no arguments, a list otherwise. A null array comes from a
   * call like {@code of("echo", null)}, whose caller meant one null argument.
   */
  static @Nullable Object positional(@Nullable Object @Nullable [] args) {
    if (args == null) {
      return Collections.singletonList(null);
    }
    return args.length == 0 ? null : java.util.Arrays.asList(args);
  }

  /**
   * Returns an unmodifiable copy of positional (List or array JsonNode) or named (Map or object
   * JsonNode) params, or null for absent params.
   */
  static @Nullable Object check(@Nullable Object params) {
    if (params == null) {
      return null;
    }
    if (params instanceof List<?> list) {
      // Arrays.asList-style copy that keeps null elements, which List.copyOf would reject.
      return Collections.unmodifiableList(new java.util.ArrayList<>(list));
    }
    if (params instanceof Map<?, ?> map) {
      Map<String, Object> copy = new LinkedHashMap<>();
      map.forEach(
          (k, v) -> {
            if (!(k instanceof String name)) {
              throw new IllegalArgumentException("named params need String keys, got " + k);
            }
            copy.put(name, v);
          });
      return Collections.unmodifiableMap(copy);
    }
    if (params instanceof JsonNode node && (node.isArray() || node.isObject())) {
      return node.deepCopy();
    }
    throw new IllegalArgumentException(
        "params must be a List (positional), a Map (named), an array or object JsonNode, or null; got "
            + params.getClass().getName());
  }
}
