package io.jsonrpc2.netty.http;

import static io.jsonrpc2.testing.JsonAssertions.assertSameJson;
import static org.assertj.core.api.Assertions.assertThat;

import io.jsonrpc2.JsonRpcService;
import io.jsonrpc2.netty.netstring.TestMethods;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * A WebSocket client written apart from this project, in Python's standard library alone, against
 * the server: the handshake's accept key, calls, a batch, a notification, fragments and the close
 * handshake.
 */
@Timeout(60)
class WebSocketPythonClientTest {
  private static final String PYTHON = "/usr/bin/python3";
  @TempDir static Path dir;
  static Path script;

  @BeforeAll
  static void needsPython() throws Exception {
    Assumptions.assumeTrue(Files.isExecutable(Path.of(PYTHON)), "python3 is not installed");
    script = dir.resolve("rfc6455_client.py");
    try (InputStream in =
        WebSocketPythonClientTest.class.getResourceAsStream("/rfc6455_client.py")) {
      Files.copy(in, script);
    }
  }

  @Test
  void aPythonClientCallsOverWebSocket() throws Exception {
    TestMethods methods = new TestMethods();
    JsonRpcService service = JsonRpcService.builder().handler("main", methods).build();
    try (JsonRpcHttpServer server =
        JsonRpcHttpServer.builder(service).host("127.0.0.1").port(0).path("/rpc").start()) {
      Process client =
          new ProcessBuilder(PYTHON, script.toString(), String.valueOf(server.port()), "/rpc")
              .redirectError(ProcessBuilder.Redirect.INHERIT)
              .start();
      try (OutputStream stdin = client.getOutputStream()) {
        stdin.write(
            ("{\"jsonrpc\":\"2.0\",\"method\":\"main.echo\",\"params\":[\"caf\u00e9\"],\"id\":1}\n"
                    + "{\"jsonrpc\":\"2.0\",\"method\":\"main.echo\",\"params\":[\"in two\"],\"id\":2}\n"
                    + "{\"jsonrpc\":\"2.0\",\"method\":\"main.note\",\"params\":[\"quiet\"]}\n"
                    + "[{\"jsonrpc\":\"2.0\",\"method\":\"main.echo\",\"params\":[3],\"id\":3}]\n")
                .getBytes(StandardCharsets.UTF_8));
      }
      assertThat(client.waitFor(30, TimeUnit.SECONDS)).as("the client ended").isTrue();
      List<String> lines =
          new String(client.getInputStream().readAllBytes(), StandardCharsets.UTF_8)
              .lines()
              .toList();
      assertThat(lines).hasSize(5);
      assertThat(lines.get(0)).isEqualTo("ACCEPT-OK");
      assertSameJson(lines.get(1), "{\"jsonrpc\":\"2.0\",\"result\":\"caf\u00e9\",\"id\":1}");
      assertSameJson(lines.get(2), "{\"jsonrpc\":\"2.0\",\"result\":\"in two\",\"id\":2}");
      assertSameJson(lines.get(3), "[{\"jsonrpc\":\"2.0\",\"result\":3,\"id\":3}]");
      assertThat(lines.get(4)).isEqualTo("CLOSED 1000");
      assertThat(methods.notes.poll(10, TimeUnit.SECONDS)).isEqualTo("quiet");
      assertThat(client.exitValue()).isZero();
    }
  }
}
