package io.jsonrpc2.examples.netstring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jsonrpc2.JsonRpcClient;
import io.jsonrpc2.JsonRpcException;
import io.jsonrpc2.client.ErrorResponseException;
import io.jsonrpc2.netty.netstring.NetstringClient;
import io.jsonrpc2.netty.netstring.NetstringServer;
import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The example server's two-way methods, {@code main.countdown} and {@code main.ask}, driven over a
 * real socket by a peer written in Python's standard library alone (no JSON-RPC library), so that
 * nothing of this project is on the calling side.
 */
@Timeout(60)
class TwoWayExampleTest {
  private static final String PYTHON = "/usr/bin/python3";

  @Test
  void aRawNetstringPeerGetsTicksAndIsAskedBack() throws Exception {
    try (NetstringServer server = ExampleServer.start("127.0.0.1", 0)) {
      Process peer =
          new ProcessBuilder(PYTHON, script().toString(), String.valueOf(server.port()))
              .redirectErrorStream(true)
              .start();
      assertThat(peer.waitFor(30, TimeUnit.SECONDS)).as("the peer finished").isTrue();
      String output = new String(peer.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      assertThat(output)
          .contains(
              "ok: countdown sends three ticks in order before its result",
              "ok: ask answers with the caller's result",
              "ok: an error answer passes through with its code and message",
              "ok: two asks answered in reverse order each get their own answer",
              "ok: a new connection is served after the unanswered one was dropped")
          .doesNotContain("FAILED");
      assertThat(peer.exitValue()).as(output).isZero();
    }
  }

  @Test
  void theTwoWayMethodsSayWhyTheyNeedAConnectionThatCarriesCallsBack() {
    try (NetstringServer server = ExampleServer.start("127.0.0.1", 0);
        JsonRpcClient client = NetstringClient.create("127.0.0.1", server.port())) {
      // This client serves no calls: ask gets -32601 from it, and passes that through.
      assertThatThrownBy(() -> client.call("main.ask", String.class, "anyone?"))
          .isInstanceOfSatisfying(
              ErrorResponseException.class, e -> assertThat(e.code()).isEqualTo(-32601));
      assertThatThrownBy(() -> client.call("main.countdown", String.class, -1))
          .isInstanceOfSatisfying(
              ErrorResponseException.class, e -> assertThat(e.code()).isEqualTo(-32602));
    }
  }

  @Test
  void theExampleClientServesTheServersCallsOnItsConnection() {
    try (NetstringServer server = ExampleServer.start("127.0.0.1", 0)) {
      ByteArrayOutputStream printed = new ByteArrayOutputStream();
      TwoWayClient.run(
          "127.0.0.1",
          server.port(),
          "What is six times seven?",
          new PrintStream(printed, true, StandardCharsets.UTF_8));
      assertThat(printed.toString(StandardCharsets.UTF_8).lines())
          .containsExactly(
              "tick 2", "tick 1", "tick 0", "done", "42, since you ask: What is six times seven?");
    }
  }

  @Test
  void anAnswerThatFailsPassesThroughTheServerWithItsCode() {
    try (NetstringServer server = ExampleServer.start("127.0.0.1", 0);
        JsonRpcClient client =
            TwoWayClient.connect(
                "127.0.0.1",
                server.port(),
                question -> {
                  throw new JsonRpcException(4242, "no idea: " + question);
                },
                left -> {})) {
      assertThatThrownBy(() -> client.call("main.ask", String.class, "why?"))
          .isInstanceOfSatisfying(
              ErrorResponseException.class,
              e -> {
                assertThat(e.code()).isEqualTo(4242);
                assertThat(e.getMessage()).contains("no idea: why?");
              });
    }
  }

  @Test
  void callsBackFromManyCallersEachReachTheirOwnCaller() throws Exception {
    try (NetstringServer server = ExampleServer.start("127.0.0.1", 0)) {
      List<JsonRpcClient> clients = new ArrayList<>();
      try {
        for (int i = 0; i < 4; i++) {
          String name = "client " + i;
          clients.add(
              TwoWayClient.connect("127.0.0.1", server.port(), q -> name + ": " + q, left -> {}));
        }
        List<CompletableFuture<String>> answers = new ArrayList<>();
        for (int round = 0; round < 25; round++) {
          for (JsonRpcClient client : clients) {
            answers.add(client.callAsync("main.ask", String.class, "round " + round));
          }
        }
        for (int k = 0; k < answers.size(); k++) {
          assertThat(answers.get(k).get(10, TimeUnit.SECONDS))
              .isEqualTo("client " + (k % 4) + ": round " + (k / 4));
        }
      } finally {
        clients.forEach(JsonRpcClient::close);
      }
    }
  }

  private static Path script() throws URISyntaxException, IOException {
    var resource = TwoWayExampleTest.class.getResource("/raw_netstring_peer.py");
    if (resource == null) {
      throw new IOException("raw_netstring_peer.py is not on the test class path");
    }
    return new File(resource.toURI()).toPath();
  }
}
