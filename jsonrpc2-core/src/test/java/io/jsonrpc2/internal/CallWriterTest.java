package io.jsonrpc2.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.jsonrpc2.message.Id;
import io.jsonrpc2.message.Message;
import io.jsonrpc2.message.Notification;
import io.jsonrpc2.message.Request;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The exact bytes of Request and Notification values as the client writes them. */
class CallWriterTest {
  private final CallWriter writer = new CallWriter(new ObjectMapper());

  private String json(Message message) {
    return new String(writer.write(List.of(message), false), StandardCharsets.UTF_8);
  }

  @Test
  void positionalRequest() {
    assertThat(json(Request.of("subtract", 42, 23).withId(1)))
        .isEqualTo("{\"jsonrpc\":\"2.0\",\"method\":\"subtract\",\"params\":[42,23],\"id\":1}");
  }

  @Test
  void namedRequestKeepsTheOrderOfTheMap() {
    Map<String, Object> params = new LinkedHashMap<>();
    params.put("subtrahend", 23);
    params.put("minuend", 42);
    assertThat(json(Request.named("subtract", params).withId(3)))
        .isEqualTo(
            "{\"jsonrpc\":\"2.0\",\"method\":\"subtract\",\"params\":{\"subtrahend\":23,\"minuend\":42},\"id\":3}");
  }

  @Test
  void requestWithoutArgumentsLeavesParamsOut() {
    assertThat(json(Request.of("cat").withId("Request #1")))
        .isEqualTo("{\"jsonrpc\":\"2.0\",\"method\":\"cat\",\"id\":\"Request #1\"}");
  }

  @Test
  void explicitEmptyListIsSentAsAnEmptyArray() {
    assertThat(json(new Request(Id.of(1), "cat", List.of())))
        .isEqualTo("{\"jsonrpc\":\"2.0\",\"method\":\"cat\",\"params\":[],\"id\":1}");
  }

  @Test
  void oneNullArgumentIsOneNullParam() {
    assertThat(json(Request.of("echo", (Object) null).withId(1)))
        .isEqualTo("{\"jsonrpc\":\"2.0\",\"method\":\"echo\",\"params\":[null],\"id\":1}");
    assertThat(json(Request.of("echo", (Object[]) null).withId(1)))
        .isEqualTo("{\"jsonrpc\":\"2.0\",\"method\":\"echo\",\"params\":[null],\"id\":1}");
  }

  @Test
  void idsAreWrittenExactly() {
    assertThat(json(Request.of("m").withId(Id.NULL)))
        .isEqualTo("{\"jsonrpc\":\"2.0\",\"method\":\"m\",\"id\":null}");
    assertThat(
            json(Request.of("m").withId(Id.of(new BigInteger("123456789012345678901234567890")))))
        .isEqualTo("{\"jsonrpc\":\"2.0\",\"method\":\"m\",\"id\":123456789012345678901234567890}");
    assertThat(json(Request.of("m").withId(Id.ofNumberText("1.50"))))
        .isEqualTo("{\"jsonrpc\":\"2.0\",\"method\":\"m\",\"id\":1.50}");
    assertThat(json(Request.of("m").withId("quo\"te")))
        .isEqualTo("{\"jsonrpc\":\"2.0\",\"method\":\"m\",\"id\":\"quo\\\"te\"}");
  }

  @Test
  void notifications() {
    assertThat(json(Notification.of("update", 1, 2, 3, 4, 5)))
        .isEqualTo("{\"jsonrpc\":\"2.0\",\"method\":\"update\",\"params\":[1,2,3,4,5]}");
    assertThat(json(Notification.of("foobar")))
        .isEqualTo("{\"jsonrpc\":\"2.0\",\"method\":\"foobar\"}");
    assertThat(json(Notification.named("cat", Map.of("name", "Mittens"))))
        .isEqualTo("{\"jsonrpc\":\"2.0\",\"method\":\"cat\",\"params\":{\"name\":\"Mittens\"}}");
  }

  @Test
  void jsonNodeParamsAreWrittenAsTheyAre() {
    var params = JsonNodeFactory.instance.arrayNode().add(1).add("two");
    assertThat(json(new Request(Id.of(9), "m", params)))
        .isEqualTo("{\"jsonrpc\":\"2.0\",\"method\":\"m\",\"params\":[1,\"two\"],\"id\":9}");
  }

  @Test
  void aBatchIsAnArrayEvenOfOne() {
    List<Message> batch =
        List.of(
            Request.of("sum", 1, 2, 4).withId("1"),
            Notification.of("notify_hello", 7),
            Request.of("get_data").withId("9"));
    assertThat(new String(writer.write(batch, true), StandardCharsets.UTF_8))
        .isEqualTo(
            "[{\"jsonrpc\":\"2.0\",\"method\":\"sum\",\"params\":[1,2,4],\"id\":\"1\"},"
                + "{\"jsonrpc\":\"2.0\",\"method\":\"notify_hello\",\"params\":[7]},"
                + "{\"jsonrpc\":\"2.0\",\"method\":\"get_data\",\"id\":\"9\"}]");
    assertThat(
            new String(
                writer.write(List.of(Request.of("a").withId(1)), true), StandardCharsets.UTF_8))
        .isEqualTo("[{\"jsonrpc\":\"2.0\",\"method\":\"a\",\"id\":1}]");
  }

  @Test
  void paramsJacksonCannotWriteAreAnIllegalArgument() {
    Object unwritable = new Object();
    assertThatThrownBy(() -> writer.write(List.of(Request.of("m", unwritable).withId(1)), false))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("params could not be written as JSON");
  }

  @Test
  void valuesAreImmutableCopies() {
    List<Object> args = new java.util.ArrayList<>(Arrays.asList(1, 2));
    Request request = new Request(null, "m", args);
    args.add(3);
    assertThat(request.params()).isEqualTo(List.of(1, 2));
    assertThatThrownBy(() -> Request.named("m", castKeys(Map.of(1, 2))))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("String keys");
  }

  @SuppressWarnings("unchecked")
  private static Map<String, ?> castKeys(Map<?, ?> map) {
    return (Map<String, ?>) map;
  }
}
