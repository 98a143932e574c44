package io.jsonrpc2.benchmarks.netstring;

import io.jsonrpc2.JsonRpcClient;
import io.jsonrpc2.JsonRpcService;
import io.jsonrpc2.netty.netstring.NetstringClientTransport;
import io.jsonrpc2.netty.netstring.NetstringServer;
import java.util.Arrays;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;

/**
 * What a server-to-client call costs, over netstrings on loopback, one call at a time: the time of
 * a plain call ({@code echo}) beside a call whose method calls its caller back once and returns
 * that answer ({@code ask}, as the example server's {@code main.ask}), in the same JVM and run. The
 * difference is the round trip from the server to the client and back.
 *
 * <p>Both methods are the kind users write: {@code ask} waits on its caller, so it runs on the
 * service's executor; {@code echo} is shown both plain (on the executor) and {@code @NonBlocking}.
 * The client answers {@code client.answer} on its own executor.
 *
 * <p>Usage: {@code CallBackRoundTrip [seconds per round, default 5] [rounds, default 5]}; prints
 * the median of the rounds' mean times per call and the ratios to the plain echo.
 */
public final class CallBackRoundTrip {
  private CallBackRoundTrip() {}

  public static void main(String[] args) throws Exception {
    double seconds = args.length > 0 ? Double.parseDouble(args[0]) : 5;
    int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 5;
    JsonRpcService server =
        JsonRpcService.builder()
            .method("echo", (params, call) -> params.get(0, String.class))
            .asyncMethod(
                "echoNow",
                (params, call) -> CompletableFuture.completedFuture(params.get(0, String.class)))
            .method(
                "ask",
                (params, call) ->
                    call.peer()
                        .call("client.answer", String.class, params.require(0, String.class)))
            .build();
    JsonRpcService clientSide =
        JsonRpcService.builder()
            .method("client.answer", (params, call) -> params.get(0, String.class))
            .build();
    try (NetstringServer netstrings =
            NetstringServer.builder(server).host("127.0.0.1").workerThreads(1).start();
        JsonRpcClient client =
            JsonRpcClient.builder()
                .transport(NetstringClientTransport.builder("127.0.0.1", netstrings.port()).build())
                .service(clientSide)
                .build()) {
      String[] methods = {"echoNow", "echo", "ask"};
      double[][] micros = new double[methods.length][rounds];
      for (String method : methods) {
        measure(client, method, seconds); // warm-up
      }
      for (int round = 0; round < rounds; round++) {
        for (int m = 0; m < methods.length; m++) {
          micros[m][round] = measure(client, methods[m], seconds);
        }
      }
      double plain = median(micros[1]);
      System.out.println(
          "| call | µs per call (median of " + rounds + " rounds) | vs plain echo |");
      System.out.println("|---|---:|---:|");
      for (int m = 0; m < methods.length; m++) {
        double value = median(micros[m]);
        System.out.printf(Locale.ROOT, "| %s | %.1f | %.2fx |%n", methods[m], value, value / plain);
      }
      System.out.printf(
          Locale.ROOT,
          "server-to-client round trip: %.1f µs (ask minus plain echo)%n",
          median(micros[2]) - plain);
    }
  }

  /** The mean µs per call of {@code method} called back to back for {@code seconds}. */
  private static double measure(JsonRpcClient client, String method, double seconds) {
    long end = System.nanoTime() + (long) (seconds * 1e9);
    long calls = 0;
    long start = System.nanoTime();
    long now = start;
    while (now < end) {
      String answer = client.call(method, String.class, "hello");
      if (!"hello".equals(answer)) {
        throw new IllegalStateException(method + " answered " + answer);
      }
      calls++;
      now = System.nanoTime();
    }
    return (now - start) / 1e3 / calls;
  }

  private static double median(double[] values) {
    double[] sorted = values.clone();
    Arrays.sort(sorted);
    return sorted[sorted.length / 2];
  }
}
