package io.jsonrpc2.stdio;

import io.jsonrpc2.client.ConnectionLostException;
import io.jsonrpc2.connection.MessageChannel;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.ReentrantLock;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A {@link MessageChannel} over an {@link InputStream} and an {@link OutputStream} with a {@link
 * StdioFraming}: standard input and output, or the pipes of a child process.
 *
 * <ul>
 *   <li><b>Reading.</b> One daemon thread, {@code jsonrpc2-stdio-reader}, reads frames and delivers
 *       them in order. {@link #pauseReading} makes it wait before it reads the next frame. After a
 *       message, when the input has no more bytes at hand ({@code available() == 0}) and before any
 *       read that may block, it calls {@link Listener#onReadComplete}, so that the calls of a burst
 *       are handed off together.
 *   <li><b>Writing.</b> {@link #send} queues the message and returns; one daemon thread, {@code
 *       jsonrpc2-stdio-writer}, frames and writes what was sent, in the order of the {@code send}
 *       calls, flushing once per batch, so no caller (the reader above all) ever waits for a peer
 *       that reads slowly. The future completes once the message is written, and fails with a
 *       {@link ConnectionLostException} once the output is closed. While more than 64 KiB wait,
 *       {@link #isWritable} is false, so that subscriptions and broadcasts hold their items in
 *       their bounded buffers. A message the framing cannot carry fails with an {@link
 *       IllegalArgumentException}, and nothing is written.
 *   <li><b>Limits.</b> A message over {@code maxMessageSize}, a bad header, a bad or missing {@code
 *       Content-Length}, or the input ending inside a message is a framing violation: the peer is
 *       sent a JSON-RPC error object with id null saying what was wrong, and the channel closes
 *       with a {@link StdioFramingException}. No more than the limit (and 8 KiB of headers) is ever
 *       buffered.
 *   <li><b>End.</b> The end of the input closes the channel ({@link Listener#onClosed} with null),
 *       unless the builder was given {@link Builder#onEndOfInput}, which then decides (the output
 *       stays open until {@link #close}). A failed read or write closes it with the {@code
 *       IOException}. {@link #close} closes both streams, once what was sent is written; {@link
 *       #closeOutput} closes the output only, so that the peer sees the end of its input.
 * </ul>
 *
 * <p>A peer that does not read holds the writer thread (what it was sent waits, counted by {@link
 * #isWritable}); closing the output waits for what was sent to be written. Thread-safe.
 */
public final class StreamMessageChannel implements MessageChannel {
  private static final Logger LOG = LoggerFactory.getLogger(StreamMessageChannel.class);

  /** Bytes waiting for the writer past which the channel says it is not writable: 64 KiB. */
  static final long HIGH_WATER_BYTES = 64 * 1024;

  /** A message sent, waiting for the writer. */
  private static final class Outgoing {
    final byte[] bytes;
    final CompletableFuture<Void> written = new CompletableFuture<>();

    Outgoing(byte[] bytes) {
      this.bytes = bytes;
    }
  }

  /** The default {@link Builder#maxMessageSize}: 8 MiB. */
  public static final int DEFAULT_MAX_MESSAGE_SIZE = 8 * 1024 * 1024;

  private final InputStream in;
  private final OutputStream out;
  private final StdioFraming framing;
  private final int maxMessageSize;
  private final String description;
  private final @Nullable Runnable onEndOfInput;

  private final Object writeLock = new Object();
  private final Object pauseLock = new Object();
  // Held while the listener is called: onClosed waits for the onMessage in progress.
  private final ReentrantLock delivery = new ReentrantLock();
  private final AtomicBoolean started = new AtomicBoolean();
  private final AtomicBoolean closing = new AtomicBoolean();
  private final AtomicBoolean closeReported = new AtomicBoolean();

  private volatile @Nullable Listener listener;
  private volatile @Nullable Thread reader;
  private volatile boolean closed;
  private volatile @Nullable Throwable failure;
  private boolean outputClosed; // guarded by writeLock
  private final ArrayDeque<Outgoing> outgoing = new ArrayDeque<>(); // guarded by writeLock
  private long queuedBytes; // sent and not written yet; guarded by writeLock
  private boolean unwritable; // isWritable() said false; guarded by writeLock
  private boolean writing; // the writer is writing a batch; guarded by writeLock
  private @Nullable Thread writer; // started by the first send; guarded by writeLock
  private boolean paused; // guarded by pauseLock
  private boolean readCompletePending; // the reader's own

  private StreamMessageChannel(Builder builder) {
    this.in = builder.in;
    this.out = new BufferedOutputStream(builder.out);
    this.framing = builder.framing;
    this.maxMessageSize = builder.maxMessageSize;
    this.description = builder.description;
    this.onEndOfInput = builder.onEndOfInput;
  }

  /** A builder for a channel that reads {@code in} and writes {@code out}; it owns both. */
  public static Builder builder(InputStream in, OutputStream out) {
    return new Builder(in, out);
  }

  /** The framing of both directions. */
  public StdioFraming framing() {
    return framing;
  }

  /**
   * Starts the reader thread.
   *
   * @throws IllegalStateException when started already
   */
  @Override
  public void start(Listener listener) {
    Objects.requireNonNull(listener, "listener");
    if (!started.compareAndSet(false, true)) {
      throw new IllegalStateException("the channel to " + description + " started already");
    }
    this.listener = listener;
    if (closed) {
      reportClosed();
      return;
    }
    Thread thread = new Thread(this::read, "jsonrpc2-stdio-reader");
    thread.setDaemon(true);
    reader = thread;
    thread.start();
  }

  @Override
  public CompletableFuture<Void> send(byte[] message) {
    try {
      framing.checkSendable(message);
    } catch (IllegalArgumentException e) {
      return CompletableFuture.failedFuture(e);
    }
    Outgoing sent = new Outgoing(message);
    synchronized (writeLock) {
      if (outputClosed) {
        return CompletableFuture.failedFuture(
            new ConnectionLostException("the connection to " + description + " is closed", null));
      }
      outgoing.add(sent);
      queuedBytes += message.length;
      if (writer == null) {
        Thread thread = new Thread(this::write, "jsonrpc2-stdio-writer");
        thread.setDaemon(true);
        writer = thread;
        thread.start();
      }
      writeLock.notifyAll();
    }
    return sent.written;
  }

  /**
   * False while more than {@value #HIGH_WATER_BYTES} bytes wait for the writer (the peer reads
   * slowly); {@link Listener#onWritable} follows once fewer than half of that wait.
   */
  @Override
  public boolean isWritable() {
    synchronized (writeLock) {
      if (queuedBytes < HIGH_WATER_BYTES) {
        return true;
      }
      unwritable = true;
      return false;
    }
  }

  /** The writer thread: writes what was sent, in order, a flush per batch, until closed. */
  private void write() {
    while (true) {
      List<Outgoing> batch;
      synchronized (writeLock) {
        try {
          while (outgoing.isEmpty() && !outputClosed) {
            writeLock.wait();
          }
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          return;
        }
        if (outgoing.isEmpty()) {
          return; // closed, and everything sent was written
        }
        batch = new ArrayList<>(outgoing);
        outgoing.clear();
        writing = true;
      }
      IOException failed = null;
      long bytes = 0;
      try {
        for (Outgoing message : batch) {
          framing.write(out, message.bytes);
          bytes += message.bytes.length;
        }
        out.flush();
      } catch (IOException e) {
        failed = e;
      }
      boolean writableAgain;
      List<Outgoing> unwritten = List.of();
      synchronized (writeLock) {
        writing = false;
        queuedBytes -= bytes;
        writableAgain = unwritable && queuedBytes < HIGH_WATER_BYTES / 2;
        if (writableAgain) {
          unwritable = false;
        }
        if (failed != null) {
          unwritten = new ArrayList<>(outgoing);
          outgoing.clear();
        }
        writeLock.notifyAll();
      }
      if (failed != null) {
        ConnectionLostException lost =
            new ConnectionLostException("writing to " + description + " failed: " + failed, failed);
        batch.forEach(message -> message.written.completeExceptionally(lost));
        unwritten.forEach(message -> message.written.completeExceptionally(lost));
        closeBecause(failed);
        return;
      }
      batch.forEach(message -> message.written.complete(null));
      Listener to = listener;
      if (writableAgain && to != null) {
        to.onWritable();
      }
    }
  }

  @Override
  public void pauseReading() {
    synchronized (pauseLock) {
      paused = true;
    }
  }

  @Override
  public void resumeReading() {
    synchronized (pauseLock) {
      paused = false;
      pauseLock.notifyAll();
    }
  }

  /** True: the reader reports the end of every burst it delivered. */
  @Override
  public boolean reportsReadComplete() {
    return true;
  }

  /**
   * Closes the output once what was sent is written, so that the peer reads the end of its input;
   * reading goes on. Later sends fail. Idempotent.
   */
  public void closeOutput() {
    synchronized (writeLock) {
      if (outputClosed) {
        return;
      }
      outputClosed = true;
      writeLock.notifyAll();
      // What was sent goes out first; the writer itself never waits for itself.
      Thread running = writer;
      try {
        while ((writing || !outgoing.isEmpty())
            && running != null
            && running.isAlive()
            && Thread.currentThread() != running) {
          writeLock.wait();
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      try {
        out.close();
      } catch (IOException e) {
        LOG.debug("{}: closing the output failed: {}", description, e.toString());
      }
    }
  }

  /** Closes both streams, the output once what was sent is written. Idempotent. */
  @Override
  public void close() {
    closeBecause(null);
  }

  @Override
  public String description() {
    return description;
  }

  @Override
  public String toString() {
    return "StreamMessageChannel[" + description + ", " + framing + "]";
  }

  /** Closes, and reports {@code cause} unless the channel closed already. */
  private void closeBecause(@Nullable Throwable cause) {
    if (!closing.compareAndSet(false, true)) {
      return;
    }
    failure = cause;
    closed = true;
    resumeReading();
    closeOutput();
    try {
      in.close();
    } catch (IOException e) {
      LOG.debug("{}: closing the input failed: {}", description, e.toString());
    }
    // The reader reports by itself once it is back from the listener; elsewhere a blocked read of
    // an input that closing does not wake (standard input) must not hold the report back.
    if (Thread.currentThread() != reader) {
      reportClosed();
    }
  }

  private void reportClosed() {
    Listener to = listener;
    if (to == null) {
      return;
    }
    delivery.lock();
    try {
      if (closeReported.compareAndSet(false, true)) {
        to.onClosed(failure);
      }
    } finally {
      delivery.unlock();
    }
  }

  private void read() {
    try {
      FrameReader frames = framing.reader(in, maxMessageSize, this::readComplete);
      while (awaitResumed()) {
        byte[] message = frames.next();
        if (message == null) {
          endOfInput();
          return;
        }
        deliver(message);
      }
    } catch (StdioFramingException e) {
      violation(e);
    } catch (IOException e) {
      closeBecause(closed ? null : e);
    } catch (RuntimeException | Error e) {
      LOG.warn("{}: the reader failed", description, e);
      closeBecause(e);
    } finally {
      if (closed) {
        reportClosed();
      }
    }
  }

  /** False once closed. */
  private boolean awaitResumed() throws InterruptedIOException {
    synchronized (pauseLock) {
      if (!paused) {
        return !closed;
      }
    }
    readComplete();
    synchronized (pauseLock) {
      try {
        while (paused && !closed) {
          pauseLock.wait();
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new InterruptedIOException("the reader of " + description + " was interrupted");
      }
      return !closed;
    }
  }

  private void deliver(byte[] message) {
    Listener to = Objects.requireNonNull(listener);
    delivery.lock();
    try {
      if (!closed) {
        readCompletePending = true;
        to.onMessage(message);
      }
    } finally {
      delivery.unlock();
    }
  }

  private void readComplete() {
    if (!readCompletePending) {
      return;
    }
    readCompletePending = false;
    Listener to = Objects.requireNonNull(listener);
    delivery.lock();
    try {
      if (!closed) {
        to.onReadComplete();
      }
    } finally {
      delivery.unlock();
    }
  }

  private void endOfInput() {
    readComplete();
    Runnable then = onEndOfInput;
    if (then == null) {
      LOG.debug("{}: end of input", description);
      closeBecause(null);
    } else if (!closed) {
      LOG.debug("{}: end of input; the output stays open", description);
      then.run();
    }
  }

  private void violation(StdioFramingException e) {
    readComplete();
    LOG.warn("Closing {}: the peer broke the {} framing: {}", description, framing, e.getMessage());
    send(errorObject(e.code(), e.getMessage()));
    closeBecause(e);
  }

  /** Why the channel closed: null while open or after an orderly close. */
  @Nullable Throwable closeCause() {
    return failure;
  }

  static int checkMaxMessageSize(int bytes) {
    if (bytes < 1 || bytes > Integer.MAX_VALUE - 16) {
      throw new IllegalArgumentException("maxMessageSize out of range: " + bytes);
    }
    return bytes;
  }

  /** A JSON-RPC error response with id null, written without a JSON library. */
  static byte[] errorObject(int code, @Nullable String message) {
    StringBuilder json = new StringBuilder("{\"jsonrpc\":\"2.0\",\"id\":null,\"error\":{\"code\":");
    json.append(code).append(",\"message\":\"");
    String text = message == null ? "framing violation" : message;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '"' || c == '\\') {
        json.append('\\').append(c);
      } else if (c < 0x20) {
        json.append(String.format("\\u%04x", (int) c));
      } else {
        json.append(c);
      }
    }
    json.append("\"}}");
    return json.toString().getBytes(StandardCharsets.UTF_8);
  }

  /** Builds a {@link StreamMessageChannel}. Not thread-safe. */
  public static final class Builder {
    private final InputStream in;
    private final OutputStream out;
    private StdioFraming framing = StdioFraming.NEWLINE;
    private int maxMessageSize = DEFAULT_MAX_MESSAGE_SIZE;
    private String description = "stdio";
    private @Nullable Runnable onEndOfInput;

    private Builder(InputStream in, OutputStream out) {
      this.in = Objects.requireNonNull(in, "in");
      this.out = Objects.requireNonNull(out, "out");
    }

    /** The framing of both directions; {@link StdioFraming#NEWLINE} by default. */
    public Builder framing(StdioFraming framing) {
      this.framing = Objects.requireNonNull(framing, "framing");
      return this;
    }

    /**
     * The largest inbound message, in bytes (8 MiB by default); a larger one is answered with an
     * error object naming the limit, and the channel closes.
     */
    public Builder maxMessageSize(int bytes) {
      this.maxMessageSize = checkMaxMessageSize(bytes);
      return this;
    }

    /** How the peer is named in logs and errors; {@code stdio} by default. */
    public Builder description(String description) {
      this.description = Objects.requireNonNull(description, "description");
      return this;
    }

    /**
     * What to do at the end of the input, on the reader thread, instead of closing the channel:
     * such as a graceful shutdown that answers the calls in flight first. The output stays open
     * until {@link StreamMessageChannel#close}.
     */
    public Builder onEndOfInput(Runnable action) {
      this.onEndOfInput = Objects.requireNonNull(action, "action");
      return this;
    }

    /** The channel, not started yet. */
    public StreamMessageChannel build() {
      return new StreamMessageChannel(this);
    }
  }
}
