package io.jsonrpc2;

import static io.jsonrpc2.Replies.call;
import static io.jsonrpc2.Replies.error;
import static io.jsonrpc2.Replies.request;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.jsonrpc2.message.ErrorObject;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(20)
class ErrorMappingTest {
  static class MyException extends RuntimeException {
    MyException(String message) {
      super(message);
    }
  }

  static class MySpecialException extends MyException {
    MySpecialException() {
      super(null);
    }
  }

  /** txjason's CustomError. */
  static class CustomError extends JsonRpcException {
    CustomError() {
      super(-32050, "Custom Error");
    }
  }

  public static class Failing {
    @JsonRpcMethod
    public String mapped() {
      throw new MyException("it broke");
    }

    @JsonRpcMethod
    public String mappedSubclass() {
      throw new MySpecialException();
    }

    @JsonRpcMethod
    public String custom() {
      throw new CustomError();
    }

    @JsonRpcMethod
    public String withData() {
      throw new JsonRpcException(
          -32001, "Quota exceeded", Map.of("limit", 10, "used", List.of(1, 2)));
    }

    @JsonRpcMethod
    public String unexpected() {
      throw new IllegalStateException("secret detail");
    }

    @JsonRpcMethod
    public CompletableFuture<String> failsLater() {
      return CompletableFuture.failedFuture(new MyException("later"));
    }

    @JsonRpcMethod
    public Object unserializable() {
      return new Object() {
        public Object getSelf() {
          throw new IllegalStateException("cannot be written");
        }
      };
    }
  }

  private final JsonRpcService service =
      JsonRpcService.builder()
          .handler(new Failing())
          .errorCode(MyException.class, -32001)
          .errorMapping(IllegalArgumentException.class, e -> ErrorObject.of(-32010, "bad argument"))
          .build();

  @Test
  void mappedExceptionsGetTheirCodeAndMessage() {
    assertThat(error(service, request("mapped", "[]", 1)))
        .isEqualTo(Replies.parse("{\"code\":-32001,\"message\":\"it broke\"}"));
    assertThat(error(service, request("mappedSubclass", "[]", 2)))
        .isEqualTo(Replies.parse("{\"code\":-32001,\"message\":\"Server error\"}"));
    assertThat(error(service, request("failsLater", "[]", 3)).get("message").asText())
        .isEqualTo("later");
  }

  @Test
  void jsonRpcExceptionsSpeakForThemselves() {
    assertThat(error(service, request("custom", null, 1)))
        .isEqualTo(Replies.parse("{\"code\":-32050,\"message\":\"Custom Error\"}"));
    assertThat(error(service, request("withData", null, 2)))
        .isEqualTo(
            Replies.parse(
                "{\"code\":-32001,\"message\":\"Quota exceeded\",\"data\":{\"limit\":10,\"used\":[1,2]}}"));
  }

  @Test
  void anythingElseIsAnInternalErrorWithoutDetails() {
    JsonNode error = error(service, request("unexpected", null, 1));
    assertThat(error).isEqualTo(Replies.parse("{\"code\":-32603,\"message\":\"Internal error\"}"));
    assertThat(error.toString()).doesNotContain("secret").doesNotContain("IllegalStateException");
  }

  @Test
  void detailsAreSentOnlyWhenSwitchedOn() {
    JsonRpcService verbose =
        JsonRpcService.builder().handler(new Failing()).exposeExceptionDetails(true).build();
    JsonNode error = error(verbose, request("unexpected", null, 1));
    assertThat(error.get("code").asInt()).isEqualTo(-32603);
    assertThat(error.get("data").get("exception").asText())
        .isEqualTo("java.lang.IllegalStateException");
    assertThat(error.get("data").get("message").asText()).isEqualTo("secret detail");
  }

  @Test
  void aResultThatCannotBeWrittenBecomesAnInternalErrorAndSparesTheRestOfTheBatch() {
    JsonNode reply =
        call(
            service,
            "[" + request("unserializable", null, 1) + "," + request("custom", null, 2) + "]");
    assertThat(reply).hasSize(2);
    assertThat(reply.get(0).get("error").get("code").asInt()).isEqualTo(-32603);
    assertThat(reply.get(0).get("id").asInt()).isEqualTo(1);
    assertThat(reply.get(1).get("error").get("code").asInt()).isEqualTo(-32050);
  }
}
