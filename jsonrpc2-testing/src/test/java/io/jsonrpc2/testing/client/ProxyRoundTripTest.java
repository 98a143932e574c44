package io.jsonrpc2.testing.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jsonrpc2.CallContext;
import io.jsonrpc2.JsonRpcClient;
import io.jsonrpc2.JsonRpcException;
import io.jsonrpc2.JsonRpcMethod;
import io.jsonrpc2.JsonRpcNamedParams;
import io.jsonrpc2.JsonRpcNamespace;
import io.jsonrpc2.JsonRpcNotification;
import io.jsonrpc2.JsonRpcParam;
import io.jsonrpc2.JsonRpcService;
import io.jsonrpc2.client.ErrorResponseException;
import io.jsonrpc2.testing.InMemoryTransport;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** One interface, implemented and exported by the server, and called through a client proxy. */
@Timeout(10)
class ProxyRoundTripTest {
  public record Point(int x, int y) {}

  @JsonRpcNamespace("calc")
  public interface Calculator {
    @JsonRpcMethod
    int add(int a, int b);

    @JsonRpcMethod("sub")
    @JsonRpcNamedParams
    int subtract(int minuend, int subtrahend);

    @JsonRpcMethod
    @JsonRpcNamedParams
    String greet(String name, @JsonRpcParam(optional = true) String greeting);

    @JsonRpcMethod
    List<Point> corners(int size);

    @JsonRpcMethod
    CompletableFuture<Integer> slowSquare(int n);

    @JsonRpcMethod
    @JsonRpcNotification
    void log(String line);

    @JsonRpcMethod
    String caller(CallContext context);

    @JsonRpcMethod
    int divide(int a, int b);
  }

  public static final class CalculatorImpl implements Calculator {
    final CountDownLatch logged = new CountDownLatch(1);
    volatile String lastLine;

    @Override
    public int add(int a, int b) {
      return a + b;
    }

    // Named params are bound on the server by the implementation's parameter names (and its
    // @JsonRpcParam annotations), so they repeat the interface's.
    @Override
    public int subtract(int minuend, int subtrahend) {
      return minuend - subtrahend;
    }

    @Override
    public String greet(String name, @JsonRpcParam(optional = true) String greeting) {
      return (greeting == null ? "Hello" : greeting) + ", " + name;
    }

    @Override
    public List<Point> corners(int size) {
      return List.of(new Point(0, 0), new Point(size, size));
    }

    @Override
    public CompletableFuture<Integer> slowSquare(int n) {
      return CompletableFuture.supplyAsync(() -> n * n);
    }

    @Override
    public void log(String line) {
      lastLine = line;
      logged.countDown();
    }

    @Override
    public String caller(CallContext context) {
      return context.method() + " via " + context.transport().transport();
    }

    @Override
    public int divide(int a, int b) {
      if (b == 0) {
        throw new JsonRpcException(-32050, "division by zero");
      }
      return a / b;
    }
  }

  @ParameterizedTest
  @ValueSource(booleans = {false, true})
  void theSameInterfaceOnBothSides(boolean connection) throws InterruptedException {
    CalculatorImpl impl = new CalculatorImpl();
    JsonRpcService service = JsonRpcService.builder().handler(impl).build();
    assertThat(service.methodNames())
        .containsExactlyInAnyOrder(
            "calc.add",
            "calc.sub",
            "calc.greet",
            "calc.corners",
            "calc.slowSquare",
            "calc.log",
            "calc.caller",
            "calc.divide");
    try (JsonRpcClient client =
        JsonRpcClient.builder()
            .transport(
                connection
                    ? InMemoryTransport.connection(service)
                    : InMemoryTransport.requestResponse(service))
            .build()) {
      Calculator calc = client.proxy(Calculator.class);
      assertThat(calc.add(2, 3)).isEqualTo(5);
      assertThat(calc.subtract(42, 23)).isEqualTo(19);
      assertThat(calc.greet("Mittens", null)).isEqualTo("Hello, Mittens");
      assertThat(calc.greet("Mittens", "Meow")).isEqualTo("Meow, Mittens");
      assertThat(calc.corners(4)).containsExactly(new Point(0, 0), new Point(4, 4));
      assertThat(calc.slowSquare(12).join()).isEqualTo(144);
      assertThat(calc.caller(null)).isEqualTo("calc.caller via in-memory");
      calc.log("hello");
      assertThat(impl.logged.await(5, TimeUnit.SECONDS)).isTrue();
      assertThat(impl.lastLine).isEqualTo("hello");
      assertThatThrownBy(() -> calc.divide(1, 0))
          .isInstanceOfSatisfying(
              ErrorResponseException.class, e -> assertThat(e.code()).isEqualTo(-32050));
    }
  }

  @ParameterizedTest
  @ValueSource(booleans = {false, true})
  void anExplicitNamespaceOnBothSides(boolean connection) {
    JsonRpcService service = JsonRpcService.builder().handler("v2", new CalculatorImpl()).build();
    try (JsonRpcClient client =
        JsonRpcClient.builder()
            .transport(
                connection
                    ? InMemoryTransport.connection(service)
                    : InMemoryTransport.requestResponse(service))
            .build()) {
      assertThat(client.proxy(Calculator.class, "v2").add(1, 1)).isEqualTo(2);
      assertThatThrownBy(() -> client.proxy(Calculator.class).add(1, 1))
          .isInstanceOfSatisfying(
              ErrorResponseException.class, e -> assertThat(e.code()).isEqualTo(-32601));
    }
  }
}
