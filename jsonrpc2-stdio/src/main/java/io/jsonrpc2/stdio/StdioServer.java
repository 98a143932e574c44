package io.jsonrpc2.stdio;

import io.jsonrpc2.CallContext;
import io.jsonrpc2.JsonRpcService;
import io.jsonrpc2.connection.JsonRpcConnection;
import io.jsonrpc2.server.TransportContext;
import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.ExecutionException;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Serves a {@link JsonRpcService} on standard input and output (or on given streams), the way a
 * language server or an MCP tool runs: one {@link JsonRpcConnection} over a {@link
 * StreamMessageChannel}, so calls go both ways and a method reaches its caller through {@link
 * CallContext#peer()}.
 *
 * <pre>{@code
 * public static void main(String[] args) throws IOException {
 *   StdioServer.builder(service).framing(StdioFraming.CONTENT_LENGTH).build().serve();
 * }
 * }</pre>
 *
 * <p>{@link #serve()} blocks until the input ends, then lets the calls in flight finish (up to
 * {@link Builder#shutdownGrace}), writes their answers, closes the streams and returns. While it
 * serves on the real standard output, {@code System.out} is replaced by {@code System.err}, so a
 * stray {@code System.out.println} goes to standard error instead of corrupting the protocol; it is
 * put back when {@code serve} returns. Logs belong on standard error too (slf4j-simple writes there
 * by default).
 */
public final class StdioServer {
  private static final Logger LOG = LoggerFactory.getLogger(StdioServer.class);

  private final JsonRpcService service;
  private final StdioFraming framing;
  private final int maxMessageSize;
  private final int maxInFlight;
  private final Duration shutdownGrace;
  private final @Nullable InputStream in;
  private final @Nullable OutputStream out;

  private StdioServer(Builder builder) {
    this.service = builder.service;
    this.framing = builder.framing;
    this.maxMessageSize = builder.maxMessageSize;
    this.maxInFlight = builder.maxInFlight;
    this.shutdownGrace = builder.shutdownGrace;
    this.in = builder.in;
    this.out = builder.out;
  }

  /** A builder for a server of {@code service}. */
  public static Builder builder(JsonRpcService service) {
    return new Builder(service);
  }

  /**
   * Serves until the end of the input, then until the calls in flight have answered (or the
   * shutdown grace has run out), and closes the streams.
   *
   * @throws StdioFramingException when the peer broke the framing (it was answered first)
   * @throws IOException when reading or writing failed
   * @throws InterruptedIOException when the thread was interrupted; the connection is closed
   */
  public void serve() throws IOException {
    if (in != null && out != null) {
      serve(in, out);
      return;
    }
    PrintStream stdout = System.out;
    System.setOut(System.err);
    try {
      serve(System.in, new CheckedOutput(stdout));
    } finally {
      System.setOut(stdout);
    }
  }

  private void serve(InputStream input, OutputStream output) throws IOException {
    JsonRpcConnection[] connection = new JsonRpcConnection[1];
    StreamMessageChannel channel =
        StreamMessageChannel.builder(input, output)
            .framing(framing)
            .maxMessageSize(maxMessageSize)
            .description("stdio")
            .onEndOfInput(() -> connection[0].shutdown(shutdownGrace))
            .build();
    connection[0] =
        JsonRpcConnection.builder(channel)
            .service(service)
            .maxInFlight(maxInFlight)
            .context(TransportContext.builder("stdio").build())
            .build();
    LOG.debug("Serving JSON-RPC on stdio, {} framing", framing);
    connection[0].start();
    try {
      connection[0].closeFuture().get();
    } catch (InterruptedException e) {
      connection[0].close();
      Thread.currentThread().interrupt();
      throw new InterruptedIOException("serving stdio was interrupted");
    } catch (ExecutionException e) {
      throw new IllegalStateException("a close future never fails", e);
    }
    Throwable cause = channel.closeCause();
    if (cause instanceof IOException failed) {
      throw failed;
    }
    if (cause != null) {
      throw new IOException("serving stdio failed: " + cause, cause);
    }
  }

  /**
   * Standard output as a stream whose failures are seen: a {@link PrintStream} keeps them to
   * itself.
   */
  private static final class CheckedOutput extends OutputStream {
    private final PrintStream target;

    CheckedOutput(PrintStream target) {
      this.target = target;
    }

    @Override
    public void write(int b) throws IOException {
      target.write(b);
    }

    @Override
    public void write(byte[] bytes, int offset, int length) throws IOException {
      target.write(bytes, offset, length);
    }

    @Override
    public void flush() throws IOException {
      target.flush();
      if (target.checkError()) {
        throw new IOException("standard output is closed");
      }
    }

    @Override
    public void close() {
      target.close();
    }
  }

  /** Builds a {@link StdioServer}. Not thread-safe. */
  public static final class Builder {
    private final JsonRpcService service;
    private StdioFraming framing = StdioFraming.NEWLINE;
    private int maxMessageSize = StreamMessageChannel.DEFAULT_MAX_MESSAGE_SIZE;
    private int maxInFlight = 1024;
    private Duration shutdownGrace = Duration.ofSeconds(30);
    private @Nullable InputStream in;
    private @Nullable OutputStream out;

    private Builder(JsonRpcService service) {
      this.service = Objects.requireNonNull(service, "service");
    }

    /** The framing of both directions; {@link StdioFraming#NEWLINE} by default. */
    public Builder framing(StdioFraming framing) {
      this.framing = Objects.requireNonNull(framing, "framing");
      return this;
    }

    /** The largest inbound message, in bytes; 8 MiB by default. */
    public Builder maxMessageSize(int bytes) {
      this.maxMessageSize = StreamMessageChannel.checkMaxMessageSize(bytes);
      return this;
    }

    /** How many of the peer's calls may run at once before reading pauses; default 1,024. */
    public Builder maxInFlight(int calls) {
      if (calls < 1) {
        throw new IllegalArgumentException("maxInFlight must be positive, got " + calls);
      }
      this.maxInFlight = calls;
      return this;
    }

    /**
     * How long the calls in flight at the end of the input may take to answer before they are
     * cancelled; 30 s by default.
     */
    public Builder shutdownGrace(Duration grace) {
      if (grace.isNegative()) {
        throw new IllegalArgumentException("shutdownGrace must not be negative, got " + grace);
      }
      this.shutdownGrace = grace;
      return this;
    }

    /**
     * Serves on these streams instead of standard input and output, which are then left alone
     * ({@code System.out} included); the server owns and closes them.
     */
    public Builder streams(InputStream in, OutputStream out) {
      this.in = Objects.requireNonNull(in, "in");
      this.out = Objects.requireNonNull(out, "out");
      return this;
    }

    /** The server; {@link StdioServer#serve()} runs it. */
    public StdioServer build() {
      return new StdioServer(this);
    }
  }
}
