package io.jsonrpc2.netty.netstring;

import io.jsonrpc2.JsonRpcClient;

/**
 * Shortcuts for a {@link JsonRpcClient} over netstrings. The client connects on its first call and
 * reconnects by itself; see {@link NetstringClientTransport}.
 *
 * <pre>{@code
 * try (JsonRpcClient client = NetstringClient.create("127.0.0.1", 7080)) {
 *   String echoed = client.call("main.echo", String.class, "foo");
 * }
 * }</pre>
 */
public final class NetstringClient {
  private NetstringClient() {}

  /** A client for {@code host:port} with default settings (plain TCP, 30 s call timeout). */
  public static JsonRpcClient create(String host, int port) {
    return NetstringClientTransport.builder(host, port).buildClient();
  }
}
