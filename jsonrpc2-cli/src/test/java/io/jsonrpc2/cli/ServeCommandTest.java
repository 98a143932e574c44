package io.jsonrpc2.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.StringWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** {@code serve} started in-process on 127.0.0.1 port 0 and called with {@code call}. */
@Timeout(30)
class ServeCommandTest {
  private static final String FIXTURES = Path.of("target/test-classes").toAbsolutePath().toString();
  private static final String DIVIDER = "io.jsonrpc2.cli.fixtures.Divider";

  private final List<Listener> started = new ArrayList<>();

  @AfterEach
  void stop() {
    ServeCommand.stopAll(started);
  }

  private String serveOnNetstrings(String... options) {
    List<String> args = new ArrayList<>(List.of("serve", "--netstring", "0", "-cp", FIXTURES));
    args.addAll(List.of(options));
    args.add(DIVIDER);
    ServeCommand serve =
        CliRun.parsed(ServeCommand.class, new StringWriter(), args.toArray(String[]::new));
    started.addAll(serve.start());
    return started.get(0).url();
  }

  @Test
  void errorCodeMapsAnExceptionClassAndItsSubclassesToACode() {
    String url =
        serveOnNetstrings(
            "--error-code",
            "java.lang.ArithmeticException=-32050",
            "--error-code",
            "java.lang.IllegalArgumentException=4000");

    CliRun divided = CliRun.of("call", url, "divide", "1", "0");
    assertThat(divided.exitCode()).as(divided.toString()).isEqualTo(ExitCode.ERROR_RESPONSE);
    assertThat(divided.err()).isEqualTo("error -32050: / by zero\n");

    // NumberFormatException is an IllegalArgumentException.
    CliRun parsed = CliRun.of("call", url, "parse", "ten");
    assertThat(parsed.exitCode()).isEqualTo(ExitCode.ERROR_RESPONSE);
    assertThat(parsed.err()).isEqualTo("error 4000: For input string: \"ten\"\n");

    assertThat(CliRun.of("call", url, "divide", "6", "3").out()).isEqualTo("2\n");
  }

  @Test
  void withoutErrorCodeAnExceptionIsAnInternalError() {
    String url = serveOnNetstrings();

    CliRun divided = CliRun.of("call", url, "divide", "1", "0");
    assertThat(divided.exitCode()).isEqualTo(ExitCode.ERROR_RESPONSE);
    assertThat(divided.err()).startsWith("error -32603: ");
  }

  @Test
  void badErrorCodesAreUsageErrors() {
    assertThatThrownBy(() -> serveOnNetstrings("--error-code", "java.lang.ArithmeticException"))
        .isInstanceOfSatisfying(
            CliException.class, e -> assertThat(e.exitCode()).isEqualTo(ExitCode.USAGE))
        .hasMessageContaining("--error-code takes CLASS=CODE");
    assertThatThrownBy(() -> serveOnNetstrings("--error-code", "java.lang.ArithmeticException=x"))
        .hasMessageContaining("an integer CODE");
    assertThatThrownBy(() -> serveOnNetstrings("--error-code", "no.such.Failure=1"))
        .hasMessageContaining("class no.such.Failure not found");
    assertThatThrownBy(() -> serveOnNetstrings("--error-code", "java.lang.String=1"))
        .hasMessage("--error-code java.lang.String is not an exception class");
    assertThat(started).isEmpty();
  }
}
