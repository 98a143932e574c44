package io.jsonrpc2.httpclient;

import io.jsonrpc2.client.TransportException;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The server answered with a status outside 2xx and a body that is not a JSON-RPC response (an HTML
 * error page from a proxy, a refused login, a missing path). The calls of the message fail with
 * this exception; whether they ran on the server is unknown.
 *
 * <p>A non-2xx reply whose body is a JSON-RPC response is not an error of the transport: the client
 * reads that body as it would read any reply.
 */
public class HttpStatusException extends TransportException {
  private static final long serialVersionUID = 1L;

  /** How much of the body is kept: enough to recognise an error page, not a whole one. */
  static final int BODY_START_CHARS = 200;

  private final int statusCode;
  private final String reason;
  private final transient Map<String, List<String>> headers;
  private final String bodyStart;

  /**
   * @param endpoint the URL the message was posted to
   * @param statusCode the HTTP status code
   * @param reason the standard reason phrase of the code, empty when it has none
   * @param headers the reply's headers
   * @param bodyStart the start of the reply body, at most about {@value #BODY_START_CHARS} chars
   */
  public HttpStatusException(
      String endpoint,
      int statusCode,
      String reason,
      Map<String, List<String>> headers,
      String bodyStart) {
    super(describe(endpoint, statusCode, reason, bodyStart));
    this.statusCode = statusCode;
    this.reason = reason;
    TreeMap<String, List<String>> caseless = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
    headers.forEach((name, values) -> caseless.put(name, List.copyOf(values)));
    this.headers = Collections.unmodifiableMap(caseless);
    this.bodyStart = bodyStart;
  }

  private static String describe(String endpoint, int statusCode, String reason, String bodyStart) {
    String status = reason.isEmpty() ? "HTTP " + statusCode : "HTTP " + statusCode + " " + reason;
    String body = bodyStart.isBlank() ? "(empty body)" : bodyStart.replaceAll("\\s+", " ").strip();
    return status + " from " + endpoint + ": " + body;
  }

  /** The HTTP status code, such as 502. */
  public int statusCode() {
    return statusCode;
  }

  /** The standard reason phrase of the status code, such as "Bad Gateway"; empty if unknown. */
  public String reason() {
    return reason;
  }

  /** The reply's headers by name; names are matched without regard to case. */
  public Map<String, List<String>> headers() {
    return headers;
  }

  /** The first {@value #BODY_START_CHARS} or so characters of the body; empty for no body. */
  public String bodyStart() {
    return bodyStart;
  }
}
