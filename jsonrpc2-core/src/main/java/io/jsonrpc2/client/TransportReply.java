package io.jsonrpc2.client;

import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * What a request-response transport received in answer to one message.
 *
 * @param body the reply bytes; empty when the peer answered with nothing
 * @param details facts about the exchange for logs, such as {@code http_status}, {@code
 *     http_reason} and {@code http_headers}; put into the MDC of the response log line
 */
// equals and hashCode below compare the bytes, so the array component is safe.
@SuppressWarnings("ArrayRecordComponent")
public record TransportReply(byte[] body, Map<String, String> details) {
  private static final byte[] EMPTY = new byte[0];

  public TransportReply {
    body = body == null ? EMPTY : body;
    details = Map.copyOf(details);
  }

  /** A reply with no details; a null body is an empty one. */
  public static TransportReply of(byte @Nullable [] body) {
    return new TransportReply(body == null ? EMPTY : body, Map.of());
  }

  public boolean isEmpty() {
    return body.length == 0;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof TransportReply other
        && java.util.Arrays.equals(body, other.body)
        && details.equals(other.details);
  }

  @Override
  public int hashCode() {
    return Objects.hash(java.util.Arrays.hashCode(body), details);
  }

  @Override
  public String toString() {
    return "TransportReply[" + body.length + " bytes, " + details + "]";
  }
}
