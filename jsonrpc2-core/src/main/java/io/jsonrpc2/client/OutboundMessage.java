package io.jsonrpc2.client;

import java.util.Map;
import java.util.Objects;

/**
 * One encoded message on its way to a transport.
 *
 * @param payload the UTF-8 JSON bytes; not to be modified
 * @param expectsReply false when the message holds notifications only
 * @param options per-call transport options (such as extra HTTP headers), by name; each transport
 *     documents the names it reads and ignores the rest
 */
// The payload is handed to the transport without a copy; messages are never compared.
@SuppressWarnings("ArrayRecordComponent")
public record OutboundMessage(byte[] payload, boolean expectsReply, Map<String, Object> options) {
  public OutboundMessage {
    Objects.requireNonNull(payload, "payload");
    options = Map.copyOf(options);
  }
}
