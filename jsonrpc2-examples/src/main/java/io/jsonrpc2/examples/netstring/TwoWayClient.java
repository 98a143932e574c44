package io.jsonrpc2.examples.netstring;

import io.jsonrpc2.JsonRpcClient;
import io.jsonrpc2.JsonRpcService;
import io.jsonrpc2.client.JsonRpcClientException;
import io.jsonrpc2.netty.netstring.NetstringClientTransport;
import java.io.PrintStream;
import java.util.concurrent.CompletableFuture;
import java.util.function.IntConsumer;
import java.util.function.UnaryOperator;

/**
 * The caller's side of the {@link ExampleServer}'s two-way methods: a netstring client that also
 * serves the server's calls on its connection. It answers {@code client.answer(question)} and
 * prints each {@code main.tick} notification, then calls {@code main.countdown(3)} and {@code
 * main.ask(question)}.
 *
 * <p>Usage: {@code TwoWayClient [port [host [question]]]}, by default 7080, 127.0.0.1 and "What is
 * six times seven?".
 */
public final class TwoWayClient {
  private TwoWayClient() {}

  // docs:begin two-way-client
  /**
   * A client whose connection also carries the server's calls: {@code client.answer(question)} is
   * answered by {@code answers}, each {@code main.tick} notification goes to {@code ticks}.
   */
  public static JsonRpcClient connect(
      String host, int port, UnaryOperator<String> answers, IntConsumer ticks) {
    JsonRpcService local =
        JsonRpcService.builder()
            .method(
                "client.answer", (params, call) -> answers.apply(params.require(0, String.class)))
            // A method that answers at once runs on the thread reading the connection, in order:
            // every tick is handled before the result of the countdown that sent them is read.
            .asyncMethod(
                "main.tick",
                (params, call) -> {
                  ticks.accept(params.require(0, Integer.class));
                  return CompletableFuture.completedFuture(null);
                })
            .build();
    return JsonRpcClient.builder()
        .transport(NetstringClientTransport.builder(host, port).build())
        .service(local)
        .build();
  }

  // docs:end two-way-client

  /**
   * Runs the countdown and the question against the server, printing what happens to {@code out}.
   */
  public static void run(String host, int port, String question, PrintStream out) {
    // docs:begin two-way-calls
    try (JsonRpcClient client =
        connect(
            host,
            port,
            asked -> "42, since you ask: " + asked,
            left -> out.println("tick " + left))) {
      out.println(client.call("main.countdown", String.class, 3)); // the ticks come first
      out.println(client.call("main.ask", String.class, question)); // the server asks us back
    }
    // docs:end two-way-calls
  }

  public static void main(String[] args) {
    int port = args.length > 0 ? Integer.parseInt(args[0]) : ExampleServer.DEFAULT_PORT;
    String host = args.length > 1 ? args[1] : "127.0.0.1";
    String question = args.length > 2 ? args[2] : "What is six times seven?";
    try {
      run(host, port, question, System.out);
    } catch (JsonRpcClientException e) {
      System.err.println("the two-way calls failed: " + e.getMessage());
      System.exit(1);
    }
  }
}
