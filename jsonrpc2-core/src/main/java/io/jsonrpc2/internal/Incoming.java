package io.jsonrpc2.internal;

import com.fasterxml.jackson.databind.util.TokenBuffer;
import io.jsonrpc2.message.ErrorObject;
import io.jsonrpc2.message.Id;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** What the request decoder makes of one message's bytes. */
public sealed interface Incoming {

  /** The bytes were not one JSON text: answered with one -32700. */
  record Unparseable(String detail) implements Incoming {}

  /** A message that is refused as a whole (empty batch, a limit exceeded): one error, id null. */
  record Refused(ErrorObject error) implements Incoming {}

  /** A non-empty batch; one entry per element, in order. */
  record Batch(List<Entry> entries) implements Incoming {}

  /** One request object (valid or not); as a whole message, a single request. */
  sealed interface Entry extends Incoming permits Call, Invalid {}

  /**
   * A well-formed call. Its params are either buffered ({@code params}, for the target to bind when
   * it is dispatched) or were already read while decoding ({@code target} not null: then {@code
   * args} holds them, or {@code bindFailure} says why they do not fit).
   *
   * @param id the id, or null when the member was absent (a notification)
   * @param method the method name
   * @param params the params' tokens, or null when absent or already read
   * @param target the method the params were read for, or null when they were not read
   * @param args the arguments read, {@link ParamBinder#MISSING} where params left them out
   * @param bindFailure why the params do not fit {@code target}, or null
   */
  // The args are handed to the method as they are; calls are never compared.
  @SuppressWarnings("ArrayRecordComponent")
  record Call(
      @Nullable Id id,
      String method,
      @Nullable TokenBuffer params,
      @Nullable ReflectiveTarget target,
      @Nullable Object @Nullable [] args,
      @Nullable RuntimeException bindFailure)
      implements Entry {
    static Call buffered(@Nullable Id id, String method, @Nullable TokenBuffer params) {
      return new Call(id, method, params, null, null, null);
    }

    public boolean isNotification() {
      return id == null;
    }

    /** True when the params were read while decoding, for {@link #target()}. */
    public boolean isBound() {
      return target != null;
    }
  }

  /**
   * A request object that breaks the specification; it is always answered, with {@code id} when the
   * id itself could be read and {@link Id#NULL} otherwise.
   */
  record Invalid(Id id, ErrorObject error) implements Entry {}
}
