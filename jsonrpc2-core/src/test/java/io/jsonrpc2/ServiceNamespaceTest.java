package io.jsonrpc2;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** How a handler's exported names take {@link JsonRpcNamespace} from a shared interface. */
class ServiceNamespaceTest {
  @JsonRpcNamespace("calc")
  public interface Calculator {
    @JsonRpcMethod
    int add(int a, int b);

    @JsonRpcMethod("sub")
    int subtract(int a, int b);
  }

  @JsonRpcNamespace("admin")
  public interface Admin {
    @JsonRpcMethod
    String status();
  }

  public static class Both implements Calculator, Admin {
    @Override
    public int add(int a, int b) {
      return a + b;
    }

    @Override
    public int subtract(int a, int b) {
      return a - b;
    }

    @Override
    public String status() {
      return "ok";
    }
  }

  /** Re-annotates a method itself: the interface's namespace still applies. */
  public static class Reannotated implements Calculator {
    @Override
    @JsonRpcMethod
    public int add(int a, int b) {
      return a + b;
    }

    @Override
    public int subtract(int a, int b) {
      return a - b;
    }
  }

  @JsonRpcNamespace("own")
  public static class OwnNamespace {
    @JsonRpcMethod
    public String ping() {
      return "pong";
    }
  }

  public static class Plain {
    @JsonRpcMethod
    public String ping() {
      return "pong";
    }
  }

  @Test
  void eachMethodTakesTheNamespaceOfTheInterfaceThatDeclaresIt() {
    JsonRpcService service = JsonRpcService.builder().handler(new Both()).build();
    assertThat(service.methodNames())
        .containsExactlyInAnyOrder("calc.add", "calc.sub", "admin.status");
    assertThat(
            service
                .handle("{\"jsonrpc\":\"2.0\",\"method\":\"calc.sub\",\"params\":[5,3],\"id\":1}")
                .join())
        .isEqualTo("{\"jsonrpc\":\"2.0\",\"result\":2,\"id\":1}");
  }

  @Test
  void anOverridingAnnotationKeepsTheInterfacesNamespace() {
    assertThat(JsonRpcService.builder().handler(new Reannotated()).build().methodNames())
        .containsExactlyInAnyOrder("calc.add", "calc.sub");
  }

  @Test
  void anExplicitNamespaceReplacesTheAnnotation() {
    assertThat(JsonRpcService.builder().handler("v2", new Reannotated()).build().methodNames())
        .containsExactlyInAnyOrder("v2.add", "v2.sub");
    assertThat(JsonRpcService.builder().handler("", new Reannotated()).build().methodNames())
        .containsExactlyInAnyOrder("add", "sub");
  }

  @Test
  void aClassCanCarryItsOwnNamespace() {
    assertThat(JsonRpcService.builder().handler(new OwnNamespace()).build().methodNames())
        .containsExactly("own.ping");
    assertThat(JsonRpcService.builder().handler(new Plain()).build().methodNames())
        .containsExactly("ping");
  }
}
