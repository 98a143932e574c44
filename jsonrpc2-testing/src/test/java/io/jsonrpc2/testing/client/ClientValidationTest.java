package io.jsonrpc2.testing.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.jsonrpc2.JsonRpcClient;
import io.jsonrpc2.client.ErrorResponseException;
import io.jsonrpc2.client.InvalidResponseException;
import io.jsonrpc2.client.JsonRpcClientException;
import io.jsonrpc2.client.ParseResponseException;
import io.jsonrpc2.client.TransportException;
import io.jsonrpc2.testing.ScriptedTransport;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Every way a reply can be wrong, and the exception the caller gets for it, on a request-response
 * transport and on a connection.
 */
@Timeout(10)
class ClientValidationTest {
  /**
   * Longer than each test may take: a bad reply must fail its call at once, on a connection too,
   * never by running out of time.
   */
  private static final Duration TIMEOUT = Duration.ofSeconds(30);

  private static JsonRpcClient client(ScriptedTransport transport) {
    return JsonRpcClient.builder().transport(transport).timeout(TIMEOUT).build();
  }

  private static ScriptedTransport transport(boolean connection) {
    return connection ? ScriptedTransport.connection() : new ScriptedTransport();
  }

  static Stream<Arguments> invalidWithTheirId() {
    return Stream.of(
        Arguments.of("{\"result\":19,\"id\":$ID}", "'jsonrpc' member must be \"2.0\""),
        Arguments.of(
            "{\"jsonrpc\":\"1.0\",\"result\":19,\"id\":$ID}", "'jsonrpc' member must be \"2.0\""),
        Arguments.of(
            "{\"jsonrpc\":\"2.0\",\"result\":19,\"error\":{\"code\":1,\"message\":\"m\"},\"id\":$ID}",
            "exactly one of 'result' and 'error'"),
        Arguments.of("{\"jsonrpc\":\"2.0\",\"id\":$ID}", "exactly one of 'result' and 'error'"),
        Arguments.of(
            "{\"jsonrpc\":\"2.0\",\"error\":{\"code\":\"x\",\"message\":\"m\"},\"id\":$ID}",
            "malformed error object"),
        Arguments.of(
            "{\"jsonrpc\":\"2.0\",\"error\":{\"message\":\"m\"},\"id\":$ID}",
            "malformed error object"),
        Arguments.of(
            "{\"jsonrpc\":\"2.0\",\"error\":{\"code\":1},\"id\":$ID}", "malformed error object"));
  }

  @ParameterizedTest
  @MethodSource("invalidWithTheirId")
  void invalidResponseOverRequestResponse(String reply, String problem) {
    try (JsonRpcClient client = client(new ScriptedTransport().reply(reply))) {
      assertThatThrownBy(() -> client.call("subtract", Integer.class, 42, 23))
          .isInstanceOf(InvalidResponseException.class)
          .hasMessageContaining(problem);
    }
  }

  @ParameterizedTest
  @MethodSource("invalidWithTheirId")
  void invalidResponseOverAConnection(String reply, String problem) {
    try (JsonRpcClient client = client(ScriptedTransport.connection().reply(reply))) {
      assertThatThrownBy(() -> client.call("subtract", Integer.class, 42, 23))
          .isInstanceOf(InvalidResponseException.class)
          .hasMessageContaining(problem);
    }
  }

  @Test
  void notJsonIsAParseErrorOverRequestResponse() {
    try (JsonRpcClient client =
        client(new ScriptedTransport().reply("<html>502 Bad Gateway</html>"))) {
      assertThatThrownBy(() -> client.request("cat"))
          .isInstanceOf(ParseResponseException.class)
          .hasMessageContaining("not JSON");
    }
  }

  @Test
  void notJsonOverAConnectionFailsTheWaitingCallsAndDropsTheConnection() {
    // Garbage on a connection belongs to no call in particular, and nothing after it can be
    // trusted: every call waiting fails with it at once, and the connection is dropped.
    ScriptedTransport transport =
        ScriptedTransport.connection().reply("<html>502 Bad Gateway</html>");
    try (JsonRpcClient client = client(transport)) {
      assertThatThrownBy(() -> client.request("cat"))
          .isInstanceOf(ParseResponseException.class)
          .hasMessageContaining("not JSON");
      assertThat(transport.aborts()).singleElement().isInstanceOf(ParseResponseException.class);
    }
  }

  @Test
  void aViolationFailsEveryCallWaitingOnTheConnection() {
    ScriptedTransport transport = ScriptedTransport.connection();
    try (JsonRpcClient client = client(transport)) {
      CompletableFuture<JsonNode> first = client.requestAsync("first");
      CompletableFuture<JsonNode> second = client.requestAsync("second");
      transport.push("{\"jsonrpc\":\"2.0\",\"result\":19,\"id\":\"nobody\"}");
      assertThat(List.of(first, second))
          .allSatisfy(
              call ->
                  assertThatThrownBy(call::join)
                      .hasCauseInstanceOf(InvalidResponseException.class)
                      .hasMessageContaining("matches no call"));
      assertThat(transport.aborts()).hasSize(1);
    }
  }

  @Test
  void aLateResponseOverAConnectionIsNoViolation() {
    ScriptedTransport transport = ScriptedTransport.connection();
    try (JsonRpcClient client = client(transport)) {
      CompletableFuture<JsonNode> abandoned = client.requestAsync("slow");
      abandoned.cancel(false);
      CompletableFuture<JsonNode> waiting = client.requestAsync("cat");
      transport.push("{\"jsonrpc\":\"2.0\",\"result\":1,\"id\":" + idOf(transport, 0) + "}");
      assertThat(waiting).isNotDone();
      assertThat(transport.aborts()).isEmpty();
      transport.push("{\"jsonrpc\":\"2.0\",\"result\":2,\"id\":" + idOf(transport, 1) + "}");
      assertThat(waiting.join().asInt()).isEqualTo(2);
    }
  }

  @Test
  void aNullIdErrorOverAConnectionFailsTheWaitingCallsButKeepsTheConnection() {
    ScriptedTransport transport = ScriptedTransport.connection();
    try (JsonRpcClient client = client(transport)) {
      CompletableFuture<JsonNode> waiting = client.requestAsync("cat");
      transport.push(
          "{\"jsonrpc\":\"2.0\",\"error\":{\"code\":-32600,\"message\":\"Invalid Request\"},"
              + "\"id\":null}");
      assertThatThrownBy(waiting::join)
          .cause()
          .isInstanceOf(ErrorResponseException.class)
          .hasMessageContaining("-32600");
      assertThat(transport.aborts()).isEmpty();
    }
  }

  /** The id of the {@code index}th message sent, as written in it. */
  private static String idOf(ScriptedTransport transport, int index) {
    String sent = transport.sent().get(index);
    return sent.substring(sent.lastIndexOf("\"id\":") + 5, sent.lastIndexOf('}'));
  }

  @Test
  void unknownIdOverRequestResponse() {
    try (JsonRpcClient client =
        client(new ScriptedTransport().reply("{\"jsonrpc\":\"2.0\",\"result\":19,\"id\":99}"))) {
      assertThatThrownBy(() -> client.request("cat"))
          .isInstanceOf(InvalidResponseException.class)
          .hasMessageContaining("the response's id 99 matches no call");
    }
  }

  @Test
  void unknownIdOverAConnection() {
    try (JsonRpcClient client =
        client(
            ScriptedTransport.connection()
                .reply("{\"jsonrpc\":\"2.0\",\"result\":19,\"id\":99}"))) {
      assertThatThrownBy(() -> client.request("cat"))
          .isInstanceOf(InvalidResponseException.class)
          .hasMessageContaining("the response's id 99 matches no call");
    }
  }

  @ParameterizedTest
  @ValueSource(booleans = {false, true})
  void missingOrUnreadableIdCannotBeMatched(boolean connection) {
    ScriptedTransport transport =
        transport(connection).reply("{\"jsonrpc\":\"2.0\",\"result\":19,\"id\":true}");
    try (JsonRpcClient client = client(transport)) {
      assertThatThrownBy(() -> client.request("cat"))
          .isInstanceOf(InvalidResponseException.class)
          .hasMessageContaining("'id' must be");
    }
  }

  @ParameterizedTest
  @ValueSource(booleans = {false, true})
  void errorResponseCarriesCodeMessageAndData(boolean connection) {
    ScriptedTransport transport =
        transport(connection)
            .reply(
                "{\"jsonrpc\":\"2.0\",\"error\":{\"code\":-32050,\"message\":\"Custom Error\",\"data\":{\"why\":1}},\"id\":$ID}");
    try (JsonRpcClient client = client(transport)) {
      assertThatThrownBy(() -> client.call("go", String.class))
          .isInstanceOfSatisfying(
              ErrorResponseException.class,
              e -> {
                assertThat(e.code()).isEqualTo(-32050);
                assertThat(e.errorMessage()).isEqualTo("Custom Error");
                assertThat(e.data().get("why").intValue()).isEqualTo(1);
                assertThat(e.getMessage())
                    .isEqualTo("'go' failed: -32050 Custom Error (data: {\"why\":1})");
              });
    }
  }

  @ParameterizedTest
  @ValueSource(booleans = {false, true})
  void transportFailuresAreTransportExceptions(boolean connection) {
    TransportException refused = new TransportException("connection refused");
    ScriptedTransport transport =
        transport(connection)
            .fail(refused)
            .fail(new UncheckedIOException(new java.io.IOException("reset")));
    try (JsonRpcClient client = client(transport)) {
      assertThatThrownBy(() -> client.request("cat")).isSameAs(refused);
      assertThatThrownBy(() -> client.request("cat"))
          .isInstanceOf(TransportException.class)
          .hasMessageContaining("sending to scripted failed")
          .hasCauseInstanceOf(UncheckedIOException.class);
      // Notifications report transport failures too.
      transport.fail(refused);
      assertThatThrownBy(() -> client.notify("ping")).isSameAs(refused);
    }
  }

  @Test
  void everyFailureIsAJsonRpcClientException() {
    ScriptedTransport transport =
        new ScriptedTransport()
            .reply("nope")
            .reply("{\"id\":$ID}")
            .reply("{\"jsonrpc\":\"2.0\",\"error\":{\"code\":1,\"message\":\"m\"},\"id\":$ID}")
            .fail(new TransportException("down"));
    try (JsonRpcClient client = client(transport)) {
      for (int i = 0; i < 4; i++) {
        assertThatThrownBy(() -> client.request("x")).isInstanceOf(JsonRpcClientException.class);
      }
    }
  }

  @Test
  void anEmptyReplyWhereResponsesWereDueIsInvalid() {
    try (JsonRpcClient client = client(new ScriptedTransport().reply(request -> null))) {
      assertThatThrownBy(() -> client.request("cat"))
          .isInstanceOf(InvalidResponseException.class)
          .hasMessageContaining("is empty");
    }
  }

  @ParameterizedTest
  @ValueSource(booleans = {false, true})
  void withoutValidationWhatCanBeUnderstoodIsTaken(boolean connection) {
    ScriptedTransport transport =
        transport(connection)
            .reply("{\"result\":19,\"id\":$ID}")
            .reply("{\"error\":{\"code\":7},\"id\":$ID}");
    try (JsonRpcClient client =
        JsonRpcClient.builder()
            .transport(transport)
            .timeout(TIMEOUT)
            .validateResponses(false)
            .build()) {
      assertThat(client.call("subtract", Integer.class, 42, 23)).isEqualTo(19);
      assertThatThrownBy(() -> client.request("x"))
          .isInstanceOfSatisfying(
              ErrorResponseException.class, e -> assertThat(e.code()).isEqualTo(7));
    }
  }

  @Test
  void aResultOfTheWrongTypeIsInvalid() {
    try (JsonRpcClient client =
        client(
            new ScriptedTransport().reply("{\"jsonrpc\":\"2.0\",\"result\":\"x\",\"id\":$ID}"))) {
      assertThatThrownBy(() -> client.call("n", Integer.class))
          .isInstanceOf(InvalidResponseException.class)
          .hasMessageContaining("cannot be read as java.lang.Integer");
    }
  }

  @Test
  void aReplyToANotificationIsIgnoredOnRequestResponse() {
    ScriptedTransport transport =
        new ScriptedTransport()
            .reply("this is not even JSON")
            .reply("{\"jsonrpc\":\"2.0\",\"result\":1,\"id\":$ID}");
    try (JsonRpcClient client = client(transport)) {
      client.notify("ping");
      assertThat(client.call("one", Integer.class)).isEqualTo(1);
    }
  }

  @Test
  void callsFromThePeerOnAConnectionAreIgnored() {
    ScriptedTransport transport =
        ScriptedTransport.connection()
            .reply(request -> "{\"jsonrpc\":\"2.0\",\"method\":\"server.ping\",\"id\":1}");
    try (JsonRpcClient client = client(transport)) {
      var pending = client.requestAsync("cat");
      assertThat(pending).isNotDone();
      transport.push("{\"jsonrpc\":\"2.0\",\"result\":\"meow\",\"id\":1}");
      assertThat(pending.join().textValue()).isEqualTo("meow");
    }
  }

  @Test
  void validationFailuresOnAConnectionLeaveOtherCallsAlone() {
    ScriptedTransport transport = ScriptedTransport.connection();
    try (JsonRpcClient client = client(transport)) {
      var first = client.requestAsync("a");
      var second = client.requestAsync("b");
      transport.push("{\"result\":1,\"id\":1}");
      transport.push("{\"jsonrpc\":\"2.0\",\"result\":2,\"id\":2}");
      assertThatThrownBy(first::join).hasCauseInstanceOf(InvalidResponseException.class);
      assertThat(second.join().intValue()).isEqualTo(2);
    }
  }
}
