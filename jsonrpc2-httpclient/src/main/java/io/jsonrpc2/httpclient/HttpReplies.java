package io.jsonrpc2.httpclient;

import io.jsonrpc2.client.TransportReply;
import java.net.http.HttpHeaders;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

/** Turns an HTTP response into a {@link TransportReply} or an {@link HttpStatusException}. */
final class HttpReplies {
  private static final byte[] EMPTY = new byte[0];

  private HttpReplies() {}

  /**
   * The reply to hand to the client: any 2xx, or a non-2xx whose body is a JSON-RPC reply.
   *
   * @throws HttpStatusException for a non-2xx reply with any other body
   */
  static TransportReply toReply(HttpResponse<byte[]> response, String endpoint) {
    int status = response.statusCode();
    byte[] body = response.body();
    String reason = HttpReasons.of(status);
    Map<String, String> details =
        Map.of(
            "http_status", Integer.toString(status),
            "http_reason", reason,
            "http_headers", format(response.headers()));
    if (status / 100 == 2) {
      return new TransportReply(status == 204 ? EMPTY : body, details);
    }
    if (JsonRpcBodies.isJsonRpc(body)) {
      return new TransportReply(body, details);
    }
    throw new HttpStatusException(
        endpoint, status, reason, response.headers().map(), bodyStart(body));
  }

  static String bodyStart(byte[] body) {
    // Decoding a little more than needed is cheap and avoids cutting a multi-byte character.
    int bytes = Math.min(body.length, HttpStatusException.BODY_START_CHARS * 4);
    String text = new String(body, 0, bytes, StandardCharsets.UTF_8);
    return text.length() <= HttpStatusException.BODY_START_CHARS
        ? text
        : text.substring(0, HttpStatusException.BODY_START_CHARS) + "...";
  }

  /** Headers as one log-friendly line: {@code name: value, name: value}, in name order. */
  static String format(HttpHeaders headers) {
    StringBuilder line = new StringBuilder();
    for (Map.Entry<String, List<String>> header : headers.map().entrySet()) {
      for (String value : header.getValue()) {
        if (line.length() > 0) {
          line.append(", ");
        }
        line.append(header.getKey()).append(": ").append(value);
      }
    }
    return line.toString();
  }
}
