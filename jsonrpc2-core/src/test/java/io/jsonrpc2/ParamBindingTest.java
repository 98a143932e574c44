package io.jsonrpc2;

import static io.jsonrpc2.Replies.error;
import static io.jsonrpc2.Replies.request;
import static io.jsonrpc2.Replies.result;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.jsonrpc2.server.TransportContext;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(20)
class ParamBindingTest {
  record Point(int x, int y) {}

  enum Color {
    RED,
    GREEN
  }

  public static class Methods {
    @JsonRpcMethod
    public int sumX(List<Point> points) {
      return points.stream().mapToInt(Point::x).sum();
    }

    @JsonRpcMethod
    public Point mirror(Point p) {
      return new Point(p.y(), p.x());
    }

    @JsonRpcMethod
    public String paint(Color color, Optional<String> shade) {
      return color + shade.map(s -> "/" + s).orElse("");
    }

    @JsonRpcMethod
    public String join(String separator, String... parts) {
      return String.join(separator, parts);
    }

    @JsonRpcMethod
    public double scale(double value, @JsonRpcParam(value = "by", optional = true) int factor) {
      return factor == 0 ? value : value * factor;
    }

    @JsonRpcMethod
    public String nullable(@JsonRpcParam(optional = true) String text) {
      return text == null ? "<null>" : text;
    }

    @JsonRpcMethod
    public long add(long a, long b) {
      return a + b;
    }

    @JsonRpcMethod
    public boolean flag(boolean on) {
      return on;
    }

    @JsonRpcMethod
    public String whoAmI(CallContext context, String greeting) {
      return greeting
          + " "
          + context.method()
          + " #"
          + context.id()
          + " from "
          + context.transport().transport()
          + " "
          + context.transport().remoteAddress()
          + " as "
          + context.value("user").orElse("?");
    }

    @JsonRpcMethod
    public String describe(Object value) {
      return ParamBindingTest.describe(value);
    }

    @JsonRpcMethod
    public Optional<String> maybe(boolean present) {
      return present ? Optional.of("here") : Optional.empty();
    }
  }

  private final JsonRpcService service = JsonRpcService.builder().handler(new Methods()).build();

  @Test
  void bindsGenericsRecordsAndEnums() {
    assertThat(
            result(service, request("sumX", "[[{\"x\":1,\"y\":2},{\"x\":3,\"y\":4}]]", 1)).asInt())
        .isEqualTo(4);
    assertThat(result(service, request("mirror", "{\"p\":{\"x\":1,\"y\":2}}", 2)))
        .isEqualTo(Replies.parse("{\"x\":2,\"y\":1}"));
    assertThat(result(service, request("paint", "[\"GREEN\"]", 3)).asText()).isEqualTo("GREEN");
    assertThat(
            result(service, request("paint", "{\"color\":\"RED\",\"shade\":\"dark\"}", 4)).asText())
        .isEqualTo("RED/dark");
  }

  @Test
  void varargsTakeTheRestOfAPositionalArray() {
    assertThat(result(service, request("join", "[\"-\", \"a\", \"b\", \"c\"]", 1)).asText())
        .isEqualTo("a-b-c");
    assertThat(result(service, request("join", "[\"-\"]", 2)).asText()).isEmpty();
    assertThat(
            result(service, request("join", "{\"separator\":\"+\",\"parts\":[\"x\",\"y\"]}", 3))
                .asText())
        .isEqualTo("x+y");
  }

  @Test
  void optionalParametersMayBeLeftOut() {
    assertThat(result(service, request("scale", "[1.5]", 1)).asDouble()).isEqualTo(1.5);
    assertThat(result(service, request("scale", "{\"value\":1.5,\"by\":2}", 2)).asDouble())
        .isEqualTo(3.0);
    assertThat(result(service, request("nullable", null, 3)).asText()).isEqualTo("<null>");
    assertThat(result(service, request("nullable", "[]", 4)).asText()).isEqualTo("<null>");
    assertThat(result(service, request("paint", "{\"color\":\"RED\"}", 5)).asText())
        .isEqualTo("RED");
  }

  @Test
  void optionalResultsAreUnwrapped() {
    assertThat(result(service, request("maybe", "[true]", 1)).asText()).isEqualTo("here");
    assertThat(result(service, request("maybe", "[false]", 2)).isNull()).isTrue();
  }

  @Test
  void wrongCountIsInvalidParams() {
    assertInvalid(request("add", "[1,2,3]", 1), "add takes 2 params");
    assertInvalid(request("add", "[1]", 2), "parameter 'b' of add is missing");
    assertInvalid(request("add", null, 3), "parameter 'a' of add is missing");
  }

  @Test
  void wrongTypesAreInvalidParamsNamingTheParameter() {
    assertInvalid(request("add", "[1, \"2\"]", 1), "parameter 'b' of add expects long");
    assertInvalid(request("add", "[1.5, 2]", 2), "parameter 'a' of add expects long");
    assertInvalid(request("add", "[null, 2]", 3), "parameter 'a' of add expects long");
    assertInvalid(request("flag", "[1]", 4), "parameter 'on' of flag expects boolean");
    assertInvalid(request("nullable", "[42]", 5), "parameter 'text' of nullable expects String");
    assertInvalid(request("paint", "[\"BLUE\"]", 6), "parameter 'color' of paint expects Color");
    assertInvalid(
        request("sumX", "[[{\"x\":\"a\"}]]", 7), "parameter 'points' of sumX expects List<Point>");
    assertInvalid(
        request("mirror", "[{\"x\":1,\"z\":2}]", 8), "parameter 'p' of mirror expects Point");
  }

  @Test
  void unknownAndRepeatedNamesAreInvalidParams() {
    assertInvalid(request("add", "{\"a\":1,\"c\":2}", 1), "add has no parameter named 'c'");
    assertInvalid(
        request("add", "{\"a\":1,\"a\":2,\"b\":3}", 2), "parameter 'a' of add given twice");
  }

  @Test
  void bigNumbersAreNotSilentlyTruncated() {
    assertInvalid(
        request("add", "[1, 123456789012345678901234567890]", 1),
        "parameter 'b' of add expects long");
  }

  @Test
  void contextIsInjectedAndNotReadFromParams() {
    TransportContext transport =
        TransportContext.builder("test")
            .remoteAddress(new InetSocketAddress("127.0.0.1", 4242))
            .build();
    byte[] request = request("whoAmI", "[\"hi\"]", 7).getBytes(StandardCharsets.UTF_8);

    byte[] reply = service.handle(request, transport, Map.of("user", "ann")).join();

    JsonNode result = Replies.parse(new String(reply, StandardCharsets.UTF_8)).get("result");
    assertThat(result.asText()).isEqualTo("hi whoAmI #7 from test /127.0.0.1:4242 as ann");
  }

  @Test
  void extraValuesFillParametersTheRequestLeavesOut() {
    // The Python jsonrpc2 library: rpc({'method': 'add', 'params': {'a': 2}}, b=3) gives 5.
    byte[] request = request("add", "{\"a\":2}", "rpc-1").getBytes(StandardCharsets.UTF_8);

    byte[] reply = service.handle(request, TransportContext.NONE, Map.of("b", 3)).join();

    assertThat(Replies.parse(new String(reply, StandardCharsets.UTF_8)))
        .isEqualTo(Replies.parse("{\"jsonrpc\":\"2.0\",\"result\":5,\"id\":\"rpc-1\"}"));
  }

  @Test
  void untypedParamsAreWhatJacksonMakesOfThem() throws Exception {
    for (String json :
        List.of(
            "\"text\"",
            "\"\"",
            "\"caf\u00e9 \\u0041\"",
            "0",
            "-0",
            "7",
            "-2147483648",
            "2147483647",
            "2147483648",
            "-2147483649",
            "123456789012345678",
            "-9223372036854775808",
            "9223372036854775807",
            "9223372036854775808",
            "12345678901234567890123",
            "1.5",
            "1e3",
            "true",
            "false",
            "null",
            "[1,\"a\"]",
            "{\"a\":1}")) {
      String expected = describe(service.mapper().readValue(json, Object.class));
      assertThat(result(service, request("describe", "[" + json + "]", 1)).asText())
          .as(json)
          .isEqualTo(expected);
      assertThat(result(service, request("describe", "{\"value\":" + json + "}", 2)).asText())
          .as(json)
          .isEqualTo(expected);
    }
  }

  private static String describe(Object value) {
    return value == null ? "null" : value.getClass().getSimpleName() + ":" + value;
  }

  private void assertInvalid(String request, String messagePart) {
    JsonNode error = error(service, request);
    assertThat(error.get("code").asInt()).as("code for %s", request).isEqualTo(-32602);
    assertThat(error.get("message").asText()).startsWith("Invalid params: ").contains(messagePart);
  }
}
