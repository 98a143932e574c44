package io.jsonrpc2.examples.stdio;

import static org.assertj.core.api.Assertions.assertThat;

import io.jsonrpc2.stdio.StdioFraming;
import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The stdio examples, run for real: the client starts the server as a child process. */
@Timeout(60)
class StdioExamplesTest {

  @ParameterizedTest
  @EnumSource(StdioFraming.class)
  void theClientTalksToTheServerProcessBothWays(StdioFraming framing) throws Exception {
    assertThat(StdioClientExample.talkTo(StdioClientExample.serverCommand(framing), framing))
        .containsExactly("add: 5", "ask: you said: yes to tea?", "countdown: done after [2, 1, 0]");
  }

  @Test
  void theClientProgramPrintsWhatItGot(@TempDir Path dir) throws Exception {
    List<String> command = new ArrayList<>(StdioClientExample.serverCommand(StdioFraming.NEWLINE));
    // The same JVM command, with the client's main class instead of the server's.
    command.set(command.size() - 2, StdioClientExample.class.getName());
    command.set(command.size() - 1, "CONTENT_LENGTH");
    File output = dir.resolve("client.out").toFile();
    Process client = new ProcessBuilder(command).redirectOutput(output).start();
    assertThat(client.waitFor(40, TimeUnit.SECONDS)).as("the client finished").isTrue();
    assertThat(client.exitValue()).isZero();
    assertThat(Files.readAllLines(output.toPath(), StandardCharsets.UTF_8))
        .containsExactly("add: 5", "ask: you said: yes to tea?", "countdown: done after [2, 1, 0]");
  }
}
