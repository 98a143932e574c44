package io.jsonrpc2.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * The packaged command ({@code target/jsonrpc2.jar}) run as a real process, for the process tests
 * ({@code *IT}, run by failsafe after the jar is built). Every wait is bounded.
 */
final class CliProcess {
  /** The repository's root: the working directory of the commands, as in the docs. */
  static final Path ROOT =
      Path.of(System.getProperty("jsonrpc2.root", "..")).toAbsolutePath().normalize();

  static final Path JAR =
      Path.of(System.getProperty("jsonrpc2.jar", "target/jsonrpc2.jar")).toAbsolutePath();

  private static final long RUN_SECONDS = 60;

  private CliProcess() {}

  /** What a finished command did. */
  record Result(int exitCode, String out, String err) {
    List<String> outLines() {
      return out.lines().toList();
    }

    List<String> errLines() {
      return err.lines().toList();
    }

    @Override
    public String toString() {
      return "exit " + exitCode + "\n--- stdout\n" + out + "--- stderr\n" + err;
    }
  }

  /** {@code java -jar jsonrpc2.jar ARGS}, the command as users run it. */
  static List<String> command(List<String> args) {
    assertThat(JAR).as("the packaged command; run these tests with mvn verify").exists();
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    // Short-lived JVMs: start fast, and never take much memory on a shared machine.
    command.add("-XX:TieredStopAtLevel=1");
    command.add("-Xmx256m");
    command.add("-jar");
    command.add(JAR.toString());
    command.addAll(args);
    return command;
  }

  /** Runs the command in {@code directory} with {@code stdin} (may be null) and waits for it. */
  static Result run(Path directory, String stdin, List<String> args) {
    try {
      Process process = new ProcessBuilder(command(args)).directory(directory.toFile()).start();
      CompletableFuture<String> out = drain(process.getInputStream());
      CompletableFuture<String> err = drain(process.getErrorStream());
      try (var in = process.getOutputStream()) {
        if (stdin != null) {
          in.write(stdin.getBytes(StandardCharsets.UTF_8));
        }
      }
      if (!process.waitFor(RUN_SECONDS, TimeUnit.SECONDS)) {
        process.destroyForcibly();
        throw new AssertionError("jsonrpc2 " + args + " did not end within " + RUN_SECONDS + " s");
      }
      return new Result(
          process.exitValue(), out.get(10, TimeUnit.SECONDS), err.get(10, TimeUnit.SECONDS));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (Exception e) {
      throw new AssertionError(e);
    }
  }

  static Result run(String... args) {
    return run(ROOT, null, List.of(args));
  }

  // A thread of its own per stream: the reads block for as long as the process lives, and on the
  // shared pool they would starve every later drain (the pool may have a single thread).
  private static CompletableFuture<String> drain(InputStream stream) {
    CompletableFuture<String> text = new CompletableFuture<>();
    Thread reader =
        new Thread(
            () -> {
              try {
                text.complete(new String(stream.readAllBytes(), StandardCharsets.UTF_8));
              } catch (IOException e) {
                text.completeExceptionally(new UncheckedIOException(e));
              }
            },
            "drain");
    reader.setDaemon(true);
    reader.start();
    return text;
  }

  /**
   * A running {@code jsonrpc2 serve}: started, and read up to its {@code ready} line. Closing it
   * sends SIGTERM (what Ctrl-C also triggers: the shutdown hook) and waits for it to end.
   */
  static final class Server implements AutoCloseable {
    private final Process process;
    private final List<String> startup = new ArrayList<>();
    private final LinkedBlockingQueue<String> laterLines = new LinkedBlockingQueue<>();
    private final CompletableFuture<String> err;
    private final CompletableFuture<Void> outEnded = new CompletableFuture<>();

    private Server(Process process) {
      this.process = process;
      this.err = drain(process.getErrorStream());
    }

    /**
     * Starts {@code jsonrpc2 serve ARGS} in {@code directory} and waits (up to 60 s) for it to be
     * ready; fails with its output if it ends first.
     */
    static Server start(Path directory, List<String> args)
        throws IOException, InterruptedException {
      List<String> serve = new ArrayList<>();
      serve.add("serve");
      serve.addAll(args);
      Server server =
          new Server(new ProcessBuilder(command(serve)).directory(directory.toFile()).start());
      server.awaitReady();
      return server;
    }

    private void awaitReady() throws InterruptedException {
      BufferedReader out =
          new BufferedReader(
              new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
      CompletableFuture<Boolean> ready = new CompletableFuture<>();
      Thread reader =
          new Thread(
              () -> {
                try {
                  for (String line = out.readLine(); line != null; line = out.readLine()) {
                    if (ready.isDone()) {
                      laterLines.add(line);
                    } else {
                      synchronized (startup) {
                        startup.add(line);
                      }
                      if (line.startsWith("ready")) {
                        ready.complete(true);
                      }
                    }
                  }
                } catch (IOException e) {
                  // The process ended; its exit is seen below.
                }
                ready.complete(false);
                outEnded.complete(null);
              },
              "serve-stdout");
      reader.setDaemon(true);
      reader.start();
      boolean started;
      try {
        started = ready.get(60, TimeUnit.SECONDS);
      } catch (Exception e) {
        started = false;
      }
      if (!started) {
        process.destroyForcibly();
        throw new AssertionError(
            "serve did not get ready:\n" + startupLines() + "\n--- stderr\n" + stderrSoFar());
      }
    }

    private String stderrSoFar() {
      try {
        return err.get(10, TimeUnit.SECONDS);
      } catch (Exception e) {
        return "(stderr unavailable: " + e + ")";
      }
    }

    /** The lines printed up to and including {@code ready}. */
    List<String> startupLines() {
      synchronized (startup) {
        return List.copyOf(startup);
      }
    }

    /** The URLs of the {@code listening on URL} lines, in order (without a socket-type note). */
    List<String> urls() {
      return startupLines().stream()
          .filter(line -> line.startsWith("listening on "))
          .map(line -> line.substring("listening on ".length()).split(" ")[0])
          .toList();
    }

    /** The URL starting with {@code scheme}. */
    String url(String scheme) {
      return urls().stream().filter(url -> url.startsWith(scheme)).findFirst().orElseThrow();
    }

    /** Sends SIGTERM, waits for the end, and returns the exit code and the output after ready. */
    Result stop() throws InterruptedException {
      // Process.destroy() would also close our ends of its pipes, losing what it prints on the way
      // out.
      process.toHandle().destroy();
      if (!process.waitFor(30, TimeUnit.SECONDS)) {
        process.destroyForcibly();
        throw new AssertionError("serve did not stop within 30 s of SIGTERM");
      }
      try {
        outEnded.get(10, TimeUnit.SECONDS);
      } catch (Exception e) {
        throw new AssertionError("serve's stdout did not end with the process", e);
      }
      List<String> rest = new ArrayList<>();
      laterLines.drainTo(rest);
      return new Result(
          process.exitValue(),
          String.join("\n", rest) + (rest.isEmpty() ? "" : "\n"),
          stderrSoFar());
    }

    @Override
    public void close() throws InterruptedException {
      if (process.isAlive()) {
        stop();
      }
    }
  }

  static Path tempDirectory(String prefix) {
    try {
      return Files.createTempDirectory(prefix);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
