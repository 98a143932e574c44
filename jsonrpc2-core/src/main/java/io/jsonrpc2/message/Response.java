package io.jsonrpc2.message;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.NullNode;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A response: exactly one of {@code result} and {@code error}.
 *
 * <p>A successful response whose result is JSON {@code null} holds {@link NullNode}, never a Java
 * null, so success and failure are always told apart by {@link #isError()}.
 *
 * @param id the id of the request answered; {@link Id#NULL} when the server could not read it
 * @param result the result, or null for an error response
 * @param error the error, or null for a successful response
 */
public record Response(Id id, @Nullable JsonNode result, @Nullable ErrorObject error)
    implements Message {
  public Response {
    Objects.requireNonNull(id, "id");
    if ((result == null) == (error == null)) {
      throw new IllegalArgumentException("a response has exactly one of result and error");
    }
  }

  public static Response success(Id id, @Nullable JsonNode result) {
    return new Response(id, result == null ? NullNode.getInstance() : result, null);
  }

  public static Response failure(Id id, ErrorObject error) {
    return new Response(id, null, Objects.requireNonNull(error, "error"));
  }

  public boolean isError() {
    return error != null;
  }
}
