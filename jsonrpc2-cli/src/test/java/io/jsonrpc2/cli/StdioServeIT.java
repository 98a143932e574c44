package io.jsonrpc2.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * {@code jsonrpc2 serve --stdio} as a real process of the packaged jar: the protocol alone on
 * stdout, everything else on stderr, and status 0 once stdin ends.
 */
@Timeout(value = 2, unit = TimeUnit.MINUTES)
class StdioServeIT {
  private static final String FIXTURES = "jsonrpc2-cli/target/test-classes";
  private static final String CALCULATOR = "io.jsonrpc2.cli.fixtures.Calculator";

  @Test
  void newlineFramingAnswersEachLineAndEndsWithTheInput() {
    CliProcess.Result result =
        CliProcess.run(
            CliProcess.ROOT,
            "{\"jsonrpc\":\"2.0\",\"method\":\"add\",\"params\":[2,3],\"id\":1}\n"
                + "{\"jsonrpc\":\"2.0\",\"method\":\"echo\",\"params\":[\"hi\"]}\n"
                + "{\"jsonrpc\":\"2.0\",\"method\":\"echo\",\"params\":[\"x\"],\"id\":\"b\"}\n",
            List.of("serve", "--stdio", "--classpath", FIXTURES, CALCULATOR));

    assertThat(result.exitCode()).as(result.toString()).isZero();
    // Methods on the executor may answer in any order; the ids tell the answers apart.
    assertThat(result.outLines())
        .as(result.toString())
        .containsExactlyInAnyOrder(
            "{\"jsonrpc\":\"2.0\",\"result\":5,\"id\":1}",
            "{\"jsonrpc\":\"2.0\",\"result\":\"x\",\"id\":\"b\"}");
    assertThat(result.err()).contains("serving add, ").contains("newline framing");
  }

  @Test
  void contentLengthFramingSpeaksTheLanguageServerBaseProtocol() {
    String body = "{\"jsonrpc\":\"2.0\",\"method\":\"add\",\"params\":[40,2],\"id\":7}";
    CliProcess.Result result =
        CliProcess.run(
            CliProcess.ROOT,
            "Content-Length: " + body.length() + "\r\n\r\n" + body,
            List.of(
                "serve",
                "--stdio",
                "--framing",
                "content-length",
                "--classpath",
                FIXTURES,
                CALCULATOR));

    String reply = "{\"jsonrpc\":\"2.0\",\"result\":42,\"id\":7}";
    assertThat(result.exitCode()).as(result.toString()).isZero();
    assertThat(result.out())
        .as(result.toString())
        .isEqualTo("Content-Length: " + reply.length() + "\r\n\r\n" + reply);
  }

  @Test
  void stdioServesAloneAndTheFramingIsOneOfTwo() {
    CliProcess.Result withHttp =
        CliProcess.run("serve", "--stdio", "--http", "0", "--classpath", FIXTURES, CALCULATOR);
    assertThat(withHttp.exitCode()).as(withHttp.toString()).isEqualTo(ExitCode.USAGE);
    assertThat(withHttp.err()).contains("--stdio serves alone");

    CliProcess.Result badFraming =
        CliProcess.run(
            "serve", "--stdio", "--framing", "lines", "--classpath", FIXTURES, CALCULATOR);
    assertThat(badFraming.exitCode()).as(badFraming.toString()).isEqualTo(ExitCode.USAGE);
    assertThat(badFraming.err()).contains("newline or content-length");
  }
}
