package io.jsonrpc2;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Long string params, wherever they stand in a request and whatever they contain, reach the method
 * exactly as Jackson reads them, and come back exactly as Jackson writes them.
 */
@Timeout(30)
class LongStringParamsTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  /** Methods taking strings. */
  public static final class Strings {
    @JsonRpcMethod
    @NonBlocking
    public String echo(String value) {
      return value;
    }

    @JsonRpcMethod
    @NonBlocking
    public String join(String first, String second) {
      return first + "|" + second;
    }

    @JsonRpcMethod
    @NonBlocking
    public int length(String value) {
      return value.length();
    }
  }

  private final JsonRpcService service = JsonRpcService.builder().handler(new Strings()).build();

  private String call(String request) {
    byte[] reply = service.handle(request.getBytes(StandardCharsets.UTF_8)).join();
    return reply == null ? null : new String(reply, StandardCharsets.UTF_8);
  }

  private static String quoted(String json) throws Exception {
    return written(JSON.readValue(json, String.class));
  }

  /** A string as Jackson's UTF-8 generator writes it, whatever the request's own escaping. */
  private static String written(String value) throws Exception {
    return new String(JSON.writeValueAsBytes(value), StandardCharsets.UTF_8);
  }

  static Stream<String> strings() {
    String letters =
        "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789 !#$%&'()*+,-./:;<=>?@[]^_`{|}~";
    return Stream.of(
        "\"" + letters.substring(0, 63) + "\"",
        "\"" + letters.substring(0, 64) + "\"",
        "\"" + letters.repeat(2000) + "\"",
        "\"" + letters.repeat(3) + "\\\"quoted\\\"" + letters.repeat(3) + "\"",
        "\"" + letters.repeat(3) + "\\u0041\\/\\n" + "\"",
        "\"" + letters.repeat(3) + "é中😀" + letters + "\"",
        "\"" + "\u007f".repeat(100) + "\"");
  }

  @ParameterizedTest
  @MethodSource("strings")
  void positional(String value) throws Exception {
    assertThat(
            call("{\"jsonrpc\":\"2.0\",\"method\":\"echo\",\"params\":[" + value + "],\"id\":1}"))
        .isEqualTo("{\"jsonrpc\":\"2.0\",\"result\":" + quoted(value) + ",\"id\":1}");
  }

  @ParameterizedTest
  @MethodSource("strings")
  void namedWithSpacesAndTheIdFirst(String value) throws Exception {
    assertThat(
            call(
                "{ \"id\" : \"k\" , \"jsonrpc\":\"2.0\",\"method\":\"echo\",\"params\": { \"value\" :\n "
                    + value
                    + " } }"))
        .isEqualTo("{\"jsonrpc\":\"2.0\",\"result\":" + quoted(value) + ",\"id\":\"k\"}");
  }

  @ParameterizedTest
  @MethodSource("strings")
  void secondOfTwoInABatch(String value) throws Exception {
    String other = "\"" + "x".repeat(70) + "\"";
    assertThat(
            call(
                "[{\"jsonrpc\":\"2.0\",\"method\":\"join\",\"params\":["
                    + other
                    + ","
                    + value
                    + "],\"id\":1},"
                    + "{\"jsonrpc\":\"2.0\",\"method\":\"length\",\"params\":{\"value\":"
                    + value
                    + "},\"id\":2}]"))
        .isEqualTo(
            "[{\"jsonrpc\":\"2.0\",\"result\":"
                + written(
                    JSON.readValue(other, String.class) + "|" + JSON.readValue(value, String.class))
                + ",\"id\":1},{\"jsonrpc\":\"2.0\",\"result\":"
                + JSON.readValue(value, String.class).length()
                + ",\"id\":2}]");
  }

  @Test
  void anUnescapedControlCharacterInALongStringIsAParseError() {
    assertThat(
            call(
                "{\"jsonrpc\":\"2.0\",\"method\":\"echo\",\"params\":[\""
                    + "a".repeat(100)
                    + "\u0001\"],\"id\":1}"))
        .isEqualTo(
            "{\"jsonrpc\":\"2.0\",\"error\":{\"code\":-32700,\"message\":\"Parse error\"},\"id\":null}");
  }

  @Test
  void anUnterminatedLongStringIsAParseError() {
    assertThat(call("{\"jsonrpc\":\"2.0\",\"method\":\"echo\",\"params\":[\"" + "a".repeat(100)))
        .isEqualTo(
            "{\"jsonrpc\":\"2.0\",\"error\":{\"code\":-32700,\"message\":\"Parse error\"},\"id\":null}");
  }

  @Test
  void aLongStringAfterAParamThatDoesNotFitIsSkipped() {
    assertThat(
            call(
                "{\"jsonrpc\":\"2.0\",\"method\":\"echo\",\"params\":[1,\""
                    + "a".repeat(100)
                    + "\"],\"id\":1}"))
        .startsWith("{\"jsonrpc\":\"2.0\",\"error\":{\"code\":-32602,");
  }

  @Test
  void aSliceOfALargerArrayIsReadWithinItsBounds() {
    String request =
        "{\"jsonrpc\":\"2.0\",\"method\":\"echo\",\"params\":[\""
            + "b".repeat(100)
            + "\"],\"id\":1}";
    byte[] message = request.getBytes(StandardCharsets.UTF_8);
    byte[] padded = new byte[message.length + 20];
    java.util.Arrays.fill(padded, (byte) '"');
    System.arraycopy(message, 0, padded, 10, message.length);
    byte[] reply =
        service
            .handle(
                padded,
                10,
                message.length,
                io.jsonrpc2.server.TransportContext.NONE,
                java.util.Map.of())
            .join();
    assertThat(new String(reply, StandardCharsets.UTF_8))
        .isEqualTo("{\"jsonrpc\":\"2.0\",\"result\":\"" + "b".repeat(100) + "\",\"id\":1}");
  }
}
