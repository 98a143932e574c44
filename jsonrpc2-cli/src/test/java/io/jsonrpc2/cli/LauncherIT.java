package io.jsonrpc2.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
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
}
