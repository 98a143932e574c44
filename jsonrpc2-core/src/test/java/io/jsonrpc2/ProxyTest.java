package io.jsonrpc2;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.jsonrpc2.client.ErrorResponseException;
import io.jsonrpc2.client.InvalidResponseException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Client proxies: what each kind of interface method sends, and what it returns or throws. */
class ProxyTest {
  public record Point(int x, int y) {}

  interface Repository<T> {
    T find(String key);

    List<T> all();
  }

  interface PointRepository extends Repository<Point> {}

  @JsonRpcNamespace("store")
  interface NamespacedRepository<T> {
    T find(String key);
  }

  interface Points extends NamespacedRepository<Point> {
    int count();
  }

  @JsonRpcNamespace("geo")
  interface Geometry {
    Point origin();

    @JsonRpcMethod("move")
    Point translate(Point p, int dx, int dy);

    List<Point> line(int n);

    Map<String, List<Point>> shapes();

    CompletableFuture<Point> originAsync();

    CompletionStage<List<Point>> lineLater(int n);

    @JsonRpcNamedParams
    Point named(
        int x,
        @JsonRpcParam("why") int y,
        @JsonRpcParam(value = "label", optional = true) String label);

    @JsonRpcNamedParams
    Point withOptional(int x, Optional<Integer> y);

    @JsonRpcNotification
    void touch(int x);

    @JsonRpcNotification
    CompletableFuture<Void> touchLater(int x);

    void reset();

    int fail();

    int notAnInt();

    String contextual(CallContext context, String word);

    default Point unit() {
      return translate(origin(), 1, 1);
    }
  }

  private final List<String> sent = new CopyOnWriteArrayList<>();
  private final List<String> touched = new CopyOnWriteArrayList<>();
  private JsonRpcClient client;

  private JsonRpcClient client(JsonRpcService service) {
    LoopbackTransport transport = new LoopbackTransport(service, Map.of());
    client = JsonRpcClient.builder().transport(new Recording(transport)).build();
    return client;
  }

  /** Records the text of every message on its way to the loopback transport. */
  private final class Recording extends ForwardingTransport {
    Recording(LoopbackTransport target) {
      super(target, sent);
    }
  }

  @AfterEach
  void close() {
    if (client != null) {
      client.close();
    }
  }

  private JsonRpcService geometryService() {
    return JsonRpcService.builder()
        .method("geo.origin", (params, ctx) -> new Point(0, 0))
        .method(
            "geo.move",
            (params, ctx) -> {
              Point p = params.get(0, Point.class);
              return new Point(
                  p.x() + params.get(1, Integer.class), p.y() + params.get(2, Integer.class));
            })
        .method("geo.line", (params, ctx) -> line(params.get(0, Integer.class)))
        .method("geo.lineLater", (params, ctx) -> line(params.get(0, Integer.class)))
        .method("geo.shapes", (params, ctx) -> Map.of("diagonal", line(2)))
        .method("geo.originAsync", (params, ctx) -> new Point(0, 0))
        .method(
            "geo.named",
            (params, ctx) ->
                new Point(params.get("x", Integer.class), params.get("why", Integer.class)))
        .method("geo.withOptional", (params, ctx) -> new Point(params.get("x", Integer.class), 0))
        .method("geo.touch", (params, ctx) -> touched.add("touch " + params.get(0, Integer.class)))
        .method(
            "geo.touchLater", (params, ctx) -> touched.add("later " + params.get(0, Integer.class)))
        .method("geo.reset", (params, ctx) -> "ignored")
        .method(
            "geo.fail",
            (params, ctx) -> {
              throw new JsonRpcException(-32050, "Custom Error", List.of("why"));
            })
        .method("geo.notAnInt", (params, ctx) -> "seven")
        .method("geo.contextual", (params, ctx) -> params.get(0, String.class).toUpperCase())
        .build();
  }

  private static List<Point> line(int n) {
    return java.util.stream.IntStream.range(0, n).mapToObj(i -> new Point(i, i)).toList();
  }

  @Test
  void blockingMethodsConvertGenericResults() {
    Geometry geo = client(geometryService()).proxy(Geometry.class);
    assertThat(geo.origin()).isEqualTo(new Point(0, 0));
    assertThat(geo.translate(new Point(1, 2), 10, 20)).isEqualTo(new Point(11, 22));
    assertThat(geo.line(3)).containsExactly(new Point(0, 0), new Point(1, 1), new Point(2, 2));
    assertThat(geo.shapes()).isEqualTo(Map.of("diagonal", line(2)));
    assertThat(sent.get(1))
        .isEqualTo(
            "{\"jsonrpc\":\"2.0\",\"method\":\"geo.move\",\"params\":[{\"x\":1,\"y\":2},10,20],\"id\":2}");
    assertThat(sent.get(0)).isEqualTo("{\"jsonrpc\":\"2.0\",\"method\":\"geo.origin\",\"id\":1}");
  }

  @Test
  void asyncMethodsReturnFutures() {
    Geometry geo = client(geometryService()).proxy(Geometry.class);
    assertThat(geo.originAsync().join()).isEqualTo(new Point(0, 0));
    assertThat(geo.lineLater(2).toCompletableFuture().join()).isEqualTo(line(2));
  }

  @Test
  void namedParamsUseAnnotatedOrCompiledNamesAndLeaveOutAbsentOptionals() {
    Geometry geo = client(geometryService()).proxy(Geometry.class);
    assertThat(geo.named(3, 4, null)).isEqualTo(new Point(3, 4));
    assertThat(sent.get(0))
        .isEqualTo(
            "{\"jsonrpc\":\"2.0\",\"method\":\"geo.named\",\"params\":{\"x\":3,\"why\":4},\"id\":1}");
    geo.named(3, 4, "here");
    assertThat(sent.get(1)).contains("\"params\":{\"x\":3,\"why\":4,\"label\":\"here\"}");
    geo.withOptional(5, Optional.empty());
    assertThat(sent.get(2)).contains("\"params\":{\"x\":5}");
    geo.withOptional(5, Optional.of(6));
    assertThat(sent.get(3)).contains("\"params\":{\"x\":5,\"y\":6}");
  }

  @Test
  void notificationsSendNoIdAndWaitForNoResult() {
    Geometry geo = client(geometryService()).proxy(Geometry.class);
    geo.touch(1);
    geo.touchLater(2).join();
    assertThat(sent)
        .containsExactly(
            "{\"jsonrpc\":\"2.0\",\"method\":\"geo.touch\",\"params\":[1]}",
            "{\"jsonrpc\":\"2.0\",\"method\":\"geo.touchLater\",\"params\":[2]}");
    assertThat(touched).containsExactly("touch 1", "later 2");
  }

  @Test
  void voidMethodsAreRequestsWhoseResultIsIgnored() {
    Geometry geo = client(geometryService()).proxy(Geometry.class);
    geo.reset();
    assertThat(sent.get(0)).isEqualTo("{\"jsonrpc\":\"2.0\",\"method\":\"geo.reset\",\"id\":1}");
  }

  @Test
  void blockingMethodsThrowTheClientExceptionItself() {
    Geometry geo = client(geometryService()).proxy(Geometry.class);
    assertThatThrownBy(geo::fail)
        .isInstanceOfSatisfying(
            ErrorResponseException.class,
            e -> {
              assertThat(e.code()).isEqualTo(-32050);
              assertThat(e.errorMessage()).isEqualTo("Custom Error");
              assertThat(e.data().toString()).isEqualTo("[\"why\"]");
              assertThat(e).hasMessage("'geo.fail' failed: -32050 Custom Error (data: [\"why\"])");
            });
    assertThatThrownBy(geo::notAnInt)
        .isInstanceOf(InvalidResponseException.class)
        .hasMessageContaining("the result of 'geo.notAnInt' cannot be read as int");
  }

  @Test
  void contextParametersAreNotSent() {
    Geometry geo = client(geometryService()).proxy(Geometry.class);
    assertThat(geo.contextual(null, "hi")).isEqualTo("HI");
    assertThat(sent.get(0)).contains("\"params\":[\"hi\"]");
  }

  @Test
  @SuppressWarnings("SelfAssertion") // the proxy's own equals is what is tested
  void defaultAndObjectMethodsRunLocally() {
    Geometry geo = client(geometryService()).proxy(Geometry.class);
    Geometry other = client.proxy(Geometry.class);
    assertThat(geo.unit()).isEqualTo(new Point(1, 1));
    assertThat(geo).isEqualTo(geo).isNotEqualTo(other);
    assertThat(geo.hashCode()).isEqualTo(System.identityHashCode(geo));
    assertThat(geo.toString()).contains("Geometry").contains("loop://test");
    assertThat(sent).hasSize(2);
  }

  @Test
  void anExplicitNamespaceReplacesTheAnnotation() {
    JsonRpcService service =
        JsonRpcService.builder().method("v2.origin", (params, ctx) -> new Point(7, 7)).build();
    assertThat(client(service).proxy(Geometry.class, "v2").origin()).isEqualTo(new Point(7, 7));
    JsonRpcService bare =
        JsonRpcService.builder().method("origin", (params, ctx) -> new Point(8, 8)).build();
    assertThat(client(bare).proxy(Geometry.class, "").origin()).isEqualTo(new Point(8, 8));
  }

  @Test
  void typeArgumentsOfInheritedMethodsAreResolved() {
    JsonRpcService service =
        JsonRpcService.builder()
            .method("find", (params, ctx) -> new Point(1, 2))
            .method("all", (params, ctx) -> line(2))
            .build();
    PointRepository points = client(service).proxy(PointRepository.class);
    assertThat(points.find("a")).isEqualTo(new Point(1, 2));
    assertThat(points.all()).containsExactly(new Point(0, 0), new Point(1, 1));
  }

  @Test
  void inheritedMethodsKeepTheirInterfacesNamespace() {
    JsonRpcService service =
        JsonRpcService.builder()
            .method("store.find", (params, ctx) -> new Point(3, 4))
            .method("count", (params, ctx) -> 2)
            .build();
    Points points = client(service).proxy(Points.class);
    assertThat(points.find("a")).isEqualTo(new Point(3, 4));
    assertThat(points.count()).isEqualTo(2);
  }

  interface BadNotification {
    @JsonRpcNotification
    int count();
  }

  interface Overloaded {
    int add(int a, int b);

    double add(double a, double b);
  }

  interface BadFuture {
    java.util.concurrent.Future<String> get();
  }

  interface FutureOfJson {
    CompletableFuture<JsonNode> get();
  }

  @Test
  void badInterfacesFailWhenTheProxyIsMadeNamingTheMethod() {
    JsonRpcClient c = client(geometryService());
    assertThatThrownBy(() -> c.proxy(BadNotification.class))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("@JsonRpcNotification")
        .hasMessageContaining("for method BadNotification.count");
    assertThatThrownBy(() -> c.proxy(Overloaded.class))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("'add' is called by both");
    assertThatThrownBy(() -> c.proxy(Point.class))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("not an interface");
    assertThatThrownBy(() -> c.proxy(BadFuture.class))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining(
            "must return CompletableFuture or CompletionStage, not java.util.concurrent.Future<java.lang.String>");
    assertThat(c.proxy(FutureOfJson.class)).isNotNull();
  }

  /** A transport that records each message as text and hands it on. */
  static class ForwardingTransport implements io.jsonrpc2.client.ClientTransport {
    private final io.jsonrpc2.client.ClientTransport target;
    private final List<String> record;

    ForwardingTransport(io.jsonrpc2.client.ClientTransport target, List<String> record) {
      this.target = target;
      this.record = record;
    }

    @Override
    public void start(Receiver receiver) {
      target.start(receiver);
    }

    @Override
    public CompletableFuture<io.jsonrpc2.client.TransportReply> send(
        io.jsonrpc2.client.OutboundMessage message) {
      record.add(new String(message.payload(), StandardCharsets.UTF_8));
      return target.send(message);
    }

    @Override
    public boolean isRequestResponse() {
      return target.isRequestResponse();
    }

    @Override
    public String endpoint() {
      return target.endpoint();
    }

    @Override
    public void close() {
      target.close();
    }
  }
}
