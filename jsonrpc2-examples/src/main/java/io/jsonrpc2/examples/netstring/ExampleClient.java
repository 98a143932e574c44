package io.jsonrpc2.examples.netstring;

import io.jsonrpc2.JsonRpcClient;
import io.jsonrpc2.client.JsonRpcClientException;
import io.jsonrpc2.netty.netstring.NetstringClient;

/**
 * Calls {@code main.echo} on the {@link ExampleServer} and prints the answer, like txjason's {@code
 * examples/client.py}.
 *
 * <p>Usage: {@code ExampleClient [port [host [text]]]}, by default 7080, 127.0.0.1 and "foo".
 */
public final class ExampleClient {
  private ExampleClient() {}

  // docs:begin netstring-client
  public static String echo(String host, int port, String text) {
    try (JsonRpcClient client = NetstringClient.create(host, port)) { // no connect step
      return client.call("main.echo", String.class, text);
    }
  }

  // docs:end netstring-client

  public static void main(String[] args) {
    int port = args.length > 0 ? Integer.parseInt(args[0]) : ExampleServer.DEFAULT_PORT;
    String host = args.length > 1 ? args[1] : "127.0.0.1";
    String text = args.length > 2 ? args[2] : "foo";
    try {
      System.out.println(echo(host, port, text));
    } catch (JsonRpcClientException e) {
      System.err.println("main.echo failed: " + e.getMessage());
      System.exit(1);
    }
  }
}
