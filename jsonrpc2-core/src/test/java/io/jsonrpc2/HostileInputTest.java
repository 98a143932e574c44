package io.jsonrpc2;

import static io.jsonrpc2.Replies.request;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Limits turn hostile input into errors, never into crashes or hangs. */
@Timeout(20)
class HostileInputTest {
  public static class Echo {
    @JsonRpcMethod
    public Object echo(Object value) {
      return value;
    }
  }

  private final JsonRpcService service =
      JsonRpcService.builder()
          .handler(new Echo())
          .limits(JsonLimits.DEFAULTS.withMaxBatchLength(10).withMaxStringLength(1_000))
          .build();

  @Test
  void deepNestingIsRefusedWithoutAStackOverflow() {
    String deep = "[".repeat(200_000) + "]".repeat(200_000);
    JsonNode reply = Replies.call(service, request("echo", "[" + deep + "]", 1));
    assertRefused(reply, "nesting depth");

    JsonNode bare = Replies.call(service, deep);
    assertRefused(bare, "nesting depth");
  }

  @Test
  void nestingWithinTheLimitWorks() {
    String nested = "[".repeat(100) + "]".repeat(100);
    JsonNode reply = Replies.call(service, request("echo", "[" + nested + "]", 1));
    assertThat(reply.has("result")).isTrue();
  }

  @Test
  void tooLongABatchIsRefusedAsAWhole() {
    String element = request("echo", "[1]", 1);
    String batch = "[" + String.join(",", java.util.Collections.nCopies(11, element)) + "]";
    assertRefused(Replies.call(service, batch), "at most 10 elements");
  }

  @Test
  void tooLongAStringIsRefused() {
    assertRefused(
        Replies.call(service, request("echo", "[\"" + "x".repeat(1_001) + "\"]", 1)),
        "String value length");
    assertRefused(
        Replies.call(service, request("echo", "[{\"nested\":[\"" + "x".repeat(1_001) + "\"]}]", 2)),
        "String value length");
  }

  @Test
  void aParseErrorLateInABatchStillWinsOverTheBatchLimit() {
    String element = request("echo", "[1]", 1);
    String batch = "[" + String.join(",", java.util.Collections.nCopies(11, element)) + ", {]";
    JsonNode reply = Replies.call(service, batch);
    assertThat(reply.get("error").get("code").asInt()).isEqualTo(-32700);
  }

  @Test
  void invalidUtf8AndBinaryGarbageAreParseErrors() {
    byte[] garbage = {(byte) 0xff, (byte) 0xfe, 0x00, 0x7b, (byte) 0xc3, 0x28};
    String reply = new String(service.handle(garbage).join(), StandardCharsets.UTF_8);
    assertThat(Replies.parse(reply).get("error").get("code").asInt()).isEqualTo(-32700);
    assertThat(Replies.parse(reply).get("id").isNull()).isTrue();

    byte[] badUtf8InString =
        "{\"jsonrpc\":\"2.0\",\"method\":\"echo\",\"params\":[\"\u0000\"],\"id\":1}"
            .getBytes(StandardCharsets.UTF_8);
    badUtf8InString[45] = (byte) 0xc3;
    String second = new String(service.handle(badUtf8InString).join(), StandardCharsets.UTF_8);
    assertThat(Replies.parse(second).get("error").get("code").asInt()).isEqualTo(-32700);
  }

  @Test
  void emptyInputAndTrailingGarbageAreParseErrors() {
    for (String input :
        new String[] {
          "", "   ", request("echo", "[1]", 1) + " {}", request("echo", "[1]", 1) + "x"
        }) {
      JsonNode reply = Replies.call(service, input);
      assertThat(reply.get("error").get("code").asInt())
          .as("reply to <%s>", input)
          .isEqualTo(-32700);
    }
  }

  private static void assertRefused(JsonNode reply, String reason) {
    assertThat(reply.get("error").get("code").asInt()).isEqualTo(-32600);
    assertThat(reply.get("error").get("message").asText()).isEqualTo("Invalid Request");
    assertThat(reply.get("error").get("data").asText()).contains(reason);
    assertThat(reply.get("id").isNull()).isTrue();
  }
}
