package io.jsonrpc2.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** {@code bin/jsonrpc2} runs the packaged command, which this build has just made fresh. */
class LauncherIT {

  @Test
  @Timeout(value = 2, unit = TimeUnit.MINUTES)
  void runsTheFreshJarWithoutBuilding() throws Exception {
    Process launcher =
        new ProcessBuilder("bash", CliProcess.ROOT.resolve("bin/jsonrpc2").toString(), "--version")
            .directory(CliProcess.ROOT.toFile())
            .start();
    String err = new String(launcher.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
    String out = new String(launcher.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(launcher.waitFor(90, TimeUnit.SECONDS)).isTrue();
    assertThat(launcher.exitValue()).as(err).isZero();
    assertThat(out).isEqualTo("jsonrpc2 " + ProjectTemplate.jsonrpc2Version() + "\n");
    assertThat(err)
        .as("the jar is newer than every source, so nothing is built")
        .doesNotContain("building");
  }

  @Test
  @Timeout(value = 2, unit = TimeUnit.MINUTES)
  void callRecordsAClassDataArchiveOnceAndMapsItAfterwards() throws Exception {
    Path target = CliProcess.ROOT.resolve("jsonrpc2-cli/target");
    try (Stream<Path> old = Files.list(target)) {
      for (Path archive : old.filter(LauncherIT::isCallArchive).toList()) {
        Files.delete(archive);
      }
    }
    // Nothing listens on port 1: the call fails at once, which is all this needs.
    Launch recording = launch(Map.of(), "call", "netstring://127.0.0.1:1", "main.echo", "hi");
    assertThat(recording.exitCode()).as(recording.err()).isEqualTo(ExitCode.TRANSPORT);
    assertThat(recording.err()).startsWith("jsonrpc2: no reply").doesNotContain("cds");
    try (Stream<Path> made = Files.list(target)) {
      assertThat(made.filter(LauncherIT::isCallArchive)).hasSize(1);
    }

    // -Xshare:on makes the JVM refuse to start unless it maps the archive.
    Launch mapping =
        launch(
            Map.of("JAVA_OPTS", "-Xshare:on"),
            "call",
            "netstring://127.0.0.1:1",
            "main.echo",
            "hi");
    assertThat(mapping.exitCode()).as(mapping.err()).isEqualTo(ExitCode.TRANSPORT);
    assertThat(mapping.err()).isEqualTo(recording.err());
  }

  private static boolean isCallArchive(Path file) {
    String name = file.getFileName().toString();
    return name.startsWith("jsonrpc2-call-") && name.endsWith(".jsa");
  }

  private record Launch(int exitCode, String err) {}

  private static Launch launch(Map<String, String> environment, String... args)
      throws IOException, InterruptedException {
    List<String> command = new ArrayList<>(List.of("bash", "bin/jsonrpc2"));
    command.addAll(List.of(args));
    ProcessBuilder builder = new ProcessBuilder(command).directory(CliProcess.ROOT.toFile());
    builder.environment().put("JSONRPC2_NO_BUILD", "1");
    builder.environment().putAll(environment);
    Process launcher = builder.redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
    String err = new String(launcher.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(launcher.waitFor(60, TimeUnit.SECONDS)).isTrue();
    return new Launch(launcher.exitValue(), err);
  }
}
