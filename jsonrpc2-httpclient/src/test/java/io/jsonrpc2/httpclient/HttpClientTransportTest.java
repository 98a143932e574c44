package io.jsonrpc2.httpclient;

import static io.jsonrpc2.testing.JsonAssertions.assertSameJson;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jsonrpc2.JsonRpcClient;
import io.jsonrpc2.client.BatchResponse;
import io.jsonrpc2.client.ErrorResponseException;
import io.jsonrpc2.client.InvalidResponseException;
import io.jsonrpc2.client.OutboundMessage;
import io.jsonrpc2.client.TransportReply;
import io.jsonrpc2.message.Id;
import io.jsonrpc2.message.Notification;
import io.jsonrpc2.message.Request;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Calls, notifications and batches over a real HTTP exchange on 127.0.0.1. */
@Timeout(30)
class HttpClientTransportTest {
  private JdkHttpTestServer server;
  private JsonRpcClient client;

  @BeforeEach
  void start() throws Exception {
    server = JdkHttpTestServer.serve(TestServices.service());
    client = JsonRpcHttp.client(server.uri().toString());
  }

  @AfterEach
  void stop() {
    client.close();
    server.close();
  }

  @Test
  void postsACallAsJsonAndReturnsTheResult() throws Exception {
    assertThat(client.call("subtract", Integer.class, 42, 23)).isEqualTo(19);

    JdkHttpTestServer.Received request = server.takeReceived();
    assertThat(request.method()).isEqualTo("POST");
    assertThat(request.path()).isEqualTo("/rpc");
    assertThat(request.header("Content-Type")).isEqualTo("application/json");
    assertThat(request.header("Accept")).isEqualTo("application/json");
    assertSameJson(
        request.body(),
        "{\"jsonrpc\":\"2.0\",\"method\":\"subtract\",\"params\":[42,23],\"id\":1}");
  }

  @Test
  void sendsNamedParamsAsAnObject() throws Exception {
    Map<String, Object> named = new LinkedHashMap<>();
    named.put("subtrahend", 23);
    named.put("minuend", 42);

    assertThat(client.call("subtract", Integer.class, named)).isEqualTo(19);
    assertSameJson(
        server.takeReceived().body(),
        "{\"jsonrpc\":\"2.0\",\"method\":\"subtract\",\"params\":{\"subtrahend\":23,\"minuend\":42},\"id\":1}");
  }

  @Test
  void postsANotificationWithoutAnId() throws Exception {
    client.notify("update", 1, 2, 3);

    assertSameJson(
        server.takeReceived().body(),
        "{\"jsonrpc\":\"2.0\",\"method\":\"update\",\"params\":[1,2,3]}");
    assertThat(client.call("echo", String.class, "still here")).isEqualTo("still here");
  }

  @Test
  void takesA204AsNoReply() throws Exception {
    server.answerEmptyWith204();
    try (HttpClientTransport transport = HttpClientTransport.builder(server.uri()).build()) {
      byte[] notification =
          "{\"jsonrpc\":\"2.0\",\"method\":\"update\"}".getBytes(StandardCharsets.UTF_8);

      TransportReply reply =
          transport.send(new OutboundMessage(notification, false, Map.of())).get();

      assertThat(reply.isEmpty()).isTrue();
      assertThat(reply.details())
          .containsEntry("http_status", "204")
          .containsEntry("http_reason", "No Content");
    }
  }

  @Test
  void reportsStatusReasonAndHeadersWithEveryReply() throws Exception {
    try (HttpClientTransport transport = HttpClientTransport.builder(server.uri()).build()) {
      byte[] request =
          "{\"jsonrpc\":\"2.0\",\"method\":\"cat\",\"id\":7}".getBytes(StandardCharsets.UTF_8);

      TransportReply reply = transport.send(new OutboundMessage(request, true, Map.of())).get();

      assertSameJson(
          new String(reply.body(), StandardCharsets.UTF_8),
          "{\"jsonrpc\":\"2.0\",\"result\":\"meow\",\"id\":7}");
      assertThat(reply.details())
          .containsEntry("http_status", "200")
          .containsEntry("http_reason", "OK")
          .containsKey("http_headers");
      assertThat(reply.details().get("http_headers")).contains("content-type: application/json");
    }
  }

  @Test
  void sendsABatchAndFindsEachResponseById() throws Exception {
    BatchResponse batch =
        client.send(
            List.of(
                Request.of("subtract", 5, 2),
                Notification.of("update", 1),
                new Request(Id.of("sum"), "sum", List.of(1, 2, 3))));

    assertThat(batch.size()).isEqualTo(2);
    assertThat(batch.get(Id.of(1)).orElseThrow().result().asInt()).isEqualTo(3);
    assertThat(batch.get(Id.of("sum")).orElseThrow().result().asInt()).isEqualTo(6);
    assertSameJson(
        server.takeReceived().body(),
        "[{\"jsonrpc\":\"2.0\",\"method\":\"subtract\",\"params\":[5,2],\"id\":1},"
            + "{\"jsonrpc\":\"2.0\",\"method\":\"update\",\"params\":[1]},"
            + "{\"jsonrpc\":\"2.0\",\"method\":\"sum\",\"params\":[1,2,3],\"id\":\"sum\"}]");
  }

  @Test
  void anErrorResponseBecomesErrorResponseException() {
    assertThatThrownBy(() -> client.call("nope", String.class))
        .isInstanceOfSatisfying(
            ErrorResponseException.class,
            e -> {
              assertThat(e.code()).isEqualTo(-32601);
              assertThat(e.errorMessage()).isEqualTo("Method not found");
            });
  }

  @Test
  void anEmptyReplyToACallIsInvalid() {
    server.reply(200, "application/json", "");

    assertThatThrownBy(() -> client.call("cat", String.class))
        .isInstanceOf(InvalidResponseException.class)
        .hasMessageContaining("empty");
  }

  @Test
  void servesManyCallsInFlightAtOnce() {
    List<CompletableFuture<String>> calls = new ArrayList<>();
    for (int i = 0; i < 32; i++) {
      calls.add(client.callAsync("echo", String.class, "call " + i));
    }
    for (int i = 0; i < calls.size(); i++) {
      assertThat(calls.get(i).join()).isEqualTo("call " + i);
    }
  }
}
