package io.jsonrpc2.examples.netstring;

import io.jsonrpc2.JsonRpcClient;
import io.jsonrpc2.client.JsonRpcClientException;
import io.jsonrpc2.netty.netstring.NetstringClient;
import java.io.PrintStream;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Flow;

/**
 * Subscribes to the example server's {@code main.ticks} and prints each tick as it comes, then
 * "done": a subscription seen from the client's side.
 */
public final class TicksClient {
  private TicksClient() {}

  /** Prints {@code count} ticks, one every {@code intervalMillis}, then "done". */
  public static void run(String host, int port, int count, long intervalMillis, PrintStream out) {
    // docs:begin ticks-client
    try (JsonRpcClient client = NetstringClient.create(host, port)) {
      Flow.Publisher<Integer> ticks =
          client.subscribe("main.ticks", Integer.class, count, intervalMillis);
      CompletableFuture<Void> done = new CompletableFuture<>();
      ticks.subscribe(
          new Flow.Subscriber<Integer>() {
            @Override
            public void onSubscribe(Flow.Subscription subscription) {
              subscription.request(Long.MAX_VALUE);
            }

            @Override
            public void onNext(Integer tick) {
              out.println("tick " + tick); // on the thread that reads the connection
            }

            @Override
            public void onError(Throwable failure) {
              done.completeExceptionally(failure);
            }

            @Override
            public void onComplete() {
              done.complete(null);
            }
          });
      done.join();
      out.println("done");
    }
    // docs:end ticks-client
  }

  public static void main(String[] args) {
    int port = args.length > 0 ? Integer.parseInt(args[0]) : ExampleServer.DEFAULT_PORT;
    int count = args.length > 1 ? Integer.parseInt(args[1]) : 5;
    try {
      run("127.0.0.1", port, count, 200, System.out);
    } catch (JsonRpcClientException | CompletionException e) {
      System.err.println("the subscription failed: " + e.getMessage());
      System.exit(1);
    }
  }
}
