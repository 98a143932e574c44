package io.jsonrpc2.examples.websocket;

import io.jsonrpc2.JsonRpcClient;
import io.jsonrpc2.JsonRpcService;
import io.jsonrpc2.client.JsonRpcClientException;
import io.jsonrpc2.httpclient.WebSocketClientTransport;
import java.io.PrintStream;
import java.util.concurrent.CompletableFuture;
import java.util.function.IntConsumer;

/**
 * Calls the {@link WebSocketServerExample} over {@code ws://}: {@code main.echo}, then {@code
 * main.countdown(3)}, printing each {@code main.tick} the server sends back on the same WebSocket.
 *
 * <p>Usage: {@code WebSocketClientExample [url]}, by default {@code ws://127.0.0.1:8080/rpc}.
 */
public final class WebSocketClientExample {
  private WebSocketClientExample() {}

  // docs:begin websocket-client
  /** A client on one WebSocket whose {@code main.tick} notifications go to {@code ticks}. */
  public static JsonRpcClient connect(String url, IntConsumer ticks) {
    JsonRpcService local =
        JsonRpcService.builder()
            // Answered at once, on the thread reading the WebSocket: the ticks are handled in
            // order, before the countdown's result that follows them.
            .asyncMethod(
                "main.tick",
                (params, call) -> {
                  ticks.accept(params.require(0, Integer.class));
                  return CompletableFuture.completedFuture(null);
                })
            .build();
    return JsonRpcClient.builder()
        .transport(WebSocketClientTransport.builder(url).build()) // connects on the first call
        .service(local) // serves what the server sends
        .build();
  }

  // docs:end websocket-client

  /** Runs the calls against the server at {@code url}, printing what happens to {@code out}. */
  public static void run(String url, PrintStream out) {
    // docs:begin websocket-calls
    try (JsonRpcClient client = connect(url, left -> out.println("tick " + left))) {
      out.println(client.call("main.echo", String.class, "hello"));
      out.println(client.call("main.countdown", String.class, 3)); // the ticks come first
    }
    // docs:end websocket-calls
  }

  public static void main(String[] args) {
    String url = args.length > 0 ? args[0] : "ws://127.0.0.1:8080/rpc";
    try {
      run(url, System.out);
    } catch (JsonRpcClientException e) {
      System.err.println("the WebSocket calls failed: " + e.getMessage());
      System.exit(1);
    }
  }
}
