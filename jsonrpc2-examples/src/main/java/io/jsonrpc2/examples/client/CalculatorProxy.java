package io.jsonrpc2.examples.client;

import io.jsonrpc2.JsonRpcClient;
import io.jsonrpc2.JsonRpcMethod;
import io.jsonrpc2.JsonRpcNamedParams;
import io.jsonrpc2.JsonRpcNamespace;
import io.jsonrpc2.JsonRpcNotification;
import io.jsonrpc2.JsonRpcService;
import io.jsonrpc2.testing.InMemoryTransport;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/** One interface for both sides: the server implements and exports it, the client proxies it. */
public final class CalculatorProxy {
  private CalculatorProxy() {}

  // docs:begin interface
  @JsonRpcNamespace("calc")
  public interface Calculator {
    @JsonRpcMethod // calc.add, positional params: [2, 3]
    int add(int a, int b);

    @JsonRpcMethod("sub") // calc.sub, named params: {"minuend":42,"subtrahend":23}
    @JsonRpcNamedParams
    int subtract(int minuend, int subtrahend);

    @JsonRpcMethod // generic results are converted with Jackson
    List<Integer> range(int from, int to);

    @JsonRpcMethod // async: returns at once
    CompletableFuture<Integer> square(int n);

    @JsonRpcMethod // a notification: no id, no response awaited
    @JsonRpcNotification
    void reset();

    default int twice(int n) { // runs locally, calling add
      return add(n, n);
    }
  }

  // docs:end interface

  // docs:begin implementation
  public static final class RealCalculator implements Calculator {
    @Override
    public int add(int a, int b) {
      return a + b;
    }

    @Override
    public int subtract(int minuend, int subtrahend) { // named params bind by these names
      return minuend - subtrahend;
    }

    @Override
    public List<Integer> range(int from, int to) {
      return java.util.stream.IntStream.range(from, to).boxed().toList();
    }

    @Override
    public CompletableFuture<Integer> square(int n) {
      return CompletableFuture.completedFuture(n * n);
    }

    @Override
    public void reset() {}
  }

  // docs:end implementation

  public static Calculator connect() {
    // docs:begin proxy
    JsonRpcService service =
        JsonRpcService.builder().handler(new RealCalculator()).build(); // calc.*
    JsonRpcClient client =
        JsonRpcClient.builder().transport(InMemoryTransport.connection(service)).build();
    Calculator calc = client.proxy(Calculator.class);
    int five = calc.add(2, 3);
    int nineteen = calc.subtract(42, 23);
    List<Integer> numbers = calc.range(1, 4); // [1, 2, 3]
    calc.square(12).thenAccept(square -> System.out.println(square)); // 144
    calc.reset();
    // docs:end proxy
    return calc;
  }
}
