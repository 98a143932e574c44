package io.jsonrpc2.internal;

import io.jsonrpc2.message.ErrorObject;
import io.jsonrpc2.message.Id;
import org.jspecify.annotations.Nullable;

/** The answer to one request, not yet written: a result value or an error. */
public record Outcome(Id id, @Nullable Object result, @Nullable ErrorObject error) {
  public static Outcome success(Id id, @Nullable Object result) {
    return new Outcome(id, result, null);
  }

  public static Outcome failure(Id id, ErrorObject error) {
    return new Outcome(id, null, error);
  }
}
