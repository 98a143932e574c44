package io.jsonrpc2.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs the sessions docs/cli.md quotes (src/test/resources/cli-session.txt) with the packaged
 * command and checks every line of their output, so the documentation shows what really happens.
 */
@Timeout(value = 3, unit = TimeUnit.MINUTES)
class DocsSessionIT {
  private static final Path SESSIONS =
      CliProcess.ROOT.resolve("jsonrpc2-cli/src/test/resources/cli-session.txt");

  @Test
  void initSession(@TempDir Path dir) throws IOException {
    new Session(dir, Map.of()).run(region("init"));
  }

  @Test
  void stdioSession() throws IOException {
    new Session(CliProcess.ROOT, Map.of()).run(region("stdio"));
  }

  @Test
  void serveAndCallSessions() throws Exception {
    List<String> serve = region("serve");
    String command = serve.get(0);
    assertThat(command).startsWith("$ bin/jsonrpc2 serve ");
    List<String> args = Shell.words(command.substring("$ bin/jsonrpc2 serve ".length()));
    // Free ports instead of the documented ones, which may be taken on this machine.
    args =
        args.stream()
            .map(a -> a.equals("8080") || a.equals("7080") ? "0" : a.replace(":5555", ":0"))
            .toList();
    try (CliProcess.Server server = CliProcess.Server.start(CliProcess.ROOT, args)) {
      Map<String, String> ports = new LinkedHashMap<>();
      ports.put(":8080", ":" + URI.create(server.url("http")).getPort());
      ports.put(":7080", ":" + URI.create(server.url("netstring")).getPort());
      ports.put(":5555", ":" + URI.create(server.url("zmq+tcp")).getPort());
      ports.put(":7081", ":" + closedPort());
      assertThat(server.startupLines())
          .isEqualTo(substitute(serve.subList(1, serve.size()), ports));

      Session session = new Session(CliProcess.ROOT, ports);
      for (String name : List.of("call", "verbose", "notify-batch", "notifications", "errors")) {
        session.run(region(name));
      }
      CliProcess.Result stopped = server.stop();
      assertThat(stopped.out()).isEqualTo("stopped\n");
    }
  }

  /** Runs "$ " lines one after the other in one directory, checking each one's output. */
  private static final class Session {
    private final Path directory;
    private final Map<String, String> ports;
    private int lastExitCode;

    Session(Path directory, Map<String, String> ports) {
      this.directory = directory;
      this.ports = ports;
    }

    void run(List<String> lines) {
      int i = 0;
      while (i < lines.size()) {
        String command = lines.get(i);
        assertThat(command).as("a session line").startsWith("$ ");
        List<String> expected = new ArrayList<>();
        for (i++; i < lines.size() && !lines.get(i).startsWith("$ "); i++) {
          expected.add(lines.get(i));
        }
        List<String> output = execute(substitute(List.of(command.substring(2)), ports).get(0));
        assertThat(Interleaving.matches(substitute(expected, ports), output))
            .as(
                "output of `%s`:\n%s\nexpected:\n%s",
                command, String.join("\n", output), String.join("\n", expected))
            .isTrue();
      }
    }

    /**
     * The output lines: stderr's and stdout's as they may interleave (kept apart here, see
     * matches).
     */
    private List<String> execute(String command) {
      if (command.equals("echo $?")) {
        return List.of(Interleaving.stdout(String.valueOf(lastExitCode)));
      }
      String stdin = null;
      String line = command;
      if (line.startsWith("echo ") && line.contains(" | ")) {
        int pipe = line.indexOf(" | ");
        stdin = Shell.words(line.substring("echo ".length(), pipe)).get(0) + "\n";
        line = line.substring(pipe + 3);
      }
      List<String> words = Shell.words(line);
      assertThat(words.get(0)).isEqualTo("bin/jsonrpc2");
      CliProcess.Result result = CliProcess.run(directory, stdin, words.subList(1, words.size()));
      lastExitCode = result.exitCode();
      return Interleaving.tagged(result);
    }
  }

  private static List<String> region(String name) throws IOException {
    List<String> lines = Files.readAllLines(SESSIONS);
    int begin = lines.indexOf("# docs:begin " + name);
    int end = lines.indexOf("# docs:end " + name);
    assertThat(begin).as("region " + name).isNotNegative();
    assertThat(end).as("end of region " + name).isGreaterThan(begin);
    return lines.subList(begin + 1, end);
  }

  private static List<String> substitute(List<String> lines, Map<String, String> ports) {
    return lines.stream()
        .map(
            line -> {
              String result = line;
              for (Map.Entry<String, String> port : ports.entrySet()) {
                result = result.replace(port.getKey(), port.getValue());
              }
              return result;
            })
        .toList();
  }

  private static int closedPort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    }
  }
}
