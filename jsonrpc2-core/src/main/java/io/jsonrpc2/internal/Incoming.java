package io.jsonrpc2.internal;

import com.fasterxml.jackson.databind.util.TokenBuffer;
import io.jsonrpc2.message.ErrorObject;
import io.jsonrpc2.message.Id;
import java.util.List;

/** What the request decoder makes of one message's bytes. */
public sealed interface Incoming {

  /** The bytes were not one JSON text: answered with one -32700. */
  record Unparseable(String detail) implements Incoming {}

  /** A message that is refused as a whole (empty batch, a limit exceeded): one error, id null. */
  record Refused(ErrorObject error) implements Incoming {}

  /** A single request object (valid or not). */
  record Single(Entry entry) implements Incoming {}

  /** A non-empty batch; one entry per element, in order. */
  record Batch(List<Entry> entries) implements Incoming {}

  /** One request object. */
  sealed interface Entry permits Call, Invalid {}

  /**
   * A well-formed call.
   *
   * @param id the id, or null when the member was absent (a notification)
   * @param method the method name
   * @param params the params' tokens, or null when the member was absent
   */
  record Call(Id id, String method, TokenBuffer params) implements Entry {
    public boolean isNotification() {
      return id == null;
    }
  }

  /**
   * A request object that breaks the specification; it is always answered, with {@code id} when
   * the id itself could be read and {@link Id#NULL} otherwise.
   */
  record Invalid(Id id, ErrorObject error) implements Entry {}
}
