package io.jsonrpc2.http;

import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * An HTTP response decided by {@link HttpRules}, for a server to write as it is.
 *
 * <p>The server adds only what belongs to the connection: {@code Content-Length} (the body's
 * length), {@code Date}, and {@code Connection} when it closes or keeps a HTTP/1.0 connection.
 * Values are immutable by contract: the body array is shared, never copied, and must not be changed
 * by anyone.
 *
 * @param status the HTTP status code
 * @param headers header values by name, exactly as they are to be sent
 * @param body the body, empty (never null) when there is none
 */
// The body is shared without a copy (see above); answers are never compared.
@SuppressWarnings("ArrayRecordComponent")
public record HttpAnswer(int status, Map<String, String> headers, byte[] body) {
  private static final Map<String, String> TEXT_HEADERS =
      Map.of("Content-Type", "text/plain; charset=utf-8", "X-Content-Type-Options", "nosniff");

  public HttpAnswer {
    if (status < 100 || status > 599) {
      throw new IllegalArgumentException("not an HTTP status: " + status);
    }
    // Map.copyOf returns an already immutable map as it is, so the rules' constant header sets
    // cost nothing here on the hot path.
    headers = Map.copyOf(headers);
    Objects.requireNonNull(body, "body");
  }

  /** An HTTP-level refusal: a one-line plain-text body saying what to change. */
  static HttpAnswer text(int status, Map<String, String> headers, String message) {
    Map<String, String> all = TEXT_HEADERS;
    if (!headers.isEmpty()) {
      all = new HashMap<>(TEXT_HEADERS);
      all.putAll(headers);
    }
    return new HttpAnswer(status, all, (message + "\n").getBytes(StandardCharsets.UTF_8));
  }

  /** True when the body has at least one byte. */
  public boolean hasBody() {
    return body.length > 0;
  }

  /** The value of a header set by the rules (names as the rules spell them), or null. */
  public @Nullable String header(String name) {
    for (Map.Entry<String, String> header : headers.entrySet()) {
      if (header.getKey().equalsIgnoreCase(name)) {
        return header.getValue();
      }
    }
    return null;
  }

  @Override
  public String toString() {
    return "HttpAnswer[" + status + ", " + headers + ", " + body.length + " bytes]";
  }
}
