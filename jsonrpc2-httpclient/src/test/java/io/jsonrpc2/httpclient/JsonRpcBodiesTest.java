package io.jsonrpc2.httpclient;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Which non-2xx bodies are taken as JSON-RPC replies. */
class JsonRpcBodiesTest {

  private static boolean isJsonRpc(String body) {
    return JsonRpcBodies.isJsonRpc(body.getBytes(StandardCharsets.UTF_8));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "{\"jsonrpc\":\"2.0\",\"error\":{\"code\":-32700,\"message\":\"Parse error\"},\"id\":null}",
        " \r\n\t{ \"id\" : 1 , \"result\" : [1, -2.5e+3, true, false, null, {}, []], \"jsonrpc\" : \"2.0\" }\n",
        "[{\"jsonrpc\":\"2.0\",\"result\":\"a\\\"b\\\\c\\u00e9\\n\",\"id\":1},{\"jsonrpc\":\"2.0\",\"result\":0,\"id\":2}]",
        "{\"jsonrpc\":\"2.0\",\"result\":\"äöü 😺\",\"id\":\"x\"}",
        "[1, {\"jsonrpc\":\"2.0\",\"error\":{\"code\":-32600,\"message\":\"Invalid Request\"},\"id\":null}]"
      })
  void takesJsonObjectsAndArraysWithAJsonrpcMember(String body) {
    assertThat(isJsonRpc(body)).isTrue();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "",
        "   ",
        "<html><body>Bad Gateway</body></html>",
        "{\"error\":\"no such path\"}",
        "{\"result\":{\"jsonrpc\":\"2.0\"},\"id\":1}",
        "[[{\"jsonrpc\":\"2.0\",\"result\":1,\"id\":1}]]",
        "{\"jsonrpc\":\"2.0\",\"result\":1,\"id\":1",
        "{\"jsonrpc\":\"2.0\",\"result\":1,\"id\":1} trailing",
        "{\"jsonrpc\":\"2.0\",\"result\":01,\"id\":1}",
        "{\"jsonrpc\":\"2.0\",\"result\":1.,\"id\":1}",
        "{\"jsonrpc\":\"2.0\",\"result\":\"bad \\x escape\",\"id\":1}",
        "{\"jsonrpc\":\"2.0\",\"result\":\"raw\ttab\",\"id\":1}",
        "{\"jsonrpc\":\"2.0\",\"result\":tru,\"id\":1}",
        "{\"jsonrpc\" \"2.0\"}",
        "{\"jsonrpc\":\"2.0\",}",
        "\"jsonrpc\"",
        "42"
      })
  void refusesAnythingElse(String body) {
    assertThat(isJsonRpc(body)).isFalse();
  }

  @Test
  void deepNestingIsRefusedWithoutRunningOutOfStack() {
    String deep = "[".repeat(100_000) + "]".repeat(100_000);
    String deepInObject = "{\"jsonrpc\":\"2.0\",\"result\":" + deep + ",\"id\":1}";

    assertThat(isJsonRpc(deep)).isFalse();
    assertThat(isJsonRpc(deepInObject)).isFalse();
  }

  @Test
  void nestingWithinTheLimitIsFine() {
    int depth = JsonRpcBodies.MAX_DEPTH - 2;
    String nested = "[".repeat(depth) + "]".repeat(depth);

    assertThat(isJsonRpc("{\"jsonrpc\":\"2.0\",\"result\":" + nested + ",\"id\":1}")).isTrue();
  }
}
