package io.jsonrpc2;

import com.fasterxml.jackson.databind.JsonNode;
import io.jsonrpc2.server.TransportContext;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/** A service with methods of every shape the binder and the encoder know, for reply tests. */
final class ReplyFixtures {
  private ReplyFixtures() {}

  record Point(int x, int y) {}

  enum Color {
    RED,
    GREEN
  }

  static final class NotSerializable {
    private final int hidden = 1;

    @Override
    public String toString() {
      return "hidden " + hidden;
    }
  }

  static final class Mapped extends RuntimeException {
    Mapped(String message) {
      super(message);
    }
  }

  public static final class Methods {
    @JsonRpcMethod
    @NonBlocking
    public String echo(String value) {
      return value;
    }

    @JsonRpcMethod
    @NonBlocking
    public int subtract(int minuend, int subtrahend) {
      return minuend - subtrahend;
    }

    @JsonRpcMethod
    public String blockingEcho(String value) {
      return value;
    }

    @JsonRpcMethod
    public int blockingSubtract(int minuend, int subtrahend) {
      return minuend - subtrahend;
    }

    @JsonRpcMethod
    @NonBlocking
    public long twice(long value) {
      return 2 * value;
    }

    @JsonRpcMethod
    @NonBlocking
    public Integer boxed(Integer value) {
      return value;
    }

    @JsonRpcMethod
    @NonBlocking
    public boolean not(boolean value) {
      return !value;
    }

    @JsonRpcMethod
    @NonBlocking
    public double half(double value) {
      return value / 2;
    }

    @JsonRpcMethod
    @NonBlocking
    public short shortOne(short value) {
      return value;
    }

    @JsonRpcMethod
    @NonBlocking
    public String join(String separator, String... parts) {
      return String.join(separator, parts);
    }

    @JsonRpcMethod
    @NonBlocking
    public int count(int... values) {
      return values.length;
    }

    @JsonRpcMethod
    @NonBlocking
    public List<Point> mirror(List<Point> points) {
      return points.stream().map(p -> new Point(p.y(), p.x())).toList();
    }

    @JsonRpcMethod
    @NonBlocking
    public Point point(Point point) {
      return point;
    }

    @JsonRpcMethod
    @NonBlocking
    public String greet(String name, Optional<String> title) {
      return "Hello, " + title.map(t -> t + " ").orElse("") + name;
    }

    @JsonRpcMethod
    @NonBlocking
    public String maybeInt(
        @JsonRpcParam(value = "n", optional = true) Integer n,
        @JsonRpcParam(optional = true) int m) {
      return n + "/" + m;
    }

    @JsonRpcMethod
    @NonBlocking
    public String context(CallContext context, String value) {
      return context.id()
          + " "
          + context.method()
          + " "
          + context.transport().transport()
          + " "
          + context.values()
          + " "
          + value;
    }

    @JsonRpcMethod
    @NonBlocking
    public String fromValues(String user, String value) {
      return user + ":" + value;
    }

    @JsonRpcMethod
    @NonBlocking
    public Object unserializable() {
      return new NotSerializable();
    }

    @JsonRpcMethod
    @NonBlocking
    public Optional<String> maybe(boolean present) {
      return present ? Optional.of("here") : Optional.empty();
    }

    @JsonRpcMethod
    @NonBlocking
    public JsonNode tree(JsonNode node) {
      return node;
    }

    @JsonRpcMethod
    @NonBlocking
    public Color color(Color color) {
      return color == Color.RED ? Color.GREEN : Color.RED;
    }

    @JsonRpcMethod
    @NonBlocking
    public Map<String, Integer> sizes(Map<String, String> values) {
      return values.entrySet().stream()
          .collect(
              java.util.stream.Collectors.toMap(
                  Map.Entry::getKey,
                  e -> e.getValue().length(),
                  (a, b) -> a,
                  java.util.TreeMap::new));
    }

    @JsonRpcMethod
    @NonBlocking
    public void nothing() {}

    @JsonRpcMethod
    public CompletableFuture<String> later(String value) {
      return CompletableFuture.completedFuture(value + "!");
    }

    @JsonRpcMethod
    public CompletableFuture<String> laterAsync(String value) {
      return CompletableFuture.supplyAsync(() -> value + "?");
    }

    @JsonRpcMethod
    public CompletableFuture<String> failedLater() {
      return CompletableFuture.failedFuture(new JsonRpcException(-32010, "failed later"));
    }

    @JsonRpcMethod
    public CompletableFuture<String> cancelledLater() {
      CompletableFuture<String> future = new CompletableFuture<>();
      future.cancel(false);
      return future;
    }

    @JsonRpcMethod
    public CompletableFuture<Void> nullLater() {
      return CompletableFuture.completedFuture(null);
    }

    @JsonRpcMethod
    @NonBlocking
    public String fail() {
      throw new IllegalStateException("always fails");
    }

    @JsonRpcMethod
    public String blockingFail() {
      throw new IllegalStateException("always fails");
    }

    @JsonRpcMethod
    @NonBlocking
    public String rpcFail() {
      throw new JsonRpcException(-32050, "custom failure", Map.of("why", "because"));
    }

    @JsonRpcMethod
    @NonBlocking
    public String mapped() {
      throw new Mapped("mapped failure");
    }
  }

  static JsonRpcService service() {
    return JsonRpcService.builder()
        .handler(new Methods())
        .handler("ns", new Methods())
        .method(
            "fn.sum", (params, ctx) -> params.get(0, Integer.class) + params.get(1, Integer.class))
        .method(
            "fn.named",
            (params, ctx) -> params.get("a", String.class) + params.find("b", Integer.class))
        .method("fn.tree", (params, ctx) -> params.asNode())
        .method("fn.absent", (params, ctx) -> params.isAbsent() + " " + params.size())
        .asyncMethod(
            "fn.async",
            (params, ctx) -> CompletableFuture.completedFuture(params.get(0, String.class)))
        .lazyMethod("lazy.bitCount", "java.lang.Integer#bitCount")
        .lazyMethod("lazy.broken", "com.example.Missing#method")
        .errorCode(Mapped.class, -32001)
        .build();
  }

  static final TransportContext TRANSPORT =
      TransportContext.builder("test").attribute("a", 1).build();
}
