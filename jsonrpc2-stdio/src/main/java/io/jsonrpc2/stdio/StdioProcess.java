package io.jsonrpc2.stdio;

import io.jsonrpc2.JsonRpcClient;
import io.jsonrpc2.JsonRpcService;
import io.jsonrpc2.client.ConnectionLostException;
import io.jsonrpc2.connection.JsonRpcConnection;
import io.jsonrpc2.server.TransportContext;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A program started as a child process and spoken to over its standard input and output, the way an
 * editor starts a language server: one {@link JsonRpcConnection} on the process's pipes, so that
 * this side calls it through {@link #client()} and, with a local {@link Builder#service}, answers
 * its calls and notifications.
 *
 * <pre>{@code
 * try (StdioProcess server = StdioProcess.builder("my-language-server", "--stdio").start()) {
 *   String answer = server.client().call("main.echo", String.class, "hi");
 * }
 * }</pre>
 *
 * <ul>
 *   <li>Each line the process writes to standard error is one INFO entry of the logger {@code
 *       io.jsonrpc2.stdio.StdioProcess.PROGRAM}, PROGRAM being the file name of the command's
 *       program (characters other than letters, digits, {@code -} and {@code _} become {@code _}):
 *       {@code io.jsonrpc2.stdio.StdioProcess.java} for a JVM.
 *   <li>When the process exits (or closes its output), the connection closes, and the calls that
 *       wait on it fail at once with a {@link ConnectionLostException}.
 *   <li>{@link #close()} closes the process's standard input, so that it sees the end of its input;
 *       the answers it still writes are read, until it exits or the {@link Builder#closeGrace} runs
 *       out, when it is destroyed. Then the connection is closed.
 * </ul>
 *
 * <p>Thread-safe.
 */
public final class StdioProcess implements AutoCloseable {
  /** The parent of the loggers of the processes' standard error, one per program. */
  static final String STDERR_LOGGERS = "io.jsonrpc2.stdio.StdioProcess";

  private static final Logger LOG = LoggerFactory.getLogger(StdioProcess.class);
  private static final int MAX_LOG_LINE = 8192;

  private final Process process;
  private final String program;
  private final StreamMessageChannel channel;
  private final JsonRpcConnection connection;
  private final Thread stderrPump;
  private final Duration closeGrace;
  private final AtomicBoolean closing = new AtomicBoolean();

  private StdioProcess(Process process, Builder builder) {
    this.process = process;
    this.program = programName(builder.processBuilder.command());
    this.closeGrace = builder.closeGrace;
    String description = program + " (pid " + process.pid() + ")";
    this.channel =
        StreamMessageChannel.builder(process.getInputStream(), process.getOutputStream())
            .framing(builder.framing)
            .maxMessageSize(builder.maxMessageSize)
            .description(description)
            .build();
    JsonRpcConnection.Builder connect =
        JsonRpcConnection.builder(channel)
            .maxInFlight(builder.maxInFlight)
            .timeout(builder.timeout)
            .context(TransportContext.builder("stdio").build());
    if (builder.service != null) {
      connect.service(builder.service);
    }
    if (builder.cancellation != null) {
      connect.cancellation(builder.cancellation);
    }
    this.connection = connect.build();
    Logger log = LoggerFactory.getLogger(STDERR_LOGGERS + "." + program);
    this.stderrPump = new Thread(() -> pumpStderr(process.getErrorStream(), log));
    stderrPump.setName("jsonrpc2-stdio-stderr-" + process.pid());
    stderrPump.setDaemon(true);
  }

  /** A builder for the process of {@code command}: the program, then its arguments. */
  public static Builder builder(List<String> command) {
    return new Builder(new ProcessBuilder(List.copyOf(command)));
  }

  /** A builder for the process of {@code command}: the program, then its arguments. */
  public static Builder builder(String... command) {
    return builder(List.of(command));
  }

  /**
   * A builder for the process {@code processBuilder} starts (its directory and environment as set);
   * its standard input and output are always pipes.
   */
  public static Builder builder(ProcessBuilder processBuilder) {
    return new Builder(processBuilder);
  }

  /** Calls and notifications to the process. Closing it closes the connection, not the process. */
  public JsonRpcClient client() {
    return connection.peer();
  }

  /** The connection to the process. */
  public JsonRpcConnection connection() {
    return connection;
  }

  /** The process itself. */
  public Process process() {
    return process;
  }

  /** Completes with the process's exit code once it has exited. */
  public CompletableFuture<Integer> onExit() {
    return process.onExit().thenApply(Process::exitValue);
  }

  /** True while the process runs. */
  public boolean isAlive() {
    return process.isAlive();
  }

  /**
   * Closes the process's standard input and waits up to the close grace for it to exit, reading its
   * last answers meanwhile; destroys it if it has not, and closes the connection. Idempotent.
   */
  @Override
  public void close() {
    if (!closing.compareAndSet(false, true)) {
      return;
    }
    channel.closeOutput();
    try {
      if (!process.waitFor(closeGrace.toNanos(), TimeUnit.NANOSECONDS)) {
        LOG.warn("{} did not exit within {}; destroying it", channel.description(), closeGrace);
        process.destroy();
        if (!process.waitFor(2, TimeUnit.SECONDS)) {
          process.destroyForcibly();
        }
      }
      // The answers it wrote before it exited are read, and its last lines of standard error
      // logged, before close returns.
      connection.closeFuture().get(2, TimeUnit.SECONDS);
      stderrPump.join(TimeUnit.SECONDS.toMillis(2));
    } catch (ExecutionException | TimeoutException e) {
      LOG.debug("{}: its output did not end with it: {}", channel.description(), e.toString());
    } catch (InterruptedException e) {
      process.destroyForcibly();
      Thread.currentThread().interrupt();
    } finally {
      connection.close();
    }
  }

  @Override
  public String toString() {
    return "StdioProcess[" + channel.description() + "]";
  }

  private StdioProcess begin() {
    stderrPump.start();
    connection.start();
    return this;
  }

  /** Logs each line of {@code stderr}, cutting lines longer than {@link #MAX_LOG_LINE}. */
  private static void pumpStderr(InputStream stderr, Logger log) {
    StringBuilder line = new StringBuilder();
    try (Reader in = new InputStreamReader(stderr, StandardCharsets.UTF_8)) {
      char[] chunk = new char[1024];
      int read;
      while ((read = in.read(chunk)) >= 0) {
        for (int i = 0; i < read; i++) {
          char c = chunk[i];
          if (c == '\n' || line.length() >= MAX_LOG_LINE) {
            logLine(log, line);
            if (c == '\n') {
              continue;
            }
          }
          line.append(c);
        }
      }
    } catch (IOException e) {
      log.debug("reading standard error failed: {}", e.toString());
    }
    if (line.length() > 0) {
      logLine(log, line);
    }
  }

  private static void logLine(Logger log, StringBuilder line) {
    int length = line.length();
    if (length > 0 && line.charAt(length - 1) == '\r') {
      line.setLength(length - 1);
    }
    log.info("{}", line);
    line.setLength(0);
  }

  static String programName(List<String> command) {
    if (command.isEmpty()) {
      throw new IllegalArgumentException("the command is empty");
    }
    Path file = Path.of(command.get(0)).getFileName();
    String name = file == null ? command.get(0) : file.toString();
    String safe = name.replaceAll("[^A-Za-z0-9_-]", "_");
    return safe.isEmpty() ? "process" : safe;
  }

  /** Builds and starts a {@link StdioProcess}. Not thread-safe. */
  public static final class Builder {
    private final ProcessBuilder processBuilder;
    private StdioFraming framing = StdioFraming.NEWLINE;
    private int maxMessageSize = StreamMessageChannel.DEFAULT_MAX_MESSAGE_SIZE;
    private int maxInFlight = 1024;
    private @Nullable Duration timeout = Duration.ofSeconds(30);
    private Duration closeGrace = Duration.ofSeconds(5);
    private @Nullable JsonRpcService service;
    private @Nullable String cancellation;

    private Builder(ProcessBuilder processBuilder) {
      this.processBuilder = Objects.requireNonNull(processBuilder, "processBuilder");
      programName(processBuilder.command());
    }

    /** The framing the process speaks; {@link StdioFraming#NEWLINE} by default. */
    public Builder framing(StdioFraming framing) {
      this.framing = Objects.requireNonNull(framing, "framing");
      return this;
    }

    /** The largest message accepted from the process, in bytes; 8 MiB by default. */
    public Builder maxMessageSize(int bytes) {
      this.maxMessageSize = StreamMessageChannel.checkMaxMessageSize(bytes);
      return this;
    }

    /** How many of the process's calls may run here at once before reading pauses; 1,024. */
    public Builder maxInFlight(int calls) {
      if (calls < 1) {
        throw new IllegalArgumentException("maxInFlight must be positive, got " + calls);
      }
      this.maxInFlight = calls;
      return this;
    }

    /** How long calls to the process wait for their answer by default (30 s); null: for ever. */
    public Builder timeout(@Nullable Duration timeout) {
      this.timeout = timeout;
      return this;
    }

    /**
     * How long {@link StdioProcess#close()} waits for the process to exit once its input is closed,
     * before destroying it; 5 s by default.
     */
    public Builder closeGrace(Duration grace) {
      if (grace.isNegative()) {
        throw new IllegalArgumentException("closeGrace must not be negative, got " + grace);
      }
      this.closeGrace = grace;
      return this;
    }

    /**
     * The service that answers the process's calls and notifications; without one they are answered
     * -32601 Method not found.
     */
    public Builder service(JsonRpcService service) {
      this.service = Objects.requireNonNull(service, "service");
      return this;
    }

    /** The notification sent when a call to the process is cancelled or times out. */
    public Builder cancellation(String method) {
      this.cancellation = Objects.requireNonNull(method, "method");
      return this;
    }

    /**
     * Starts the process and the connection to it.
     *
     * @throws IOException when the process cannot be started
     */
    public StdioProcess start() throws IOException {
      processBuilder
          .redirectInput(ProcessBuilder.Redirect.PIPE)
          .redirectOutput(ProcessBuilder.Redirect.PIPE);
      Process process = processBuilder.start();
      return new StdioProcess(process, this).begin();
    }
  }
}
