package io.jsonrpc2;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonSerializer;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.deser.DeserializationProblemHandler;
import com.fasterxml.jackson.databind.deser.ValueInstantiator;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.module.SimpleModule;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The service honours the mapper it is given: custom (de)serializers and features that change how
 * values are read or written apply to params and results exactly as configured.
 */
@Timeout(30)
class ServiceMapperConfigurationTest {

  /** Methods with scalar params and results only. */
  public static final class Scalars {
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
    @NonBlocking
    public boolean not(boolean value) {
      return !value;
    }

    @JsonRpcMethod
    @NonBlocking
    public long twice(long value) {
      return 2 * value;
    }

    @JsonRpcMethod
    @NonBlocking
    public String type(Object value) {
      return value.getClass().getSimpleName();
    }
  }

  private static String call(JsonRpcService service, String request) {
    byte[] reply = service.handle(request.getBytes(StandardCharsets.UTF_8)).join();
    return reply == null ? null : new String(reply, StandardCharsets.UTF_8);
  }

  private static JsonRpcService serve(ObjectMapper mapper) {
    return JsonRpcService.builder().mapper(mapper).handler(new Scalars()).build();
  }

  private static JsonRpcService serve(JsonLimits limits) {
    return JsonRpcService.builder().limits(limits).handler(new Scalars()).build();
  }

  @Test
  void aCustomStringDeserializerReadsStringParams() {
    SimpleModule upper = new SimpleModule();
    upper.addDeserializer(
        String.class,
        new JsonDeserializer<String>() {
          @Override
          public String deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
            return p.getText().toUpperCase(java.util.Locale.ROOT);
          }
        });
    JsonRpcService service = serve(JsonMapper.builder().addModule(upper).build());
    assertThat(
            call(
                service, "{\"jsonrpc\":\"2.0\",\"method\":\"echo\",\"params\":[\"abc\"],\"id\":1}"))
        .isEqualTo("{\"jsonrpc\":\"2.0\",\"result\":\"ABC\",\"id\":1}");
  }

  @Test
  void customNumberSerializersWriteResults() {
    SimpleModule quoted = new SimpleModule();
    quoted.addSerializer(
        Integer.class,
        new JsonSerializer<Integer>() {
          @Override
          public void serialize(Integer value, JsonGenerator gen, SerializerProvider serializers)
              throws IOException {
            gen.writeString("n" + value);
          }
        });
    quoted.addSerializer(
        Boolean.class,
        new JsonSerializer<Boolean>() {
          @Override
          public void serialize(Boolean value, JsonGenerator gen, SerializerProvider serializers)
              throws IOException {
            gen.writeString(value ? "yes" : "no");
          }
        });
    JsonRpcService service = serve(JsonMapper.builder().addModule(quoted).build());
    assertThat(
            call(
                service,
                "{\"jsonrpc\":\"2.0\",\"method\":\"subtract\",\"params\":[42,23],\"id\":1}"))
        .isEqualTo("{\"jsonrpc\":\"2.0\",\"result\":\"n19\",\"id\":1}");
    assertThat(call(service, "{\"jsonrpc\":\"2.0\",\"method\":\"not\",\"params\":[true],\"id\":1}"))
        .isEqualTo("{\"jsonrpc\":\"2.0\",\"result\":\"no\",\"id\":1}");
    assertThat(call(service, "{\"jsonrpc\":\"2.0\",\"method\":\"twice\",\"params\":[4],\"id\":1}"))
        .isEqualTo("{\"jsonrpc\":\"2.0\",\"result\":8,\"id\":1}");
  }

  @Test
  void untypedIntegersAreWidenedWhenTheMapperSaysSo() {
    String request = "{\"jsonrpc\":\"2.0\",\"method\":\"type\",\"params\":[1],\"id\":1}";
    assertThat(call(serve(JsonMapper.builder().build()), request))
        .isEqualTo("{\"jsonrpc\":\"2.0\",\"result\":\"Integer\",\"id\":1}");
    assertThat(
            call(
                serve(
                    JsonMapper.builder().enable(DeserializationFeature.USE_LONG_FOR_INTS).build()),
                request))
        .isEqualTo("{\"jsonrpc\":\"2.0\",\"result\":\"Long\",\"id\":1}");
    assertThat(
            call(
                serve(
                    JsonMapper.builder()
                        .enable(DeserializationFeature.USE_BIG_INTEGER_FOR_INTS)
                        .build()),
                request))
        .isEqualTo("{\"jsonrpc\":\"2.0\",\"result\":\"BigInteger\",\"id\":1}");
  }

  @Test
  void singleValueArraysAreUnwrappedWhenTheMapperSaysSo() {
    JsonRpcService service =
        serve(
            JsonMapper.builder().enable(DeserializationFeature.UNWRAP_SINGLE_VALUE_ARRAYS).build());
    assertThat(
            call(
                service,
                "{\"jsonrpc\":\"2.0\",\"method\":\"subtract\",\"params\":[[42],[23]],\"id\":1}"))
        .isEqualTo("{\"jsonrpc\":\"2.0\",\"result\":19,\"id\":1}");
    assertThat(
            call(
                service, "{\"jsonrpc\":\"2.0\",\"method\":\"echo\",\"params\":[[\"x\"]],\"id\":1}"))
        .isEqualTo("{\"jsonrpc\":\"2.0\",\"result\":\"x\",\"id\":1}");
    assertThat(
            call(
                service,
                "{\"jsonrpc\":\"2.0\",\"method\":\"echo\",\"params\":[[\"x\",\"y\"]],\"id\":1}"))
        .isEqualTo(
            "{\"jsonrpc\":\"2.0\",\"error\":{\"code\":-32602,\"message\":\"Invalid params: parameter 'value' of echo expects String: Unexpected token (VALUE_STRING), expected END_ARRAY: Attempted to unwrap 'java.lang.String' value from an array (with `DeserializationFeature.UNWRAP_SINGLE_VALUE_ARRAYS`) but it contains more than one value\"},\"id\":1}");
    assertThat(
            call(
                service,
                "{\"jsonrpc\":\"2.0\",\"method\":\"echo\",\"params\":[[[\"x\"]]],\"id\":1}"))
        .isEqualTo(
            "{\"jsonrpc\":\"2.0\",\"error\":{\"code\":-32602,\"message\":\"Invalid params: parameter 'value' of echo expects String: Cannot deserialize instance of `java.lang.String` out of START_ARRAY token: nested Arrays not allowed with DeserializationFeature.UNWRAP_SINGLE_VALUE_ARRAYS\"},\"id\":1}");
  }

  @Test
  void problemHandlersSeeValuesThatDoNotFit() {
    DeserializationProblemHandler lenient =
        new DeserializationProblemHandler() {
          @Override
          public Object handleUnexpectedToken(
              DeserializationContext ctxt,
              JavaType targetType,
              JsonToken token,
              JsonParser p,
              String failureMsg)
              throws IOException {
            if (token == JsonToken.START_OBJECT) {
              p.skipChildren();
              return 100;
            }
            return NOT_HANDLED;
          }

          @Override
          public Object handleWeirdStringValue(
              DeserializationContext ctxt,
              Class<?> targetType,
              String valueToConvert,
              String failureMsg) {
            return valueToConvert.length();
          }

          @Override
          public Object handleMissingInstantiator(
              DeserializationContext ctxt,
              Class<?> instClass,
              ValueInstantiator valueInsta,
              JsonParser p,
              String msg) {
            return NOT_HANDLED;
          }
        };
    JsonRpcService service = serve(JsonMapper.builder().addHandler(lenient).build());
    assertThat(
            call(
                service,
                "{\"jsonrpc\":\"2.0\",\"method\":\"subtract\",\"params\":[{\"a\":\"b\"},1],\"id\":1}"))
        .isEqualTo("{\"jsonrpc\":\"2.0\",\"result\":99,\"id\":1}");
  }

  @Test
  void theTrailingTokenCheckAppliesToEachParam() {
    JsonRpcService service =
        serve(JsonMapper.builder().enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS).build());
    assertThat(
            call(
                service,
                "{\"jsonrpc\":\"2.0\",\"method\":\"subtract\",\"params\":[42,23],\"id\":1}"))
        .isEqualTo(
            "{\"jsonrpc\":\"2.0\",\"error\":{\"code\":-32602,\"message\":\"Invalid params: parameter 'minuend' of subtract expects int: Trailing token (of type VALUE_NUMBER_INT) found after value (bound as `int`): not allowed as per `DeserializationFeature.FAIL_ON_TRAILING_TOKENS`\"},\"id\":1}");
    assertThat(
            call(
                service,
                "{\"jsonrpc\":\"2.0\",\"method\":\"echo\",\"params\":{\"value\":\"x\"},\"id\":1}"))
        .isEqualTo(
            "{\"jsonrpc\":\"2.0\",\"error\":{\"code\":-32602,\"message\":\"Invalid params: parameter 'value' of echo expects String: Trailing token (of type END_OBJECT) found after value (bound as `java.lang.String`): not allowed as per `DeserializationFeature.FAIL_ON_TRAILING_TOKENS`\"},\"id\":1}");
  }

  @Test
  void indentedOutputAndRootWrappingApplyToResults() {
    JsonRpcService indented =
        serve(JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build());
    assertThat(
            call(
                indented,
                "{\"jsonrpc\":\"2.0\",\"method\":\"subtract\",\"params\":[42,23],\"id\":1}"))
        .isEqualTo("{\"jsonrpc\":\"2.0\",\"result\" : 19,\n\"id\" : 1\n}");
    JsonRpcService wrapped =
        serve(JsonMapper.builder().enable(SerializationFeature.WRAP_ROOT_VALUE).build());
    assertThat(
            call(
                wrapped,
                "{\"jsonrpc\":\"2.0\",\"method\":\"subtract\",\"params\":[42,23],\"id\":1}"))
        .isEqualTo("{\"jsonrpc\":\"2.0\",\"result\":{\"Integer\":19},\"id\":1}");
    assertThat(
            call(wrapped, "{\"jsonrpc\":\"2.0\",\"method\":\"not\",\"params\":[false],\"id\":1}"))
        .isEqualTo("{\"jsonrpc\":\"2.0\",\"result\":{\"Boolean\":true},\"id\":1}");
  }

  @Test
  void theStringLengthLimitAppliesToEveryStringOfParams() {
    JsonRpcService service = serve(JsonLimits.DEFAULTS.withMaxStringLength(10));
    assertThat(
            call(
                service,
                "{\"jsonrpc\":\"2.0\",\"method\":\"echo\",\"params\":[\"0123456789\"],\"id\":1}"))
        .isEqualTo("{\"jsonrpc\":\"2.0\",\"result\":\"0123456789\",\"id\":1}");
    assertThat(
            call(
                service,
                "{\"jsonrpc\":\"2.0\",\"method\":\"echo\",\"params\":[\"0123456789a\"],\"id\":1}"))
        .isEqualTo(
            "{\"jsonrpc\":\"2.0\",\"error\":{\"code\":-32600,\"message\":\"Invalid Request\",\"data\":\"String value length (11) exceeds the maximum allowed (10, from `StreamReadConstraints.getMaxStringLength()`)\"},\"id\":null}");
    // Params are bound in order: a param that does not fit its type is reported before a later
    // string is read.
    assertThat(
            call(
                service,
                "{\"jsonrpc\":\"2.0\",\"method\":\"subtract\",\"params\":[\"x\",\"0123456789a\"],\"id\":1}"))
        .isEqualTo(
            "{\"jsonrpc\":\"2.0\",\"error\":{\"code\":-32602,\"message\":\"Invalid params: parameter 'minuend' of subtract expects int: Cannot coerce String value (\\\"x\\\") to `int` value (but might if coercion using `CoercionConfig` was enabled)\"},\"id\":1}");
    assertThat(
            call(
                service,
                "{\"jsonrpc\":\"2.0\",\"method\":\"subtract\",\"params\":[\"0123456789a\",1],\"id\":1}"))
        .isEqualTo(
            "{\"jsonrpc\":\"2.0\",\"error\":{\"code\":-32600,\"message\":\"Invalid Request\",\"data\":\"String value length (11) exceeds the maximum allowed (10, from `StreamReadConstraints.getMaxStringLength()`)\"},\"id\":null}");
    assertThat(
            call(
                service,
                "{\"jsonrpc\":\"2.0\",\"method\":\"subtract\",\"params\":[1,2,[\"0123456789a\"]],\"id\":1}"))
        .isEqualTo(
            "{\"jsonrpc\":\"2.0\",\"error\":{\"code\":-32602,\"message\":\"Invalid params: subtract takes 2 params, got more than that\"},\"id\":1}");
    assertThat(
            call(
                service,
                "{\"jsonrpc\":\"2.0\",\"method\":\"subtract\",\"params\":{\"x\":\"0123456789a\"},\"id\":1}"))
        .isEqualTo(
            "{\"jsonrpc\":\"2.0\",\"error\":{\"code\":-32602,\"message\":\"Invalid params: subtract has no parameter named 'x'\"},\"id\":1}");
    assertThat(
            call(
                service,
                "{\"jsonrpc\":\"0123456789a\",\"method\":\"subtract\",\"params\":[1,2],\"id\":1}"))
        .isEqualTo(
            "{\"jsonrpc\":\"2.0\",\"error\":{\"code\":-32600,\"message\":\"Invalid Request\",\"data\":\"String value length (11) exceeds the maximum allowed (10, from `StreamReadConstraints.getMaxStringLength()`)\"},\"id\":null}");
  }

  @Test
  void aStringLimitBelowThreeCharactersRefusesTheVersionItself() {
    JsonRpcService service = serve(JsonLimits.DEFAULTS.withMaxStringLength(2));
    assertThat(
            call(
                service, "{\"jsonrpc\":\"2.0\",\"method\":\"subtract\",\"params\":[1,2],\"id\":1}"))
        .isEqualTo(
            "{\"jsonrpc\":\"2.0\",\"error\":{\"code\":-32600,\"message\":\"Invalid Request\",\"data\":\"String value length (3) exceeds the maximum allowed (2, from `StreamReadConstraints.getMaxStringLength()`)\"},\"id\":null}");
  }
}
