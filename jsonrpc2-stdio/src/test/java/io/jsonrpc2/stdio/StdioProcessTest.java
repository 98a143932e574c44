package io.jsonrpc2.stdio;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.core.type.TypeReference;
import io.jsonrpc2.JsonRpcService;
import io.jsonrpc2.client.ConnectionLostException;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * {@link StdioProcess} against a real child JVM serving {@link StdioTestServer} with each framing.
 */
@Timeout(60)
class StdioProcessTest {
  private final CountDownLatch slowStarted = new CountDownLatch(1);
  private final JsonRpcService local =
      JsonRpcService.builder()
          .method("client.answer", (params, call) -> "yes to " + params.get(0, String.class))
          .method(
              "slow.started",
              (params, call) -> {
                slowStarted.countDown();
                return null;
              })
          .build();

  private StdioProcess start(StdioFraming framing) throws Exception {
    return StdioProcess.builder(ChildProcesses.command(StdioTestServer.class, framing.name()))
        .framing(framing)
        .service(local)
        .closeGrace(java.time.Duration.ofSeconds(20))
        .start();
  }

  @ParameterizedTest
  @EnumSource(StdioFraming.class)
  void callsNotificationsAndCallsBackBothWays(StdioFraming framing) throws Exception {
    try (StdioProcess server = start(framing)) {
      assertThat(server.client().call("add", Long.class, 2, 40)).isEqualTo(42L);
      assertThat(server.client().call("echo", String.class, "héllo \"quoted\"\nnewline"))
          .isEqualTo("héllo \"quoted\"\nnewline");
      server.client().notify("note", "first");
      server.client().notify("note", "second");
      assertThat(server.client().call("notes", new TypeReference<List<String>>() {}))
          .containsExactly("first", "second");
      assertThat(server.client().call("ask", String.class, "coffee?"))
          .isEqualTo("they said: yes to coffee?");
    }
  }

  @ParameterizedTest
  @EnumSource(StdioFraming.class)
  void strayStandardOutputGoesToStandardErrorWhoseLinesReachTheLogger(StdioFraming framing)
      throws Exception {
    try (StderrCapture stderr = new StderrCapture()) {
      try (StdioProcess server = start(framing)) {
        assertThat(server.client().call("shout", String.class, "boo")).isEqualTo("shouted boo");
        assertThat(server.client().call("echo", String.class, "still fine"))
            .isEqualTo("still fine");
      }
      String logger =
          "io.jsonrpc2.stdio.StdioProcess."
              + StdioProcess.programName(List.of(ChildProcesses.java()));
      assertThat(stderr.text())
          .contains(logger + " - stray output: boo")
          .contains(logger + " - error output: boo");
    }
  }

  @ParameterizedTest
  @EnumSource(StdioFraming.class)
  void aCallInFlightWhenTheInputClosesIsAnsweredAndTheProcessExitsWithZero(StdioFraming framing)
      throws Exception {
    StdioProcess server = start(framing);
    CompletableFuture<String> slow = server.client().callAsync("slow", String.class, 300);
    assertThat(slowStarted.await(20, TimeUnit.SECONDS)).isTrue();

    server.close();

    assertThat(slow).isCompletedWithValue("slow done");
    assertThat(server.onExit().get(10, TimeUnit.SECONDS)).isZero();
    assertThat(server.isAlive()).isFalse();
    assertThat(server.connection().isClosed()).isTrue();
  }

  @ParameterizedTest
  @EnumSource(StdioFraming.class)
  void killingTheProcessFailsTheWaitingCallsAtOnce(StdioFraming framing) throws Exception {
    try (StdioProcess server = start(framing)) {
      CompletableFuture<String> slow = server.client().callAsync("slow", String.class, 600_000);
      assertThat(slowStarted.await(20, TimeUnit.SECONDS)).isTrue();

      server.process().destroyForcibly();

      assertThatThrownBy(() -> slow.get(10, TimeUnit.SECONDS))
          .isInstanceOf(ExecutionException.class)
          .hasCauseInstanceOf(ConnectionLostException.class);
      assertThat(server.onExit().get(10, TimeUnit.SECONDS)).isNotZero();
      assertThatThrownBy(() -> server.client().call("echo", String.class, "gone"))
          .isInstanceOf(ConnectionLostException.class);
    }
  }
}
