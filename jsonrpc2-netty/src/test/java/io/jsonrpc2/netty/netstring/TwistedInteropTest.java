package io.jsonrpc2.netty.netstring;

import static io.jsonrpc2.testing.JsonAssertions.assertSameJson;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jsonrpc2.JsonRpcClient;
import io.jsonrpc2.JsonRpcService;
import io.jsonrpc2.client.ConnectionLostException;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Interop with Twisted's {@code NetstringReceiver} at its defaults, the framing txjason uses: a
 * Twisted client against our server, and our client against a Twisted server. Needs Python 3 with
 * Twisted ({@code apt-get install python3-twisted}); skipped where it is missing.
 */
@Timeout(60)
class TwistedInteropTest {
  private static final String PYTHON = "/usr/bin/python3";
  @TempDir static Path dir;
  static Path script;

  @BeforeAll
  static void needsTwisted() throws Exception {
    boolean available = false;
    if (Files.isExecutable(Path.of(PYTHON))) {
      Process probe = new ProcessBuilder(PYTHON, "-c", "import twisted.protocols.basic").start();
      available = probe.waitFor(20, TimeUnit.SECONDS) && probe.exitValue() == 0;
    }
    Assumptions.assumeTrue(available, "python3 with Twisted is not installed");
    script = dir.resolve("twisted_netstring_peer.py");
    try (var in = TwistedInteropTest.class.getResourceAsStream("/twisted_netstring_peer.py")) {
      Files.copy(in, script);
    }
  }

  @Test
  void twistedClientGetsAnswersFromOurServer() throws Exception {
    JsonRpcService service = JsonRpcService.builder().handler("main", new TestMethods()).build();
    try (NetstringServer server = NetstringServer.builder(service).host("127.0.0.1").start()) {
      Process client =
          new ProcessBuilder(
                  PYTHON, script.toString(), "client", String.valueOf(server.port()), "2")
              .redirectError(ProcessBuilder.Redirect.INHERIT)
              .start();
      try (OutputStream stdin = client.getOutputStream()) {
        stdin.write(
            ("{\"jsonrpc\":\"2.0\",\"method\":\"main.echo\",\"params\":[\"caf\u00e9\"],\"id\":1}\n"
                    + "{\"jsonrpc\":\"2.0\",\"method\":\"main.note\",\"params\":[\"quiet\"]}\n"
                    + "[{\"jsonrpc\":\"2.0\",\"method\":\"main.echo\",\"params\":[2],\"id\":2}]\n")
                .getBytes(StandardCharsets.UTF_8));
      }
      List<String> lines = linesOf(client);
      assertThat(lines).hasSize(3).last().isEqualTo("CLOSED");
      assertSameJson(lines.get(0), "{\"jsonrpc\":\"2.0\",\"result\":\"caf\u00e9\",\"id\":1}");
      assertSameJson(lines.get(1), "[{\"jsonrpc\":\"2.0\",\"result\":2,\"id\":2}]");
    }
  }

  @Test
  void ourClientCallsATwistedServer() throws Exception {
    Process server =
        new ProcessBuilder(PYTHON, script.toString(), "server")
            .redirectError(ProcessBuilder.Redirect.INHERIT)
            .start();
    try {
      BufferedReader out =
          new BufferedReader(
              new InputStreamReader(server.getInputStream(), StandardCharsets.UTF_8));
      String banner = out.readLine();
      assertThat(banner).startsWith("PORT ");
      int port = Integer.parseInt(banner.substring(5).trim());
      try (JsonRpcClient client = NetstringClient.create("127.0.0.1", port)) {
        assertThat(client.call("main.echo", String.class, "h\u00e9llo")).isEqualTo("h\u00e9llo");
        String fits = "x".repeat(99_000);
        assertThat(client.call("main.echo", String.class, fits)).isEqualTo(fits);
        // Twisted's default MAX_LENGTH is 99,999 bytes: a larger frame makes it drop the connection
        assertThatThrownBy(() -> client.call("main.echo", String.class, "y".repeat(100_000)))
            .isInstanceOf(ConnectionLostException.class);
        assertThat(client.call("main.echo", String.class, "reconnected")).isEqualTo("reconnected");
      }
    } finally {
      server.getOutputStream().close();
      if (!server.waitFor(10, TimeUnit.SECONDS)) {
        server.destroy();
      }
    }
  }

  private static List<String> linesOf(Process process) throws Exception {
    List<String> lines = new ArrayList<>();
    try (BufferedReader out =
        new BufferedReader(
            new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
      String line;
      while ((line = out.readLine()) != null) {
        lines.add(line);
      }
    }
    assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
    return lines;
  }
}
