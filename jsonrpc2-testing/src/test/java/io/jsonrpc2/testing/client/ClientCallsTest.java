package io.jsonrpc2.testing.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import io.jsonrpc2.JsonRpcClient;
import io.jsonrpc2.JsonRpcService;
import io.jsonrpc2.client.BatchResponse;
import io.jsonrpc2.client.ErrorResponseException;
import io.jsonrpc2.client.TransportException;
import io.jsonrpc2.message.ErrorCodes;
import io.jsonrpc2.message.Id;
import io.jsonrpc2.message.Message;
import io.jsonrpc2.message.Notification;
import io.jsonrpc2.message.Request;
import io.jsonrpc2.message.Response;
import io.jsonrpc2.testing.InMemoryTransport;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The client's calls against a real service, over both kinds of in-memory transport. */
@Timeout(10)
class ClientCallsTest {
  private final List<String> heard = new CopyOnWriteArrayList<>();
  private final CountDownLatch notified = new CountDownLatch(1);
  private final JsonRpcService service =
      JsonRpcService.builder()
          .method("cat", (params, ctx) -> "meow, " + params.get("name", String.class))
          .method(
              "subtract",
              (params, ctx) -> params.get(0, Integer.class) - params.get(1, Integer.class))
          .method("cube", (params, ctx) -> (int) Math.pow(params.get(0, Integer.class), 3))
          .method("points", (params, ctx) -> List.of(Map.of("x", 1), Map.of("x", 2)))
          .method("nothing", (params, ctx) -> null)
          .method(
              "hear",
              (params, ctx) -> {
                heard.add(params.get(0, String.class));
                notified.countDown();
                return null;
              })
          .build();
  private JsonRpcClient client;

  private JsonRpcClient client(boolean connection) {
    client =
        JsonRpcClient.builder()
            .transport(
                connection
                    ? InMemoryTransport.connection(service)
                    : InMemoryTransport.requestResponse(service))
            .build();
    return client;
  }

  @AfterEach
  void close() {
    client.close();
  }

  @ParameterizedTest
  @ValueSource(booleans = {false, true})
  void typedCalls(boolean connection) {
    JsonRpcClient c = client(connection);
    assertThat(c.call("subtract", Integer.class, 42, 23)).isEqualTo(19);
    assertThat(c.callAsync("cat", String.class, Map.of("name", "Mittens")).join())
        .isEqualTo("meow, Mittens");
    List<Map<String, Integer>> points = c.call("points", new TypeReference<>() {});
    assertThat(points).containsExactly(Map.of("x", 1), Map.of("x", 2));
  }

  @ParameterizedTest
  @ValueSource(booleans = {false, true})
  void requestReturnsTheResultAsJson(boolean connection) {
    JsonRpcClient c = client(connection);
    assertThat(c.request("cat", Map.of("name", "Mittens")).textValue()).isEqualTo("meow, Mittens");
    assertThat(c.requestAsync("subtract", 42, 23).join().intValue()).isEqualTo(19);
    assertThat(c.request("nothing").isNull()).isTrue();
  }

  @ParameterizedTest
  @ValueSource(booleans = {false, true})
  void errorResponses(boolean connection) {
    JsonRpcClient c = client(connection);
    assertThatThrownBy(() -> c.request("nope"))
        .isInstanceOfSatisfying(
            ErrorResponseException.class,
            e -> assertThat(e.code()).isEqualTo(ErrorCodes.METHOD_NOT_FOUND));
    // send returns error responses as values
    Response response = c.send(Request.of("nope"));
    assertThat(response.isError()).isTrue();
    assertThat(response.error().code()).isEqualTo(ErrorCodes.METHOD_NOT_FOUND);
  }

  @ParameterizedTest
  @ValueSource(booleans = {false, true})
  void notificationsReachTheServer(boolean connection) throws InterruptedException {
    client(connection).notify("hear", "hello");
    assertThat(notified.await(5, TimeUnit.SECONDS)).isTrue();
    assertThat(heard).containsExactly("hello");
  }

  @ParameterizedTest
  @ValueSource(booleans = {false, true})
  void requestValuesWithExplicitIds(boolean connection) {
    JsonRpcClient c = client(connection);
    Response response = c.send(Request.named("cat", Map.of("name", "Mittens")).withId(5));
    assertThat(response.id()).isEqualTo(Id.of(5));
    assertThat(response.result().textValue()).isEqualTo("meow, Mittens");
    assertThat(c.send(Request.of("subtract", 5, 3).withId("Request #1")).id())
        .isEqualTo(Id.of("Request #1"));
    assertThat(c.send(Request.of("subtract", 5, 3).withId(Id.NULL)).result().intValue())
        .isEqualTo(2);
    c.send(Notification.of("hear", "via send"));
  }

  @ParameterizedTest
  @ValueSource(booleans = {false, true})
  void batchesAnswerEveryRequestFindableById(boolean connection) {
    JsonRpcClient c = client(connection);
    List<Message> batch = new ArrayList<>();
    IntStream.range(0, 10).forEach(i -> batch.add(Request.of("cube", i)));
    batch.add(Notification.of("hear", "in a batch"));
    batch.add(Request.of("nope").withId("bad"));
    BatchResponse responses = c.send(batch);
    assertThat(responses.size()).isEqualTo(11);
    assertThat(responses.responses().subList(0, 10))
        .extracting(r -> r.result().intValue())
        .containsExactly(0, 1, 8, 27, 64, 125, 216, 343, 512, 729);
    assertThat(responses.get("bad").orElseThrow().error().code())
        .isEqualTo(ErrorCodes.METHOD_NOT_FOUND);
    Id third = responses.ids().get(2);
    assertThat(responses.get(third).orElseThrow().result().intValue()).isEqualTo(8);
  }

  @ParameterizedTest
  @ValueSource(booleans = {false, true})
  void aBatchOfNotificationsOnlyCompletesEmpty(boolean connection) throws InterruptedException {
    BatchResponse responses =
        client(connection).send(List.of(Notification.of("hear", "x"), Notification.of("nothing")));
    assertThat(responses.isEmpty()).isTrue();
    assertThat(notified.await(5, TimeUnit.SECONDS)).isTrue();
  }

  @Test
  void batchesRefuseDuplicateIdsAndEmptiness() {
    JsonRpcClient c = client(false);
    assertThatThrownBy(() -> c.send(List.of(Request.of("a").withId(1), Request.of("b").withId(1))))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("two requests have the id 1");
    assertThatThrownBy(() -> c.send(List.<Message>of()))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @ParameterizedTest
  @ValueSource(booleans = {false, true})
  void rawJsonIsSentAsWrittenAndItsResponsesParsed(boolean connection) {
    JsonRpcClient c = client(connection);
    BatchResponse single =
        c.send(
            "{\"jsonrpc\": \"2.0\", \"method\": \"cat\", \"params\": {\"name\": \"Mittens\"}, \"id\": 5}");
    assertThat(single.get(5).orElseThrow().result().textValue()).isEqualTo("meow, Mittens");

    BatchResponse batch =
        c.send(
            "[{\"jsonrpc\":\"2.0\",\"method\":\"cube\",\"params\":[2],\"id\":1.50},"
                + "{\"jsonrpc\":\"2.0\",\"method\":\"hear\",\"params\":[\"raw\"]},"
                + "{\"jsonrpc\":\"2.0\",\"method\":\"cube\",\"params\":[3],\"id\":\"c\"}]");
    assertThat(batch.get(Id.ofNumberText("1.50")).orElseThrow().result().intValue()).isEqualTo(8);
    assertThat(batch.get("c").orElseThrow().result().intValue()).isEqualTo(27);
    assertThat(batch.size()).isEqualTo(2);

    assertThat(c.send("{\"jsonrpc\":\"2.0\",\"method\":\"hear\",\"params\":[\"n\"]}").isEmpty())
        .isTrue();
    assertThatThrownBy(() -> c.send("{\"jsonrpc\":\"2.0\",\"method\":"))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void theRawReplyOfARequestResponseTransport() {
    JsonRpcClient c = client(false);
    assertThat(
            c.sendRawAsync(
                    "{\"jsonrpc\":\"2.0\",\"method\":\"subtract\",\"params\":[42,23],\"id\":1}")
                .join())
        .isEqualTo("{\"jsonrpc\":\"2.0\",\"result\":19,\"id\":1}");
    assertThat(c.sendRawAsync("[1]").join())
        .isEqualTo(
            "[{\"jsonrpc\":\"2.0\",\"error\":{\"code\":-32600,\"message\":\"Invalid Request\"},\"id\":null}]");
    assertThat(c.sendRawAsync("{\"jsonrpc\":\"2.0\",\"method\":\"nothing\"}").join()).isNull();
  }

  @Test
  void noRawRepliesOnAConnection() {
    JsonRpcClient c = client(true);
    assertThatThrownBy(() -> c.sendRawAsync("{}").join())
        .hasCauseInstanceOf(TransportException.class);
  }

  @ParameterizedTest
  @ValueSource(booleans = {false, true})
  void aClosedClientRefusesCalls(boolean connection) {
    JsonRpcClient c = client(connection);
    c.close();
    assertThatThrownBy(() -> c.request("cat"))
        .isInstanceOf(TransportException.class)
        .hasMessageContaining("closed");
    assertThatThrownBy(() -> c.notify("hear", "x")).isInstanceOf(TransportException.class);
  }

  @Test
  void viewsShareTheTransportAndIds() {
    JsonRpcClient c = client(true);
    JsonNode viaView = c.withTimeout(java.time.Duration.ofSeconds(5)).request("subtract", 9, 4);
    assertThat(viaView.intValue()).isEqualTo(5);
    assertThat(c.send(Request.of("subtract", 1, 1)).id()).isEqualTo(Id.of(2));
  }
}
