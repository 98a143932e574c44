package io.jsonrpc2.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.jsonrpc2.JsonRpcService;
import io.jsonrpc2.cli.fixtures.Calculator;
import io.jsonrpc2.netty.netstring.NetstringServer;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code call} run in-process against a real netstring server on 127.0.0.1: output and exit codes.
 */
@Timeout(30)
class CallCommandTest {
  private static NetstringServer server;
  private static String url;

  @BeforeAll
  static void start() {
    JsonRpcService service = JsonRpcService.builder().publicMethods(null, Calculator.class).build();
    server = NetstringServer.builder(service).host("127.0.0.1").port(0).start();
    url = "netstring://127.0.0.1:" + server.port();
  }

  @AfterAll
  static void stop() {
    server.shutdown(Duration.ofSeconds(5)).join();
  }

  @Test
  void printsTheResultAsJson() {
    CliRun run = CliRun.of("call", url, "subtract", "42", "23");
    assertThat(run.exitCode()).as(run.toString()).isEqualTo(ExitCode.OK);
    assertThat(run.out()).isEqualTo("19\n");
    assertThat(run.err()).isEmpty();
  }

  @Test
  void stringsNeedNoQuotesAndJsonStaysJson() {
    assertThat(CliRun.of("call", url, "greeting", "Mittens").out())
        .isEqualTo("\"Hello, Mittens!\"\n");
    assertThat(CliRun.of("call", url, "echo", "{\"a\":[1,true,null]}").out())
        .isEqualTo("{\"a\":[1,true,null]}\n");
    assertThat(CliRun.of("call", url, "echo", "\"42\"").out()).isEqualTo("\"42\"\n");
    assertThat(CliRun.of("call", url, "echo", "-5").out()).isEqualTo("-5\n");
    assertThat(CliRun.of("call", url, "echo", "@mittens").out()).isEqualTo("\"@mittens\"\n");
    assertThat(CliRun.of("call", url, "echo", "--", "--not-an-option").out())
        .isEqualTo("\"--not-an-option\"\n");
  }

  @Test
  void prettyPrintsOnRequest() {
    CliRun run = CliRun.of("call", "--pretty", url, "describe", "Mittens", "5");
    assertThat(run.out()).contains("{\n").contains("  \"name\" : \"Mittens\"");
  }

  @Test
  void namedParams() {
    CliRun run =
        CliRun.of("call", url, "subtract", "--named", "subtrahend=23", "--named", "minuend=42");
    assertThat(run.out()).as(run.toString()).isEqualTo("19\n");
  }

  @Test
  void anErrorResponseExitsWithOneAndPrintsCodeMessageAndData() {
    CliRun run = CliRun.of("call", url, "fail", "because");
    assertThat(run.exitCode()).isEqualTo(ExitCode.ERROR_RESPONSE);
    assertThat(run.out()).isEmpty();
    assertThat(run.err()).isEqualTo("error -32001: Refused\ndata: \"because\"\n");

    CliRun missing = CliRun.of("call", url, "nosuchmethod");
    assertThat(missing.exitCode()).isEqualTo(ExitCode.ERROR_RESPONSE);
    assertThat(missing.err()).startsWith("error -32601: Method not found");
  }

  @Test
  void verboseShowsBothMessagesOnStderr() {
    CliRun run = CliRun.of("call", "--verbose", url, "add", "2", "3");
    assertThat(run.exitCode()).isEqualTo(ExitCode.OK);
    assertThat(run.out()).isEqualTo("5\n");
    assertThat(run.err())
        .isEqualTo(
            "--> {\"jsonrpc\":\"2.0\",\"method\":\"add\",\"params\":[2,3],\"id\":1}\n"
                + "<-- {\"jsonrpc\":\"2.0\",\"result\":5,\"id\":1}\n");
  }

  @Test
  void aNotificationPrintsNothingAndArrives() {
    CliRun run =
        CliRun.of(
            "call", "--notify", "--verbose", url, "remember", "notified-" + System.nanoTime());
    assertThat(run.exitCode()).as(run.toString()).isEqualTo(ExitCode.OK);
    assertThat(run.out()).isEmpty();
    assertThat(run.err())
        .startsWith("--> {\"jsonrpc\":\"2.0\",\"method\":\"remember\",\"params\":[\"notified-")
        .doesNotContain("<--");
    String sent = run.err().substring(run.err().indexOf("notified-"), run.err().indexOf("\"]"));
    assertThat(CliRun.of("call", url, "recall").out()).isEqualTo("\"" + sent + "\"\n");
  }

  @Test
  void aBatchFileIsSentAsItIsAndEveryResponsePrinted(@TempDir Path dir) throws IOException {
    Path batch = dir.resolve("batch.json");
    Files.writeString(
        batch,
        "[{\"jsonrpc\":\"2.0\",\"method\":\"add\",\"params\":[1,2],\"id\":\"a\"},\n"
            + " {\"jsonrpc\":\"2.0\",\"method\":\"echo\",\"params\":[\"x\"]},\n"
            + " {\"jsonrpc\":\"2.0\",\"method\":\"nosuch\",\"id\":7}]");
    CliRun run = CliRun.of("call", url, "--batch", batch.toString());
    assertThat(run.exitCode()).as(run.toString()).isEqualTo(ExitCode.ERROR_RESPONSE);
    assertThat(run.out())
        .isEqualTo(
            "[{\"jsonrpc\":\"2.0\",\"result\":3,\"id\":\"a\"},"
                + "{\"jsonrpc\":\"2.0\",\"error\":{\"code\":-32601,\"message\":\"Method not found\"},\"id\":7}]\n");
    assertThat(run.err()).isEqualTo("1 x -32601 Method not found\n1 of 2 responses are errors\n");

    Files.writeString(batch, "{\"jsonrpc\":\"2.0\",\"method\":\"add\",\"params\":[1,2],\"id\":1}");
    CliRun single = CliRun.of("call", url, "--batch", batch.toString());
    assertThat(single.exitCode()).isEqualTo(ExitCode.OK);
    assertThat(single.out()).isEqualTo("{\"jsonrpc\":\"2.0\",\"result\":3,\"id\":1}\n");
  }

  @Test
  void aBatchFileThatIsNotJsonRpcIsAUsageError(@TempDir Path dir) throws IOException {
    Path batch = Files.writeString(dir.resolve("bad.json"), "{\"not\":\"a request\"}");
    CliRun run = CliRun.of("call", url, "--batch", batch.toString());
    assertThat(run.exitCode()).isEqualTo(ExitCode.USAGE);
    assertThat(run.err()).startsWith("jsonrpc2: " + batch + " is not a JSON-RPC request");

    CliRun missing = CliRun.of("call", url, "--batch", dir.resolve("missing.json").toString());
    assertThat(missing.exitCode()).isEqualTo(ExitCode.USAGE);
    assertThat(missing.err()).startsWith("jsonrpc2: cannot read ");
  }

  @Test
  void aBatchOfManyBadElementsNamesEachDistinctErrorOnceWithItsCount(@TempDir Path dir)
      throws IOException {
    StringBuilder json = new StringBuilder("[");
    // 999 of one error and 1 of another: the server's default limit is 1,000 per batch.
    for (int id = 1; id <= 999; id++) {
      json.append("{\"jsonrpc\":\"2.0\",\"method\":\"nosuch\",\"id\":").append(id).append("},");
    }
    json.append("{\"jsonrpc\":\"2.0\",\"method\":\"fail\",\"params\":[\"no\"],\"id\":0}]");
    Path batch = dir.resolve("bad.json");
    Files.writeString(batch, json);

    CliRun run = CliRun.of("call", url, "--batch", batch.toString());

    assertThat(run.exitCode()).as(run.err()).isEqualTo(ExitCode.ERROR_RESPONSE);
    assertThat(run.err())
        .isEqualTo(
            "999 x -32601 Method not found\n"
                + "1 x -32001 Refused\n"
                + "1000 of 1000 responses are errors\n");
    assertThat(run.out().split("\"code\":-32601", -1)).hasSize(1000);
  }

  @Test
  void usageErrorsExitWithTwo() {
    assertThat(CliRun.of("call", url).err()).contains("give a METHOD");
    assertThat(CliRun.of("call", url, "add", "1", "--named", "b=2").err())
        .contains("positional (ARG...) or named");
    assertThat(CliRun.of("call", url, "add", "--header", "X-A: 1").err())
        .contains("HTTP headers and credentials are for http:// and https:// URLs only");
    assertThat(CliRun.of("call", url, "add", "--insecure").err())
        .contains("trusting all certificates is for TLS URLs (https://, netstring+tls://) only");
    assertThat(CliRun.of("call", "ftp://x:1", "add").err()).contains("netstring://");
    assertThat(CliRun.of("call", url, "add", "--timeout", "soon").err()).contains("not a duration");
    assertThat(CliRun.of("call", url, "m", "--batch", "f.json").err())
        .contains("--batch sends the file as it is");
    for (String[] args :
        new String[][] {
          {"call", url},
          {"call", url, "add", "1", "--named", "b=2"},
          {"call", "ftp://x:1", "add"},
          {"call", url, "add", "--timeout", "soon"},
          {"call"},
          {"call", url, "add", "--no-such-option"},
          {}
        }) {
      assertThat(CliRun.of(args).exitCode()).as(String.join(" ", args)).isEqualTo(ExitCode.USAGE);
    }
  }

  @Test
  void noServerExitsWithThree() throws IOException {
    int closedPort;
    try (ServerSocket socket = new ServerSocket(0)) {
      closedPort = socket.getLocalPort();
    }
    CliRun run = CliRun.of("call", "netstring://127.0.0.1:" + closedPort, "add", "1", "2");
    assertThat(run.exitCode()).as(run.toString()).isEqualTo(ExitCode.TRANSPORT);
    assertThat(run.err())
        .startsWith("jsonrpc2: no reply from netstring://127.0.0.1:" + closedPort + ": ");
    assertThat(run.out()).isEmpty();
  }

  @Test
  void aSlowReplyTimesOutWithThree() {
    CliRun run = CliRun.of("call", "--timeout", "200ms", url, "sleep", "1500");
    assertThat(run.exitCode()).as(run.toString()).isEqualTo(ExitCode.TRANSPORT);
    assertThat(run.err())
        .startsWith("jsonrpc2: no reply from " + url)
        .endsWith(" within 0.2 s (--timeout)\n");
  }

  @Test
  void helpAndVersion() {
    CliRun help = CliRun.of("call", "--help");
    assertThat(help.exitCode()).isEqualTo(ExitCode.OK);
    assertThat(help.out()).contains("Usage: jsonrpc2 call", "--named", "--batch", "Exit codes");
    CliRun version = CliRun.of("--version");
    assertThat(version.out()).isEqualTo("jsonrpc2 " + ProjectTemplate.jsonrpc2Version() + "\n");
  }
}
