package io.jsonrpc2.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.jsonrpc2.testing.TestCertificate;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@code serve} and {@code call} as real processes of the packaged jar, over HTTP, netstrings and
 * ZeroMQ on 127.0.0.1: what they print and how they exit.
 */
@Timeout(value = 3, unit = TimeUnit.MINUTES)
class ServeAndCallIT {
  private static final String FIXTURES = "jsonrpc2-cli/target/test-classes";
  private static CliProcess.Server server;

  @BeforeAll
  static void serve() throws Exception {
    server =
        CliProcess.Server.start(
            CliProcess.ROOT,
            List.of(
                "--http",
                "0",
                "--netstring",
                "0",
                "--zmq",
                "tcp://127.0.0.1:0",
                "--path",
                "/rpc",
                "--classpath",
                FIXTURES,
                "io.jsonrpc2.cli.fixtures.Calculator",
                "io.jsonrpc2.cli.fixtures.StaticOnly:text"));
  }

  @AfterAll
  static void stopsCleanlyOnSigterm() throws Exception {
    CliProcess.Result stopped = server.stop();
    assertThat(stopped.out()).as(stopped.toString()).isEqualTo("stopped\n");
    assertThat(stopped.exitCode())
        .as(stopped.toString())
        .isEqualTo(143); // 128 + SIGTERM, after the hook ran
  }

  @Test
  void printsWhatItServesAndWhereWithTheRealPorts() {
    List<String> lines = server.startupLines();
    assertThat(lines.get(0))
        .isEqualTo(
            "serving add, describe, echo, echoAll, fail, greeting, header, recall, remember, sleep, subtract, text.shout");
    assertThat(lines.subList(1, lines.size()))
        .hasSize(4)
        .satisfiesExactly(
            http -> assertThat(http).matches("listening on http://127\\.0\\.0\\.1:[1-9][0-9]*/rpc"),
            netstring ->
                assertThat(netstring)
                    .matches("listening on netstring://127\\.0\\.0\\.1:[1-9][0-9]*"),
            zmq ->
                assertThat(zmq)
                    .matches("listening on zmq\\+tcp://127\\.0\\.0\\.1:[1-9][0-9]* \\(REP\\)"),
            ready -> assertThat(ready).isEqualTo("ready; Ctrl-C stops"));
  }

  @ParameterizedTest
  @ValueSource(strings = {"http", "netstring", "zmq"})
  void callPrintsTheResult(String scheme) {
    CliProcess.Result run = CliProcess.run("call", server.url(scheme), "add", "2", "3");
    assertThat(run.exitCode()).as(run.toString()).isZero();
    assertThat(run.out()).isEqualTo("5\n");
    assertThat(run.err()).isEmpty();
  }

  @ParameterizedTest
  @ValueSource(strings = {"http", "netstring", "zmq"})
  void namedParamsAndStaticMethods(String scheme) {
    CliProcess.Result named =
        CliProcess.run(
            "call",
            server.url(scheme),
            "subtract",
            "--named",
            "subtrahend=23",
            "--named",
            "minuend=42");
    assertThat(named.out()).as(named.toString()).isEqualTo("19\n");
    CliProcess.Result shout = CliProcess.run("call", server.url(scheme), "text.shout", "meow");
    assertThat(shout.out()).as(shout.toString()).isEqualTo("\"MEOW!\"\n");
  }

  @ParameterizedTest
  @ValueSource(strings = {"http", "netstring", "zmq"})
  void anErrorResponseExitsWithOne(String scheme) {
    CliProcess.Result run = CliProcess.run("call", server.url(scheme), "fail", "no reason");
    assertThat(run.exitCode()).as(run.toString()).isEqualTo(ExitCode.ERROR_RESPONSE);
    assertThat(run.out()).isEmpty();
    assertThat(run.err()).isEqualTo("error -32001: Refused\ndata: \"no reason\"\n");
  }

  @ParameterizedTest
  @ValueSource(strings = {"http", "netstring", "zmq"})
  void verbosePrintsTheWireOnStderr(String scheme) {
    CliProcess.Result run =
        CliProcess.run("call", "--verbose", server.url(scheme), "greeting", "Mittens");
    assertThat(run.exitCode()).as(run.toString()).isZero();
    assertThat(run.out()).isEqualTo("\"Hello, Mittens!\"\n");
    assertThat(run.errLines())
        .containsExactly(
            "--> {\"jsonrpc\":\"2.0\",\"method\":\"greeting\",\"params\":[\"Mittens\"],\"id\":1}",
            "<-- {\"jsonrpc\":\"2.0\",\"result\":\"Hello, Mittens!\",\"id\":1}");
  }

  @ParameterizedTest
  @ValueSource(strings = {"http", "netstring", "zmq"})
  void aNotificationIsDeliveredAndPrintsNothing(String scheme) {
    String token = scheme + "-" + System.nanoTime();
    CliProcess.Result notify =
        CliProcess.run("call", "--notify", server.url(scheme), "remember", token);
    assertThat(notify.exitCode()).as(notify.toString()).isZero();
    assertThat(notify.out()).isEmpty();
    assertThat(notify.err()).isEmpty();
    // recall waits (bounded) for the next remembered value, so the order of arrival is no race.
    CliProcess.Result recall = CliProcess.run("call", server.url(scheme), "recall");
    assertThat(recall.out()).as(recall.toString()).isEqualTo("\"" + token + "\"\n");
  }

  @ParameterizedTest
  @ValueSource(strings = {"http", "netstring", "zmq"})
  void aBatchFromStdinGetsEveryResponse(String scheme) {
    String batch =
        "[{\"jsonrpc\":\"2.0\",\"method\":\"add\",\"params\":[1,2],\"id\":1},"
            + "{\"jsonrpc\":\"2.0\",\"method\":\"echo\",\"params\":[\"unanswered\"]},"
            + "{\"jsonrpc\":\"2.0\",\"method\":\"echoAll\",\"params\":[[\"a\",2]],\"id\":\"two\"}]\n";
    CliProcess.Result run =
        CliProcess.run(CliProcess.ROOT, batch, List.of("call", server.url(scheme), "--batch", "-"));
    assertThat(run.exitCode()).as(run.toString()).isZero();
    assertThat(run.out())
        .isEqualTo(
            "[{\"jsonrpc\":\"2.0\",\"result\":3,\"id\":1},{\"jsonrpc\":\"2.0\",\"result\":[\"a\",2],\"id\":\"two\"}]\n");
  }

  @Test
  void headersAndBasicCredentialsReachTheServer() {
    String url = server.url("http");
    CliProcess.Result header =
        CliProcess.run("call", url, "header", "X-Pet", "--header", "X-Pet: Mittens");
    assertThat(header.out()).as(header.toString()).isEqualTo("\"Mittens\"\n");
    CliProcess.Result user =
        CliProcess.run("call", url, "header", "Authorization", "--user", "user:pass");
    assertThat(user.out()).as(user.toString()).isEqualTo("\"Basic dXNlcjpwYXNz\"\n");
  }

  @Test
  void aRouterSocketServesToo() throws Exception {
    try (CliProcess.Server router =
        CliProcess.Server.start(
            CliProcess.ROOT,
            List.of(
                "--zmq",
                "tcp://127.0.0.1:0",
                "--zmq-router",
                "--classpath",
                FIXTURES,
                "io.jsonrpc2.cli.fixtures.Calculator"))) {
      assertThat(router.startupLines())
          .anyMatch(
              line -> line.matches("listening on zmq\\+tcp://127\\.0\\.0\\.1:\\d+ \\(ROUTER\\)"));
      CliProcess.Result run = CliProcess.run("call", router.url("zmq"), "add", "20", "22");
      assertThat(run.out()).as(run.toString()).isEqualTo("42\n");
    }
  }

  @Test
  void tlsOnHttpAndNetstrings(@org.junit.jupiter.api.io.TempDir Path dir) throws Exception {
    TestCertificate.Pem pem = TestCertificate.selfSigned(dir, "localhost");
    try (CliProcess.Server tls =
        CliProcess.Server.start(
            CliProcess.ROOT,
            List.of(
                "--http",
                "0",
                "--netstring",
                "0",
                "--tls-cert",
                pem.certificate().toString(),
                "--tls-key",
                pem.privateKey().toString(),
                "--classpath",
                FIXTURES,
                "io.jsonrpc2.cli.fixtures.Calculator"))) {
      String https = tls.url("https");
      String netstrings = tls.url("netstring+tls");
      assertThat(CliProcess.run("call", "--insecure", https, "add", "1", "1").out())
          .isEqualTo("2\n");
      assertThat(CliProcess.run("call", "--insecure", netstrings, "add", "2", "2").out())
          .isEqualTo("4\n");
      // Without --insecure the self-made certificate is not trusted: no valid reply.
      CliProcess.Result untrusted = CliProcess.run("call", netstrings, "add", "3", "3");
      assertThat(untrusted.exitCode()).as(untrusted.toString()).isEqualTo(ExitCode.TRANSPORT);
      assertThat(untrusted.err()).startsWith("jsonrpc2: no reply from " + netstrings + ": ");
      assertThat(CliProcess.run("call", https, "add", "3", "3").exitCode())
          .isEqualTo(ExitCode.TRANSPORT);
    }
  }

  @Test
  void callingNothingExitsWithThree() throws IOException {
    int port = closedPort();
    CliProcess.Result run =
        CliProcess.run("call", "http://127.0.0.1:" + port + "/", "add", "1", "2");
    assertThat(run.exitCode()).as(run.toString()).isEqualTo(ExitCode.TRANSPORT);
    assertThat(run.err()).startsWith("jsonrpc2: no reply from http://127.0.0.1:" + port + "/: ");
    assertThat(run.out()).isEmpty();
  }

  @Test
  void serveRefusesWhatItCannotServe() {
    assertServeFails(
        List.of("--http", "0", "--classpath", FIXTURES, "io.jsonrpc2.cli.fixtures.Missing"),
        "jsonrpc2: class io.jsonrpc2.cli.fixtures.Missing not found on --classpath " + FIXTURES);
    assertServeFails(
        List.of("--http", "0", "--classpath", FIXTURES, "io.jsonrpc2.cli.fixtures.NoPublicMethods"),
        "jsonrpc2: cannot serve: io.jsonrpc2.cli.fixtures.NoPublicMethods declares no public method");
    assertServeFails(
        List.of("--http", "0", "--classpath", FIXTURES, "io.jsonrpc2.cli.fixtures.NeedsArguments"),
        "jsonrpc2: cannot serve: io.jsonrpc2.cli.fixtures.NeedsArguments has instance methods, so it needs a public no-argument constructor");
    assertServeFails(
        List.of("--classpath", FIXTURES, "io.jsonrpc2.cli.fixtures.Calculator"),
        "jsonrpc2: say where to listen: --http PORT, --netstring PORT, --zmq tcp://HOST:PORT or --stdio");
    assertServeFails(
        List.of("--http", "0", "--classpath", "no/such/dir", "io.jsonrpc2.cli.fixtures.Calculator"),
        "jsonrpc2: the --classpath entry no/such/dir does not exist");
  }

  @Test
  void aPortInUseIsAClearError() throws IOException {
    try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      int port = taken.getLocalPort();
      for (String listener : List.of("--http", "--netstring")) {
        CliProcess.Result run =
            CliProcess.run(
                CliProcess.ROOT,
                null,
                List.of(
                    "serve",
                    listener,
                    String.valueOf(port),
                    "--classpath",
                    FIXTURES,
                    "io.jsonrpc2.cli.fixtures.Calculator"));
        assertThat(run.exitCode()).as(run.toString()).isEqualTo(ExitCode.USAGE);
        assertThat(run.err()).contains("127.0.0.1:" + port + " (the port is in use)");
      }
      CliProcess.Result zmq =
          CliProcess.run(
              CliProcess.ROOT,
              null,
              List.of(
                  "serve",
                  "--zmq",
                  "tcp://127.0.0.1:" + port,
                  "--classpath",
                  FIXTURES,
                  "io.jsonrpc2.cli.fixtures.Calculator"));
      assertThat(zmq.exitCode()).as(zmq.toString()).isEqualTo(ExitCode.USAGE);
      assertThat(zmq.err()).startsWith("jsonrpc2: cannot serve ZeroMQ on tcp://127.0.0.1:" + port);
    }
  }

  private static void assertServeFails(List<String> args, String message) {
    List<String> serve = new java.util.ArrayList<>(List.of("serve"));
    serve.addAll(args);
    CliProcess.Result run = CliProcess.run(CliProcess.ROOT, null, serve);
    assertThat(run.exitCode()).as(run.toString()).isEqualTo(ExitCode.USAGE);
    assertThat(run.err()).startsWith(message);
    assertThat(run.out()).doesNotContain("listening");
  }

  private static int closedPort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    }
  }
}
