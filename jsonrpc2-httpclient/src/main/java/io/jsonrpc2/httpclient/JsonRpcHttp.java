package io.jsonrpc2.httpclient;

import io.jsonrpc2.JsonRpcClient;
import java.net.URI;

/**
 * The short way to a JSON-RPC client over HTTP.
 *
 * <pre>{@code
 * try (JsonRpcClient client = JsonRpcHttp.client("http://127.0.0.1:8080/rpc")) {
 *   String sound = client.call("cat", String.class, Map.of("name", "Mittens"));
 * }
 * }</pre>
 *
 * For headers, credentials, TLS or timeouts, configure an {@link HttpClientTransport} with its
 * builder and hand it to {@link #client(HttpClientTransport)} or to {@link
 * JsonRpcClient#builder()}.
 */
public final class JsonRpcHttp {
  private JsonRpcHttp() {}

  /**
   * A client with default settings that POSTs to {@code url}. The client owns its transport: close
   * the client when done.
   *
   * @throws IllegalArgumentException if {@code url} is not an absolute http(s) URL
   */
  public static JsonRpcClient client(String url) {
    return client(HttpClientTransport.builder(url).build());
  }

  /** As {@link #client(String)}. */
  public static JsonRpcClient client(URI url) {
    return client(HttpClientTransport.builder(url).build());
  }

  /** A client with default client settings over {@code transport}, which it then owns. */
  public static JsonRpcClient client(HttpClientTransport transport) {
    return JsonRpcClient.builder().transport(transport).build();
  }
}
