package io.jsonrpc2.stdio;

import static org.assertj.core.api.Assertions.assertThat;

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

/**
 * A foreign peer: Python's standard library starts {@link StdioTestServer} and speaks both framings
 * to it by hand, bytes it writes and reads itself.
 */
@Timeout(90)
class PythonPeerTest {
  private static final String SCRIPT =
      """
      import json, subprocess, sys

      server = sys.argv[1:]

      def expect(condition, what):
          if not condition:
              print("python peer: FAILED: " + what, flush=True)
              sys.exit(1)

      def start(framing):
          return subprocess.Popen(server + [framing], stdin=subprocess.PIPE, stdout=subprocess.PIPE)

      # One message per line.
      p = start("NEWLINE")
      p.stdin.write(b'{"jsonrpc":"2.0","method":"add","params":[2,3],"id":1}\\n')
      p.stdin.flush()
      reply = json.loads(p.stdout.readline())
      expect(reply == {"jsonrpc": "2.0", "result": 5, "id": 1}, "add: %r" % reply)
      p.stdin.write(b'\\n{"jsonrpc":"2.0","method":"note","params":["py"]}\\r\\n\\r\\n'
                    b'{"jsonrpc":"2.0","method":"notes","id":"n"}\\n')
      p.stdin.flush()
      reply = json.loads(p.stdout.readline())
      expect(reply["id"] == "n" and reply["result"] == ["py"], "notes: %r" % reply)
      p.stdin.write(b'{not json\\n')
      p.stdin.flush()
      reply = json.loads(p.stdout.readline())
      expect(reply["id"] is None and reply["error"]["code"] == -32700, "parse error: %r" % reply)
      p.stdin.close()
      expect(p.stdout.read() == b"", "nothing after the end of input")
      expect(p.wait(timeout=30) == 0, "exit status %r" % p.returncode)

      # Content-Length headers, as a language client writes them.
      p = start("CONTENT_LENGTH")

      def send(message):
          body = json.dumps(message).encode("utf-8")
          p.stdin.write(b"Content-Length: %d\\r\\n" % len(body)
                        + b"Content-Type: application/vscode-jsonrpc; charset=utf-8\\r\\n\\r\\n"
                        + body)
          p.stdin.flush()

      def receive():
          length = None
          while True:
              line = p.stdout.readline()
              expect(line.endswith(b"\\r\\n"), "a header line: %r" % line)
              if line == b"\\r\\n":
                  break
              name, value = line.decode("ascii").split(":", 1)
              if name.strip().lower() == "content-length":
                  length = int(value.strip())
          expect(length is not None, "a Content-Length")
          return json.loads(p.stdout.read(length).decode("utf-8"))

      send({"jsonrpc": "2.0", "method": "echo", "params": ["h\\u00e9llo"], "id": 7})
      reply = receive()
      expect(reply == {"jsonrpc": "2.0", "result": "h\\u00e9llo", "id": 7}, "echo: %r" % reply)
      send([{"jsonrpc": "2.0", "method": "add", "params": [1, 1], "id": 8},
            {"jsonrpc": "2.0", "method": "add", "params": {"a": 2, "b": 2}, "id": 9}])
      reply = receive()
      expect(sorted(r["result"] for r in reply) == [2, 4], "batch: %r" % reply)
      p.stdin.write(b"Content-Length: nine\\r\\n\\r\\n")
      p.stdin.flush()
      reply = receive()
      expect(reply["id"] is None and reply["error"]["code"] == -32700
             and "Content-Length" in reply["error"]["message"], "bad length: %r" % reply)
      expect(p.stdout.read() == b"", "the server closed its output")
      expect(p.wait(timeout=30) != 0, "a failed exit after a framing violation")
      print("python peer: ok", flush=True)
      """;

  @Test
  void pythonDrivesTheServerInBothFramings(@TempDir Path dir) throws Exception {
    List<String> command = new ArrayList<>(List.of("python3", "-c", SCRIPT));
    command.addAll(ChildProcesses.command(StdioTestServer.class));
    File output = dir.resolve("python.out").toFile();
    Process python =
        new ProcessBuilder(command)
            .redirectErrorStream(true)
            .redirectOutput(output)
            .redirectInput(ProcessBuilder.Redirect.PIPE)
            .start();
    boolean exited = python.waitFor(80, TimeUnit.SECONDS);
    if (!exited) {
      python.descendants().forEach(ProcessHandle::destroyForcibly);
      python.destroyForcibly();
    }
    String said = Files.readString(output.toPath(), StandardCharsets.UTF_8);
    assertThat(exited).as("python finished in time; it said:%n%s", said).isTrue();
    assertThat(python.exitValue()).as("python's exit status; it said:%n%s", said).isZero();
    assertThat(said).contains("python peer: ok");
  }
}
