package io.jsonrpc2.testing;

import io.jsonrpc2.JsonRpcMethod;
import io.jsonrpc2.JsonRpcService;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The examples of section 7 of the JSON-RPC 2.0 specification, and the rules that libraries are
 * known to break, as request/reply pairs against {@link #service()}.
 *
 * <p>Replies are compared as JSON values, member order aside. A null reply means nothing may be
 * answered at all.
 */
public final class SpecExamples {
  private SpecExamples() {}

  /**
   * One message and the reply it must get.
   *
   * @param name what the example shows
   * @param request the message sent
   * @param reply the reply expected, or null when no reply is due
   */
  public record Exchange(String name, String request, @Nullable String reply) {
    @Override
    public String toString() {
      return name;
    }
  }

  /** The methods the examples call. */
  public static final class SpecMethods {
    @JsonRpcMethod
    public int subtract(int minuend, int subtrahend) {
      return minuend - subtrahend;
    }

    @JsonRpcMethod
    public int sum(int... numbers) {
      int total = 0;
      for (int n : numbers) {
        total += n;
      }
      return total;
    }

    @JsonRpcMethod
    public void update(int... values) {}

    @JsonRpcMethod("get_data")
    public List<Object> getData() {
      return List.of("hello", 5);
    }

    @JsonRpcMethod
    public void nothing() {}

    @JsonRpcMethod
    public String fail() {
      throw new IllegalStateException("this method always fails");
    }
  }

  /** A new service with {@link SpecMethods} registered without a namespace. */
  public static JsonRpcService service() {
    return JsonRpcService.builder().handler(new SpecMethods()).build();
  }

  private static final String PARSE_ERROR =
      "{\"jsonrpc\":\"2.0\",\"error\":{\"code\":-32700,\"message\":\"Parse error\"},\"id\":null}";
  private static final String INVALID =
      "{\"jsonrpc\":\"2.0\",\"error\":{\"code\":-32600,\"message\":\"Invalid Request\"},\"id\":null}";

  /** The examples of section 7, in the order the specification gives them. */
  public static List<Exchange> section7() {
    return List.of(
        new Exchange(
            "positional params",
            "{\"jsonrpc\": \"2.0\", \"method\": \"subtract\", \"params\": [42, 23], \"id\": 1}",
            "{\"jsonrpc\": \"2.0\", \"result\": 19, \"id\": 1}"),
        new Exchange(
            "positional params, reversed",
            "{\"jsonrpc\": \"2.0\", \"method\": \"subtract\", \"params\": [23, 42], \"id\": 2}",
            "{\"jsonrpc\": \"2.0\", \"result\": -19, \"id\": 2}"),
        new Exchange(
            "named params",
            "{\"jsonrpc\": \"2.0\", \"method\": \"subtract\", \"params\": {\"subtrahend\": 23, \"minuend\": 42}, \"id\": 3}",
            "{\"jsonrpc\": \"2.0\", \"result\": 19, \"id\": 3}"),
        new Exchange(
            "named params, other order",
            "{\"jsonrpc\": \"2.0\", \"method\": \"subtract\", \"params\": {\"minuend\": 42, \"subtrahend\": 23}, \"id\": 4}",
            "{\"jsonrpc\": \"2.0\", \"result\": 19, \"id\": 4}"),
        new Exchange(
            "notification",
            "{\"jsonrpc\": \"2.0\", \"method\": \"update\", \"params\": [1,2,3,4,5]}",
            null),
        new Exchange(
            "notification of a method that does not exist",
            "{\"jsonrpc\": \"2.0\", \"method\": \"foobar\"}",
            null),
        new Exchange(
            "non-existent method",
            "{\"jsonrpc\": \"2.0\", \"method\": \"foobar\", \"id\": \"1\"}",
            "{\"jsonrpc\": \"2.0\", \"error\": {\"code\": -32601, \"message\": \"Method not found\"}, \"id\": \"1\"}"),
        new Exchange(
            "invalid JSON",
            "{\"jsonrpc\": \"2.0\", \"method\": \"foobar, \"params\": \"bar\", \"baz]",
            PARSE_ERROR),
        new Exchange(
            "invalid Request object",
            "{\"jsonrpc\": \"2.0\", \"method\": 1, \"params\": \"bar\"}",
            INVALID),
        new Exchange(
            "batch, invalid JSON",
            "[\n  {\"jsonrpc\": \"2.0\", \"method\": \"sum\", \"params\": [1,2,4], \"id\": \"1\"},\n  {\"jsonrpc\": \"2.0\", \"method\"\n]",
            PARSE_ERROR),
        new Exchange("empty array", "[]", INVALID),
        new Exchange("invalid batch of one", "[1]", "[" + INVALID + "]"),
        new Exchange(
            "invalid batch", "[1,2,3]", "[" + INVALID + "," + INVALID + "," + INVALID + "]"),
        new Exchange(
            "batch",
            """
            [
              {"jsonrpc": "2.0", "method": "sum", "params": [1,2,4], "id": "1"},
              {"jsonrpc": "2.0", "method": "notify_hello", "params": [7]},
              {"jsonrpc": "2.0", "method": "subtract", "params": [42,23], "id": "2"},
              {"foo": "boo"},
              {"jsonrpc": "2.0", "method": "foo.get", "params": {"name": "myself"}, "id": "5"},
              {"jsonrpc": "2.0", "method": "get_data", "id": "9"}
            ]""",
            "[\n"
                + "  {\"jsonrpc\": \"2.0\", \"result\": 7, \"id\": \"1\"},\n"
                + "  {\"jsonrpc\": \"2.0\", \"result\": 19, \"id\": \"2\"},\n"
                + "  "
                + INVALID
                + ",\n"
                + "  {\"jsonrpc\": \"2.0\", \"error\": {\"code\": -32601, \"message\": \"Method not found\"}, \"id\": \"5\"},\n"
                + "  {\"jsonrpc\": \"2.0\", \"result\": [\"hello\", 5], \"id\": \"9\"}\n"
                + "]"),
        new Exchange(
            "batch of notifications only",
            """
            [
              {"jsonrpc": "2.0", "method": "notify_sum", "params": [1,2,4]},
              {"jsonrpc": "2.0", "method": "notify_hello", "params": [7]}
            ]""",
            null));
  }

  /** The rules other libraries are known to break (one or more exchanges per rule). */
  public static List<Exchange> pitfalls() {
    return List.of(
        new Exchange(
            "id null is a request, not a notification",
            "{\"jsonrpc\":\"2.0\",\"method\":\"subtract\",\"params\":[5,2],\"id\":null}",
            "{\"jsonrpc\":\"2.0\",\"result\":3,\"id\":null}"),
        new Exchange(
            "id 0 is a real id",
            "{\"jsonrpc\":\"2.0\",\"method\":\"subtract\",\"params\":[5,2],\"id\":0}",
            "{\"jsonrpc\":\"2.0\",\"result\":3,\"id\":0}"),
        new Exchange(
            "id 0 gets its error",
            "{\"jsonrpc\":\"2.0\",\"method\":\"nope\",\"id\":0}",
            "{\"jsonrpc\":\"2.0\",\"error\":{\"code\":-32601,\"message\":\"Method not found\"},\"id\":0}"),
        new Exchange(
            "empty string is a real id",
            "{\"jsonrpc\":\"2.0\",\"method\":\"subtract\",\"params\":[5,2],\"id\":\"\"}",
            "{\"jsonrpc\":\"2.0\",\"result\":3,\"id\":\"\"}"),
        new Exchange(
            "no reply to a notification with invalid params",
            "{\"jsonrpc\":\"2.0\",\"method\":\"subtract\",\"params\":[\"x\"]}",
            null),
        new Exchange(
            "no reply to a notification whose method fails",
            "{\"jsonrpc\":\"2.0\",\"method\":\"fail\"}",
            null),
        new Exchange(
            "invalid element of a batch gets its own error, the rest run",
            "[{\"jsonrpc\":\"2.0\",\"method\":\"subtract\",\"params\":[5,2],\"id\":1},[],"
                + "{\"jsonrpc\":\"2.0\",\"method\":\"subtract\",\"params\":[9,2],\"id\":2}]",
            "[{\"jsonrpc\":\"2.0\",\"result\":3,\"id\":1},"
                + INVALID
                + ",{\"jsonrpc\":\"2.0\",\"result\":7,\"id\":2}]"),
        new Exchange(
            "a nested array is not a nested batch",
            "[[{\"jsonrpc\":\"2.0\",\"method\":\"subtract\",\"params\":[5,2],\"id\":1}]]",
            "[" + INVALID + "]"),
        new Exchange("a scalar message is an invalid request", "42", INVALID),
        new Exchange(
            "params must not be a string",
            "{\"jsonrpc\":\"2.0\",\"method\":\"sum\",\"params\":\"1\",\"id\":1}",
            "{\"jsonrpc\":\"2.0\",\"error\":{\"code\":-32600,\"message\":\"Invalid Request\"},\"id\":1}"),
        new Exchange(
            "params must not be null",
            "{\"jsonrpc\":\"2.0\",\"method\":\"sum\",\"params\":null,\"id\":1}",
            "{\"jsonrpc\":\"2.0\",\"error\":{\"code\":-32600,\"message\":\"Invalid Request\"},\"id\":1}"),
        new Exchange(
            "jsonrpc member is required",
            "{\"method\":\"sum\",\"params\":[1],\"id\":1}",
            "{\"jsonrpc\":\"2.0\",\"error\":{\"code\":-32600,\"message\":\"Invalid Request\"},\"id\":1}"),
        new Exchange(
            "jsonrpc must be exactly \"2.0\"",
            "{\"jsonrpc\":\"1.0\",\"method\":\"sum\",\"params\":[1],\"id\":1}",
            "{\"jsonrpc\":\"2.0\",\"error\":{\"code\":-32600,\"message\":\"Invalid Request\"},\"id\":1}"),
        new Exchange(
            "jsonrpc must be a string",
            "{\"jsonrpc\":2.0,\"method\":\"sum\",\"params\":[1],\"id\":1}",
            "{\"jsonrpc\":\"2.0\",\"error\":{\"code\":-32600,\"message\":\"Invalid Request\"},\"id\":1}"),
        new Exchange(
            "method is required",
            "{\"jsonrpc\":\"2.0\",\"params\":[1],\"id\":1}",
            "{\"jsonrpc\":\"2.0\",\"error\":{\"code\":-32600,\"message\":\"Invalid Request\"},\"id\":1}"),
        new Exchange(
            "method must be a string",
            "{\"jsonrpc\":\"2.0\",\"method\":1,\"id\":1}",
            "{\"jsonrpc\":\"2.0\",\"error\":{\"code\":-32600,\"message\":\"Invalid Request\"},\"id\":1}"),
        new Exchange(
            "an id must not be a boolean",
            "{\"jsonrpc\":\"2.0\",\"method\":\"sum\",\"params\":[1],\"id\":true}",
            INVALID),
        new Exchange(
            "an id must not be an object",
            "{\"jsonrpc\":\"2.0\",\"method\":\"sum\",\"params\":[1],\"id\":{}}",
            INVALID),
        new Exchange(
            "\"result\": null is written out",
            "{\"jsonrpc\":\"2.0\",\"method\":\"nothing\",\"id\":7}",
            "{\"jsonrpc\":\"2.0\",\"result\":null,\"id\":7}"),
        new Exchange(
            "an integer id beyond 64 bits is echoed",
            "{\"jsonrpc\":\"2.0\",\"method\":\"subtract\",\"params\":[5,2],\"id\":123456789012345678901234567890}",
            "{\"jsonrpc\":\"2.0\",\"result\":3,\"id\":123456789012345678901234567890}"),
        new Exchange(
            "a fractional id is echoed",
            "{\"jsonrpc\":\"2.0\",\"method\":\"subtract\",\"params\":[5,2],\"id\":1.5}",
            "{\"jsonrpc\":\"2.0\",\"result\":3,\"id\":1.5}"),
        new Exchange(
            "duplicate ids in a batch stay distinct and in order",
            "[{\"jsonrpc\":\"2.0\",\"method\":\"subtract\",\"params\":[5,2],\"id\":1},"
                + "{\"jsonrpc\":\"2.0\",\"method\":\"subtract\",\"params\":[9,2],\"id\":1}]",
            "[{\"jsonrpc\":\"2.0\",\"result\":3,\"id\":1},{\"jsonrpc\":\"2.0\",\"result\":7,\"id\":1}]"),
        new Exchange(
            "invalid params is -32602",
            "{\"jsonrpc\":\"2.0\",\"method\":\"subtract\",\"params\":[1,2,3],\"id\":1}",
            "{\"jsonrpc\":\"2.0\",\"error\":{\"code\":-32602,\"message\":\"Invalid params: subtract takes 2 params, got more than that\"},\"id\":1}"),
        new Exchange(
            "an unexpected failure is -32603 without details",
            "{\"jsonrpc\":\"2.0\",\"method\":\"fail\",\"id\":1}",
            "{\"jsonrpc\":\"2.0\",\"error\":{\"code\":-32603,\"message\":\"Internal error\"},\"id\":1}"),
        new Exchange(
            "rpc. names are reserved and not served unless the library defines them",
            "{\"jsonrpc\":\"2.0\",\"method\":\"rpc.nope\",\"id\":1}",
            "{\"jsonrpc\":\"2.0\",\"error\":{\"code\":-32601,\"message\":\"Method not found\"},\"id\":1}"));
  }

  /** {@link #section7()} followed by {@link #pitfalls()}. */
  public static List<Exchange> all() {
    return java.util.stream.Stream.concat(section7().stream(), pitfalls().stream()).toList();
  }
}
