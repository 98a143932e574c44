package io.jsonrpc2.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.jsonrpc2.CallContext;
import io.jsonrpc2.JsonLimits;
import io.jsonrpc2.JsonRpcMethod;
import io.jsonrpc2.JsonRpcParam;
import io.jsonrpc2.JsonRpcService;
import io.jsonrpc2.NonBlocking;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The plain reader either reads a message exactly as the Jackson path does, or leaves it to
 * Jackson: checked on the benchmark's requests and on 100,000 random requests, valid and broken.
 */
class PlainRequestReaderTest {
  private static final ObjectMapper MAPPER = JsonRpcService.builder().build().mapper();

  /** Methods of every parameter shape, plain and not. */
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
    public long twice(long value) {
      return 2 * value;
    }

    @JsonRpcMethod
    public boolean not(Boolean value) {
      return !value;
    }

    @JsonRpcMethod
    public String maybe(
        Optional<String> value, @JsonRpcParam(value = "n", optional = true) Integer n) {
      return value + " " + n;
    }

    @JsonRpcMethod
    public String context(CallContext context, String value) {
      return value;
    }

    @JsonRpcMethod
    public Object any(
        Object value, @JsonRpcParam(value = "n", optional = true) Optional<Object> n) {
      return value;
    }

    @JsonRpcMethod
    public int count(List<String> values) {
      return values.size();
    }

    @JsonRpcMethod
    public int sum(int... values) {
      return values.length;
    }
  }

  private final MethodTable methods = new MethodTable();
  private final RequestDecoder decoder;

  PlainRequestReaderTest() {
    methods.addAll(MethodBinder.bindHandler(null, new Methods(), MAPPER));
    decoder =
        new RequestDecoder(
            MAPPER, JsonLimits.DEFAULTS.withMaxBatchLength(4).withMaxNestingDepth(6));
  }

  /** True when the plain reader read it (and then read it as Jackson does). */
  private boolean checkSame(String message) {
    byte[] bytes = message.getBytes(StandardCharsets.UTF_8);
    Incoming plain = decoder.decodePlain(bytes, 0, bytes.length, methods);
    if (plain == null) {
      return false;
    }
    Incoming jackson = decoder.decodeWithJackson(bytes, 0, bytes.length, methods);
    assertThat(describe(plain)).as(message).isEqualTo(describe(boundLikePlain(jackson)));
    return true;
  }

  /**
   * The Jackson path buffers params it cannot bind while parsing (an {@code Object} parameter may
   * be any value), and dispatch binds them later; the plain reader binds plain ones at once.
   * Binding the buffer here makes the two comparable.
   */
  private Incoming boundLikePlain(Incoming incoming) {
    if (incoming instanceof Incoming.Batch batch) {
      return new Incoming.Batch(
          batch.entries().stream().map(entry -> (Incoming.Entry) boundLikePlain(entry)).toList());
    }
    if (!(incoming instanceof Incoming.Call call)
        || call.params() == null
        || methods.get(call.method()) == null) {
      return incoming;
    }
    ReflectiveTarget target = methods.get(call.method()).bound();
    if (target == null || !target.binder().readsPlainly()) {
      return incoming;
    }
    try (JsonParser parser = call.params().asParser(MAPPER)) {
      parser.nextToken();
      return new Incoming.Call(
          call.id(), call.method(), null, target, target.binder().read(parser, null), null);
    } catch (IOException | RuntimeException e) {
      return incoming;
    }
  }

  /**
   * Everything dispatch uses, as text: classes, ids, names, targets and argument values and types.
   */
  private static String describe(Incoming incoming) {
    if (incoming instanceof Incoming.Batch batch) {
      StringBuilder all = new StringBuilder("batch");
      batch.entries().forEach(entry -> all.append(" | ").append(describe(entry)));
      return all.toString();
    }
    if (incoming instanceof Incoming.Call call) {
      StringBuilder text =
          new StringBuilder("call id=")
              .append(call.id() == null ? "absent" : call.id().kind() + ":" + call.id().text())
              .append(" method=")
              .append(call.method())
              .append(" buffered=")
              .append(call.params() != null)
              .append(" target=")
              .append(call.target() == null ? null : System.identityHashCode(call.target()))
              .append(" failure=")
              .append(call.bindFailure());
      if (call.args() != null) {
        for (Object arg : call.args()) {
          text.append(" arg=")
              .append(
                  arg == ParamBinder.MISSING
                      ? "MISSING"
                      : arg + "/" + (arg == null ? null : arg.getClass().getSimpleName()));
        }
      }
      return text.toString();
    }
    return String.valueOf(incoming);
  }

  @Test
  void readsTheCommonRequestsItself() {
    assertThat(
            checkSame("{\"jsonrpc\":\"2.0\",\"method\":\"echo\",\"params\":[\"hello\"],\"id\":1}"))
        .isTrue();
    assertThat(
            checkSame("{\"jsonrpc\":\"2.0\",\"method\":\"subtract\",\"params\":[42,23],\"id\":1}"))
        .isTrue();
    assertThat(
            checkSame(
                "{\"jsonrpc\": \"2.0\", \"method\": \"subtract\", \"params\": {\"subtrahend\": 23, \"minuend\": 42}, \"id\": \"x\"}"))
        .isTrue();
    assertThat(
            checkSame(
                "[{\"jsonrpc\":\"2.0\",\"method\":\"echo\",\"params\":[\"a\"],\"id\":1},{\"jsonrpc\":\"2.0\",\"method\":\"subtract\",\"params\":[1,2]}]"))
        .isTrue();
    assertThat(checkSame("{\"jsonrpc\":\"2.0\",\"method\":\"nothing\",\"id\":null}")).isTrue();
    assertThat(
            checkSame("{\"jsonrpc\":\"2.0\",\"method\":\"any\",\"params\":[\"hello\"],\"id\":1}"))
        .isTrue();
    assertThat(
            checkSame(
                "{\"jsonrpc\":\"2.0\",\"method\":\"any\",\"params\":[-2147483649,true],\"id\":1}"))
        .isTrue();
    assertThat(
            checkSame(
                "{\"jsonrpc\":\"2.0\",\"method\":\"any\",\"params\":{\"n\":false,\"value\":7},\"id\":1}"))
        .isTrue();
    assertThat(
            checkSame(
                "{\"id\":-0,\"jsonrpc\":\"2.0\",\"method\":\"maybe\",\"params\":[\"v\",7],\"x\":[{\"y\":[true,null]}]}"))
        .isTrue();
  }

  @Test
  void leavesEverythingElseToJackson() {
    for (String message :
        List.of(
            "{\"jsonrpc\":\"2.0\",\"method\":\"echo\",\"params\":[\"h\\u0065llo\"],\"id\":1}",
            "{\"jsonrpc\":\"2.0\",\"method\":\"echo\",\"params\":[\"h\u00e9llo\"],\"id\":1}",
            "{\"jsonrpc\":\"2.0\",\"method\":\"subtract\",\"params\":[42.0,23],\"id\":1}",
            "{\"jsonrpc\":\"2.0\",\"method\":\"subtract\",\"params\":[3000000000,23],\"id\":1}",
            "{\"jsonrpc\":\"2.0\",\"method\":\"subtract\",\"params\":[1,2,3],\"id\":1}",
            "{\"params\":[1,2],\"jsonrpc\":\"2.0\",\"method\":\"subtract\",\"id\":1}",
            "{\"jsonrpc\":\"2.0\",\"method\":\"subtract\",\"params\":[1,2],\"id\":1,\"id\":2}",
            "{\"jsonrpc\":\"2.0\",\"method\":\"subtract\",\"params\":[1,2],\"id\":1.5}",
            "{\"jsonrpc\":\"2.0\",\"method\":\"count\",\"params\":[[\"a\"]],\"id\":1}",
            "{\"jsonrpc\":\"2.0\",\"method\":\"context\",\"params\":{\"context\":\"a\"},\"id\":1}",
            "{\"jsonrpc\":\"2.0\",\"method\":\"sum\",\"params\":[1,2],\"id\":1}",
            "{\"jsonrpc\":\"2.0\",\"method\":\"nope\",\"params\":[1],\"id\":1}",
            "{\"jsonrpc\":\"1.0\",\"method\":\"echo\",\"params\":[\"a\"],\"id\":1}",
            "{\"jsonrpc\":\"2.0\",\"method\":\"echo\",\"params\":[\"a\"],\"id\":1,}",
            "{\"jsonrpc\":\"2.0\",\"method\":\"echo\",\"params\":[\"a\"],\"id\":01}",
            "{\"jsonrpc\":\"2.0\",\"method\":\"echo\",\"params\":[\"a\"],\"id\":1}x",
            "{\"jsonrpc\":\"2.0\",\"method\":\"echo\",\"params\":[\"a\"],\"id\":1}\f",
            "[{\"jsonrpc\":\"2.0\",\"method\":\"echo\",\"params\":[\"a\"],\"id\":1},1]",
            "[]",
            "[{\"jsonrpc\":\"2.0\",\"method\":\"nothing\"},{\"jsonrpc\":\"2.0\",\"method\":\"nothing\"},"
                + "{\"jsonrpc\":\"2.0\",\"method\":\"nothing\"},{\"jsonrpc\":\"2.0\",\"method\":\"nothing\"},"
                + "{\"jsonrpc\":\"2.0\",\"method\":\"nothing\"}]",
            "{\"jsonrpc\":\"2.0\",\"method\":\"nothing\",\"x\":[[[[[[1]]]]]]}",
            "\uFEFF{\"jsonrpc\":\"2.0\",\"method\":\"nothing\"}",
            "{\"jsonrpc\":\"2.0\",\"method\":\"not\",\"params\":[null],\"id\":1}",
            "{\"jsonrpc\":\"2.0\",\"method\":\"any\",\"params\":[null],\"id\":1}",
            "{\"jsonrpc\":\"2.0\",\"method\":\"any\",\"params\":[1.5],\"id\":1}",
            "{\"jsonrpc\":\"2.0\",\"method\":\"any\",\"params\":[[1]],\"id\":1}",
            "{\"jsonrpc\":\"2.0\",\"method\":\"any\",\"params\":[1234567890123456789],\"id\":1}")) {
      assertThat(checkSame(message)).as(message).isFalse();
    }
  }

  @Test
  void readsRandomRequestsAsJacksonDoesOrNotAtAll() {
    Random random = new Random(42);
    int readPlainly = 0;
    int total = 100_000;
    for (int i = 0; i < total; i++) {
      String message = RandomRequests.message(random);
      if (random.nextInt(3) == 0) {
        message = RandomRequests.mutate(message, random);
      }
      if (checkSame(message)) {
        readPlainly++;
      }
    }
    // The generator makes many plain requests: the comparison must have had something to compare.
    assertThat(readPlainly).isGreaterThan(total / 10);
  }

  @Test
  void aSliceOfALargerArrayIsReadWithinItsBounds() {
    String request = "{\"jsonrpc\":\"2.0\",\"method\":\"echo\",\"params\":[\"a\"],\"id\":1}";
    byte[] message = request.getBytes(StandardCharsets.UTF_8);
    byte[] padded = new byte[message.length + 2];
    System.arraycopy(message, 0, padded, 1, message.length);
    padded[0] = ' ';
    padded[padded.length - 1] = 'x';
    assertThat(describe(decoder.decodePlain(padded, 1, message.length, methods)))
        .isEqualTo(describe(decoder.decodeWithJackson(message, 0, message.length, methods)));
    assertThat(decoder.decodePlain(padded, 1, message.length + 1, methods)).isNull();
    assertThat(Arrays.copyOf(padded, 1)).containsExactly(' ');
  }
}
