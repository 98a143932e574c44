package io.jsonrpc2.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.jsonrpc2.JsonRpcService;
import io.jsonrpc2.SubscriptionOptions;
import io.jsonrpc2.examples.netstring.Example;
import io.jsonrpc2.examples.netstring.ExampleServer;
import io.jsonrpc2.netty.http.JsonRpcHttpServer;
import io.jsonrpc2.netty.netstring.NetstringServer;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * {@code jsonrpc2 call} against the example server over netstrings and WebSocket: the server's
 * notifications are printed as they come, before the result, and {@code --follow} prints a
 * subscription to its end.
 */
@Timeout(30)
class CallNotificationsTest {
  private static NetstringServer server;
  private static JsonRpcHttpServer webServer;
  private static String url;

  @BeforeAll
  static void start() {
    server = ExampleServer.start("127.0.0.1", 0);
    url = "netstring://127.0.0.1:" + server.port();
    webServer =
        JsonRpcHttpServer.builder(
                JsonRpcService.builder()
                    .handler("main", new Example())
                    .subscriptions(SubscriptionOptions.defaults())
                    .build())
            .host("127.0.0.1")
            .port(0)
            .start();
  }

  @AfterAll
  static void stop() {
    server.close();
    webServer.close();
  }

  @Test
  void overAWebSocketTheNotificationsArePrintedAndASubscriptionFollowed() {
    String ws = "ws://127.0.0.1:" + webServer.port() + "/";
    CliRun countdown = CliRun.of("call", ws, "main.countdown", "1");
    assertThat(countdown.exitCode()).as(countdown.toString()).isZero();
    assertThat(countdown.out().lines().toList())
        .containsExactly(
            "{\"jsonrpc\":\"2.0\",\"method\":\"main.tick\",\"params\":[0]}", "\"done\"");

    CliRun ticks = CliRun.of("call", ws, "main.ticks", "2", "5", "--follow");
    assertThat(ticks.exitCode()).as(ticks.toString()).isZero();
    assertThat(ticks.out().lines().toList()).hasSize(4);
  }

  @Test
  void notificationsArrivingWhileTheCallWaitsArePrintedBeforeTheResult() {
    CliRun run = CliRun.of("call", url, "main.countdown", "3");

    assertThat(run.exitCode()).as(run.toString()).isZero();
    assertThat(run.out().lines().toList())
        .containsExactly(
            "{\"jsonrpc\":\"2.0\",\"method\":\"main.tick\",\"params\":[2]}",
            "{\"jsonrpc\":\"2.0\",\"method\":\"main.tick\",\"params\":[1]}",
            "{\"jsonrpc\":\"2.0\",\"method\":\"main.tick\",\"params\":[0]}",
            "\"done\"");
  }

  @Test
  void followPrintsASubscriptionUntilItEnds() {
    CliRun run = CliRun.of("call", url, "main.ticks", "3", "5", "--follow");

    assertThat(run.exitCode()).as(run.toString()).isZero();
    List<String> lines = run.out().lines().toList();
    assertThat(lines).hasSize(5);
    String id = lines.get(0);
    assertThat(id).startsWith("\"0x");
    for (int tick = 0; tick < 3; tick++) {
      assertThat(lines.get(1 + tick))
          .isEqualTo(
              "{\"jsonrpc\":\"2.0\",\"method\":\"rpc.subscription\",\"params\":{\"subscription\":"
                  + id
                  + ",\"result\":"
                  + tick
                  + "}}");
    }
    assertThat(lines.get(4)).contains("\"complete\":true");
  }

  @Test
  void followNeedsAConnectionAndACall() {
    CliRun overHttp = CliRun.of("call", "http://127.0.0.1:1/", "main.ticks", "3", "5", "--follow");
    assertThat(overHttp.exitCode()).as(overHttp.toString()).isEqualTo(ExitCode.USAGE);
    assertThat(overHttp.err()).contains("--follow needs a connection");

    CliRun withNotify = CliRun.of("call", url, "main.echo", "x", "--notify", "--follow");
    assertThat(withNotify.exitCode()).as(withNotify.toString()).isEqualTo(ExitCode.USAGE);
  }
}
