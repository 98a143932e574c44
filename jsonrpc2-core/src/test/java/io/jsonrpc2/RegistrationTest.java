package io.jsonrpc2;

import static io.jsonrpc2.Replies.error;
import static io.jsonrpc2.Replies.request;
import static io.jsonrpc2.Replies.result;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.jsonrpc2.sample.Sample;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(20)
class RegistrationTest {

  /** txjason's example handler. */
  public static class Example {
    @JsonRpcMethod("echo")
    public String echo2(String param) {
      return param;
    }

    @JsonRpcMethod
    public CompletableFuture<String> deferredEcho(String param) {
      return CompletableFuture.completedFuture(param);
    }

    public String notExported(String param) {
      return param;
    }
  }

  interface Greeter {
    @JsonRpcMethod("greet")
    String greet(String name);
  }

  static class PoliteGreeter implements Greeter {
    @Override
    public String greet(String name) {
      return "Good day, " + name;
    }
  }

  @Test
  void exportsAnnotatedMethodsUnderTheNamespace() {
    JsonRpcService service = JsonRpcService.builder().handler("main", new Example()).build();

    assertThat(service.methodNames()).containsExactly("main.deferredEcho", "main.echo");
    assertThat(result(service, request("main.echo", "[\"foo\"]", 1)).asText()).isEqualTo("foo");
    assertThat(result(service, request("main.deferredEcho", "[\"bar\"]", 2)).asText())
        .isEqualTo("bar");
    assertThat(error(service, request("main.notExported", "[\"x\"]", 3)).get("code").asInt())
        .isEqualTo(-32601);
    assertThat(error(service, request("main.echo2", "[\"x\"]", 4)).get("code").asInt())
        .isEqualTo(-32601);
  }

  @Test
  void exportsWithoutNamespaceUnderTheOwnName() {
    JsonRpcService service = JsonRpcService.builder().handler(new Example()).build();
    assertThat(service.methodNames()).containsExactly("deferredEcho", "echo");
  }

  @Test
  void anAnnotatedInterfaceExportsItsImplementation() {
    JsonRpcService service = JsonRpcService.builder().handler(new PoliteGreeter()).build();
    assertThat(result(service, request("greet", "[\"Ann\"]", 1)).asText())
        .isEqualTo("Good day, Ann");
  }

  @Test
  void functionsAreMethodsToo() {
    JsonRpcService service =
        JsonRpcService.builder()
            .method(
                "greeting",
                (params, ctx) ->
                    "Hello, " + params.find("name", String.class).orElse("world") + "!")
            .asyncMethod(
                "later",
                (params, ctx) ->
                    CompletableFuture.supplyAsync(() -> params.require(0, Integer.class) + 1))
            .method("shout", (params, ctx) -> params.require("text", String.class).toUpperCase())
            .build();

    assertThat(
            result(service, "{\"jsonrpc\":\"2.0\",\"method\":\"greeting\",\"id\":\"greeting\"}")
                .asText())
        .isEqualTo("Hello, world!");
    assertThat(result(service, request("greeting", "{\"name\":\"Ann\"}", 1)).asText())
        .isEqualTo("Hello, Ann!");
    assertThat(result(service, request("later", "[41]", 2)).asInt()).isEqualTo(42);
    assertThat(error(service, request("later", "[\"x\"]", 3)).get("code").asInt())
        .isEqualTo(-32602);
    assertThat(result(service, request("shout", "{\"text\":\"hi\"}", 4)).asText()).isEqualTo("HI");
    JsonNode nullArgument = error(service, request("later", "[null]", 5));
    assertThat(nullArgument.get("code").asInt()).isEqualTo(-32602);
    assertThat(nullArgument.get("message").asText())
        .isEqualTo("Invalid params: parameter '#0' of later must not be null");
    assertThat(error(service, request("shout", "{\"text\":null}", 6)).get("message").asText())
        .isEqualTo("Invalid params: parameter 'text' of shout must not be null");
  }

  @Test
  void lazyMethodsLoadTheirClassOnTheFirstCall() {
    int loadsBefore = Sample.LOADS.get();
    JsonRpcService service =
        JsonRpcService.builder()
            .lazyMethod("sample.add", "io.jsonrpc2.sample.Sample#add")
            .lazyMethod("sample.shout", "io.jsonrpc2.sample.Sample#shout")
            .build();

    assertThat(result(service, request("sample.add", "[1, 2]", "sample.add")).asInt()).isEqualTo(3);
    assertThat(result(service, request("sample.add", "{\"a\": 5, \"b\": 6}", 2)).asInt())
        .isEqualTo(11);
    assertThat(result(service, request("sample.shout", "[\"hi\"]", 3)).asText()).isEqualTo("HI");
    assertThat(Sample.LOADS.get() - loadsBefore).isLessThanOrEqualTo(1);
  }

  @Test
  void aBadLazyEntryFailsItsCallsOnlyAndTheServiceKeepsServing() {
    JsonRpcService service =
        JsonRpcService.builder()
            .lazyMethod("missing.class", "com.example.DoesNotExist#add")
            .lazyMethod("missing.method", "io.jsonrpc2.sample.Sample#subtract")
            .lazyMethod("ambiguous", "io.jsonrpc2.sample.Sample#twice")
            .method("ok", (params, ctx) -> "ok")
            .build();

    for (String name : List.of("missing.class", "missing.method", "ambiguous")) {
      var error = error(service, request(name, "[1, 2]", 1));
      assertThat(error.get("code").asInt()).isEqualTo(-32603);
      assertThat(error.get("message").asText()).contains(name).contains("could not be loaded");
      // the same answer again, without a new attempt blowing up
      assertThat(error(service, request(name, "[1, 2]", 2)).get("code").asInt()).isEqualTo(-32603);
    }
    assertThat(result(service, request("ok", null, 3)).asText()).isEqualTo("ok");
  }

  @Test
  void aMalformedLazyReferenceIsRefusedAtRegistration() {
    assertThatThrownBy(() -> JsonRpcService.builder().lazyMethod("x", "NoHashHere").build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("fully.qualified.Class#method");
  }

  @Test
  void duplicateNamesAreRefused() {
    assertThatThrownBy(
            () ->
                JsonRpcService.builder()
                    .handler("main", new Example())
                    .method("main.echo", (p, c) -> null)
                    .build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("'main.echo' is already registered");
  }

  static class Overloaded {
    @JsonRpcMethod
    public int add(int a, int b) {
      return a + b;
    }

    @JsonRpcMethod
    public int add(int a, int b, int c) {
      return a + b + c;
    }
  }

  @Test
  void overloadsAreRefused() {
    assertThatThrownBy(() -> JsonRpcService.builder().handler(new Overloaded()).build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("'add' is exported by both");
  }

  @Test
  void reservedAndEmptyNamesAreRefused() {
    assertThatThrownBy(
            () -> JsonRpcService.builder().method("rpc.discover", (p, c) -> null).build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("reserved");
    assertThatThrownBy(() -> JsonRpcService.builder().handler(new Object()).build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("no public method annotated");
  }

  @Test
  void aFailedRegistrationAddsNothing() {
    JsonRpcService service =
        JsonRpcService.builder().method("main.echo", (p, c) -> "taken").build();
    assertThatThrownBy(() -> service.addHandler("main", new Example()))
        .isInstanceOf(IllegalArgumentException.class);
    assertThat(service.methodNames()).containsExactly("main.echo");
  }

  @Test
  void registrationWhileServingIsThreadSafe() throws Exception {
    JsonRpcService service = JsonRpcService.builder().build();
    int threads = 8;
    int perThread = 200;
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    CountDownLatch start = new CountDownLatch(1);
    List<Future<?>> done = new ArrayList<>();
    for (int t = 0; t < threads; t++) {
      int thread = t;
      done.add(
          pool.submit(
              () -> {
                start.await();
                for (int i = 0; i < perThread; i++) {
                  String name = "m" + thread + "." + i;
                  service.addMethod(name, (p, c) -> name);
                  assertThat(result(service, request(name, null, i)).asText()).isEqualTo(name);
                }
                return null;
              }));
    }
    start.countDown();
    for (Future<?> f : done) {
      f.get(15, TimeUnit.SECONDS);
    }
    pool.shutdown();
    assertThat(service.methodNames()).hasSize(threads * perThread);
    assertThat(service.removeMethod("m0.0")).isTrue();
    assertThat(error(service, request("m0.0", null, 1)).get("code").asInt()).isEqualTo(-32601);
  }

  @Test
  void aPlainClassExportsOnlyThePublicMethodsItDeclares() {
    JsonRpcService service =
        JsonRpcService.builder().publicMethods(null, io.jsonrpc2.sample.Hello.class).build();

    assertThat(service.methodNames()).containsExactlyInAnyOrder("greeting", "count");
    assertThat(result(service, request("greeting", "[\"Ann\"]", 1)).asText())
        .isEqualTo("Hello, Ann!");
    assertThat(result(service, request("count", null, 2)).asInt()).isEqualTo(1);
    assertThat(result(service, request("count", null, 3)).asInt()).as("one instance").isEqualTo(2);
    for (String inherited : List.of("getClass", "hashCode", "wait", "toString", "packagePrivate")) {
      assertThat(error(service, request(inherited, null, 4)).get("code").asInt()).isEqualTo(-32601);
    }
  }

  @Test
  void aPlainClassWithOverloadsOrNoConstructorIsRefused() {
    assertThatThrownBy(() -> JsonRpcService.builder().publicMethods(null, Sample.class).build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("more than one public method named 'twice'");
    assertThatThrownBy(
            () -> JsonRpcService.builder().publicMethods("x", java.io.File.class).build())
        .isInstanceOf(IllegalArgumentException.class);
  }
}
