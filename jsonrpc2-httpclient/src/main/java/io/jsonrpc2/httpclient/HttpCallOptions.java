package io.jsonrpc2.httpclient;

import io.jsonrpc2.client.CallOptions;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Per-call HTTP settings for {@link io.jsonrpc2.JsonRpcClient#withOptions}: headers and credentials
 * that merge over the session's ones of {@link HttpClientTransport}.
 *
 * <pre>{@code
 * client.withOptions(HttpCallOptions.header("X-Request-Id", "42"))
 *     .withOptions(HttpCallOptions.basicAuth("admin", "secret"))
 *     .call("audit.read", String.class);
 * }</pre>
 *
 * <p>A header set for a call replaces the session header of the same name (compared without regard
 * to case) for that call only; other session headers are still sent. Options made here are ordinary
 * {@link CallOptions} transport options named {@code http.header.<lower-case name>}, so they merge
 * with each other and with a timeout like any other option: the later of two values for one header
 * wins. Other transports ignore them.
 *
 * <p>All methods are static and thread-safe; the returned options are immutable.
 */
public final class HttpCallOptions {
  /** The prefix of the transport option names that carry request headers. */
  public static final String HEADER_OPTION_PREFIX = "http.header.";

  private HttpCallOptions() {}

  /**
   * Options that send {@code name: value} with the call.
   *
   * @throws IllegalArgumentException as {@link HttpHeader} does for a bad name or value
   */
  public static CallOptions header(String name, String value) {
    return with(CallOptions.DEFAULT, new HttpHeader(name, value));
  }

  /** Options that send every header of {@code headers} with the call. */
  public static CallOptions headers(Map<String, String> headers) {
    CallOptions options = CallOptions.DEFAULT;
    for (Map.Entry<String, String> header : headers.entrySet()) {
      options = with(options, new HttpHeader(header.getKey(), header.getValue()));
    }
    return options;
  }

  /** Options that authenticate the call with HTTP Basic, replacing the session's credentials. */
  public static CallOptions basicAuth(String user, String password) {
    return with(CallOptions.DEFAULT, HttpHeader.basicAuth(user, password));
  }

  /**
   * Options that authenticate the call with a Bearer token, replacing the session's credentials.
   */
  public static CallOptions bearerToken(String token) {
    return with(CallOptions.DEFAULT, HttpHeader.bearerToken(token));
  }

  /** {@code options} with {@code header} added, replacing a header of the same name. */
  public static CallOptions with(CallOptions options, HttpHeader header) {
    return options.withTransportOption(HEADER_OPTION_PREFIX + header.key(), header);
  }

  /**
   * The headers among a message's transport options, by lower-case name. An option value may be an
   * {@link HttpHeader} or a plain string (then the name is taken from the option's name).
   *
   * @throws IllegalArgumentException if a header option holds anything else, or a bad header
   */
  static Map<String, HttpHeader> headersIn(Map<String, Object> transportOptions) {
    Map<String, HttpHeader> headers = new LinkedHashMap<>();
    for (Map.Entry<String, Object> option : transportOptions.entrySet()) {
      if (!option.getKey().startsWith(HEADER_OPTION_PREFIX)) {
        continue;
      }
      String name = option.getKey().substring(HEADER_OPTION_PREFIX.length());
      HttpHeader header;
      if (option.getValue() instanceof HttpHeader given) {
        header = given;
      } else if (option.getValue() instanceof String value) {
        header = new HttpHeader(name, value);
      } else {
        throw new IllegalArgumentException(
            "the transport option "
                + option.getKey()
                + " must be an HttpHeader or a String, got "
                + option.getValue().getClass().getName());
      }
      headers.put(header.key(), header);
    }
    return headers;
  }
}
