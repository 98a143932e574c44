package io.jsonrpc2.httpclient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jsonrpc2.JsonRpcClient;
import io.jsonrpc2.JsonRpcService;
import io.jsonrpc2.client.BatchResponse;
import io.jsonrpc2.client.ConnectionLostException;
import io.jsonrpc2.client.ErrorResponseException;
import io.jsonrpc2.message.Request;
import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@link WebSocketClientTransport} against a JSON-RPC WebSocket server written apart from this
 * project, in Python's standard library alone ({@code rfc6455_server.py}): calls, errors, a batch,
 * a notification from the server, a ping, and the server ending the connection.
 */
@Timeout(60)
class WebSocketForeignServerTest {
  private static final String PYTHON = "python3";

  @TempDir Path dir;
  private Process server;
  private int port;
  private final BlockingQueue<String> heard = new LinkedBlockingQueue<>();
  private JsonRpcClient client;

  @BeforeEach
  void startServer() throws Exception {
    Path script = dir.resolve("rfc6455_server.py");
    try (InputStream in =
        WebSocketForeignServerTest.class.getResourceAsStream("/rfc6455_server.py")) {
      Files.copy(in, script);
    }
    server =
        new ProcessBuilder(PYTHON, script.toString())
            .redirectError(ProcessBuilder.Redirect.INHERIT)
            .start();
    BufferedReader out =
        new BufferedReader(
            new InputStreamReader(server.getInputStream(), StandardCharsets.US_ASCII));
    String first = out.readLine();
    assertThat(first).as("the server's first line").startsWith("PORT ");
    port = Integer.parseInt(first.substring("PORT ".length()).trim());
    JsonRpcService local =
        JsonRpcService.builder()
            .method(
                "heard",
                (params, call) -> {
                  heard.add(params.get(0, String.class));
                  return null;
                })
            .build();
    client =
        JsonRpcClient.builder()
            .transport(WebSocketClientTransport.builder("ws://127.0.0.1:" + port + "/rpc").build())
            .service(local)
            .build();
  }

  @AfterEach
  void stopServer() throws Exception {
    client.close();
    // Its stdin closing ends the server; it is killed if it does not end by itself.
    server.getOutputStream().close();
    if (!server.waitFor(10, TimeUnit.SECONDS)) {
      server.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
    }
  }

  @Test
  void callsGetTheirResultsAndErrors() {
    assertThat(client.call("echo", String.class, "café")).isEqualTo("café");
    assertThat(client.call("add", Integer.class, 2, 3, 4)).isEqualTo(9);
    assertThatThrownBy(() -> client.call("nope", String.class))
        .isInstanceOf(ErrorResponseException.class)
        .hasMessageContaining("Method not found");
  }

  @Test
  void aNotificationSentBeforeTheReplyReachesTheLocalService() throws Exception {
    assertThat(client.call("shout", String.class, "hey")).isEqualTo("hey");
    assertThat(heard.poll(10, TimeUnit.SECONDS)).isEqualTo("hey");
  }

  @Test
  void theServersPingIsAnsweredWithItsPayload() {
    assertThat(client.call("ping", String.class)).hasSize(16);
  }

  @Test
  void aBatchGetsEveryAnswer() {
    BatchResponse replies =
        client.send(
            List.of(
                Request.of("echo", "one").withId(1),
                Request.of("add", 40, 2).withId(2),
                Request.of("nope").withId(3)));
    assertThat(replies.size()).isEqualTo(3);
    assertThat(replies.get(1).orElseThrow().result().asText()).isEqualTo("one");
    assertThat(replies.get(2).orElseThrow().result().asInt()).isEqualTo(42);
    assertThat(replies.get(3).orElseThrow().isError()).isTrue();
  }

  @ParameterizedTest
  @ValueSource(strings = {"close", "drop"})
  void theServerEndingTheConnectionFailsTheWaitingCallAtOnceAndTheNextCallReconnects(String how)
      throws Exception {
    assertThat(client.call("echo", String.class, "before")).isEqualTo("before");
    CompletableFuture<String> waiting = client.callAsync("wait", String.class);
    long before = System.nanoTime();
    CompletableFuture<String> hangingUp = client.callAsync("hangUp", String.class, how);
    assertThatThrownBy(() -> waiting.get(10, TimeUnit.SECONDS))
        .isInstanceOf(ExecutionException.class)
        .hasCauseInstanceOf(ConnectionLostException.class);
    assertThat(System.nanoTime() - before).isLessThan(TimeUnit.SECONDS.toNanos(5));
    assertThatThrownBy(() -> hangingUp.get(10, TimeUnit.SECONDS))
        .hasCauseInstanceOf(ConnectionLostException.class);
    assertThat(client.call("echo", String.class, "after")).isEqualTo("after");
  }
}
