package io.jsonrpc2.stdio;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jsonrpc2.client.ConnectionLostException;
import io.jsonrpc2.connection.MessageChannel;
import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The channel's side of the {@link MessageChannel} contract, over in-process pipes. */
@Timeout(20)
class StreamMessageChannelTest {
  private final Pipe toChannel = new Pipe();
  private final Pipe fromChannel = new Pipe();
  private final Recorder recorder = new Recorder();
  private StreamMessageChannel channel;

  @AfterEach
  void closeChannel() {
    if (channel != null) {
      channel.close();
    }
  }

  private StreamMessageChannel start(StdioFraming framing, int maxMessageSize) {
    channel =
        StreamMessageChannel.builder(toChannel.in, fromChannel.out)
            .framing(framing)
            .maxMessageSize(maxMessageSize)
            .description("test peer")
            .build();
    channel.start(recorder);
    return channel;
  }

  private void peerWrites(String bytes) throws IOException {
    toChannel.out.write(bytes.getBytes(UTF_8));
  }

  @Test
  void deliversInOrderReportsTheBurstAndClosesOnceAtTheEndOfInput() throws Exception {
    start(StdioFraming.NEWLINE, 1024);
    peerWrites("{\"n\":1}\n{\"n\":2}\n{\"n\":3}\n");
    toChannel.out.close();

    assertThat(recorder.closed.await(10, TimeUnit.SECONDS)).isTrue();
    assertThat(recorder.events)
        .containsExactly(
            "message {\"n\":1}",
            "message {\"n\":2}",
            "message {\"n\":3}",
            "read complete",
            "closed null");
  }

  @Test
  void aMessageOverTheLimitIsAnsweredWithAnErrorNamingItThenTheChannelCloses() throws Exception {
    start(StdioFraming.NEWLINE, 64);
    peerWrites("{\"ok\":true}\n" + "{\"x\":\"" + "y".repeat(100) + "\"}\n");

    String answer = peerReadsLine();
    assertThat(answer)
        .startsWith("{\"jsonrpc\":\"2.0\",\"id\":null,\"error\":{\"code\":-32600,")
        .contains("over the limit of 64 bytes");
    assertThat(recorder.closed.await(10, TimeUnit.SECONDS)).isTrue();
    assertThat(recorder.cause)
        .isInstanceOf(StdioFramingException.class)
        .hasMessageContaining("limit of 64 bytes");
    assertThat(recorder.events).first().isEqualTo("message {\"ok\":true}");
    assertThat(peerReadsLine()).as("the output is closed").isNull();
  }

  @Test
  void aBadHeaderIsAnsweredWithAParseErrorThenTheChannelCloses() throws Exception {
    start(StdioFraming.CONTENT_LENGTH, 1024);
    peerWrites("Content-Length: 2\r\n\r\n{}Content-Lenght 2\r\n\r\n{}");

    String answer = new String(peerReadsFrame(), UTF_8);
    assertThat(answer)
        .startsWith("{\"jsonrpc\":\"2.0\",\"id\":null,\"error\":{\"code\":-32700,")
        .contains("a header line that is not \\\"Name: value\\\"");
    assertThat(recorder.closed.await(10, TimeUnit.SECONDS)).isTrue();
    assertThat(recorder.cause).isInstanceOf(StdioFramingException.class);
    assertThat(recorder.events)
        .containsExactly("message {}", "read complete", "closed StdioFramingException");
  }

  @Test
  void theEndOfInputInsideAMessageClosesWithACause() throws Exception {
    start(StdioFraming.CONTENT_LENGTH, 1024);
    peerWrites("Content-Length: 20\r\n\r\n{\"cut\":");
    toChannel.out.close();

    assertThat(recorder.closed.await(10, TimeUnit.SECONDS)).isTrue();
    assertThat(recorder.cause)
        .isInstanceOf(StdioFramingException.class)
        .hasMessageContaining("ended after 7 of the 20 bytes");
  }

  @Test
  void sendWritesWholeFramedMessagesAndFailsOnceClosed() throws Exception {
    start(StdioFraming.CONTENT_LENGTH, 1024);
    channel.send("{\"a\":1}".getBytes(UTF_8)).get(5, TimeUnit.SECONDS);
    channel.send("{\"b\":\n2}".getBytes(UTF_8)).get(5, TimeUnit.SECONDS);
    assertThat(new String(peerReadsFrame(), UTF_8)).isEqualTo("{\"a\":1}");
    assertThat(new String(peerReadsFrame(), UTF_8)).isEqualTo("{\"b\":\n2}");

    channel.close();
    CompletableFuture<Void> late = channel.send("{}".getBytes(UTF_8));
    assertThatThrownBy(() -> late.get(5, TimeUnit.SECONDS))
        .isInstanceOf(ExecutionException.class)
        .hasCauseInstanceOf(ConnectionLostException.class);
    assertThat(recorder.closed.await(10, TimeUnit.SECONDS)).isTrue();
    assertThat(recorder.cause).isNull();
    assertThat(fromChannel.in.read()).as("the output is closed").isEqualTo(-1);
  }

  @Test
  void newlineRefusesToSendARawNewlineAndWritesNothing() throws Exception {
    start(StdioFraming.NEWLINE, 1024);
    CompletableFuture<Void> refused = channel.send("{\"a\":\n1}".getBytes(UTF_8));
    assertThatThrownBy(() -> refused.get(5, TimeUnit.SECONDS))
        .hasCauseInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("raw newline");
    channel.send("{\"a\":1}".getBytes(UTF_8)).get(5, TimeUnit.SECONDS);
    assertThat(peerReadsLine()).isEqualTo("{\"a\":1}");
  }

  @Test
  void aPausedReaderReadsNothingUntilResumed() throws Exception {
    CountDownLatch firstDone = new CountDownLatch(1);
    recorder.onMessage =
        message -> {
          channel.pauseReading();
        };
    recorder.onReadComplete = firstDone::countDown;
    start(StdioFraming.NEWLINE, 1024);
    peerWrites("{\"n\":1}\n");
    assertThat(firstDone.await(10, TimeUnit.SECONDS)).isTrue();

    peerWrites("{\"n\":2}\n");
    assertThat(toChannel.in.available()).as("bytes left unread while paused").isEqualTo(8);
    assertThat(recorder.events).containsExactly("message {\"n\":1}", "read complete");

    recorder.onMessage = message -> {};
    channel.resumeReading();
    toChannel.out.close();
    assertThat(recorder.closed.await(10, TimeUnit.SECONDS)).isTrue();
    assertThat(recorder.events)
        .containsExactly(
            "message {\"n\":1}",
            "read complete",
            "message {\"n\":2}",
            "read complete",
            "closed null");
  }

  @Test
  void closeReportsAtOnceEvenWhenTheBlockedReadDoesNotWake() throws Exception {
    // Standard input: closing it does not wake the thread blocked reading it.
    CountDownLatch never = new CountDownLatch(1);
    InputStream deaf =
        new InputStream() {
          @Override
          public int read() throws IOException {
            try {
              never.await();
            } catch (InterruptedException e) {
              throw new IOException(e);
            }
            return -1;
          }
        };
    channel = StreamMessageChannel.builder(deaf, OutputStream.nullOutputStream()).build();
    channel.start(recorder);
    channel.close();
    assertThat(recorder.closed.await(10, TimeUnit.SECONDS)).isTrue();
    assertThat(recorder.events).containsExactly("closed null");
    never.countDown();
  }

  @Test
  void aPeerThatDoesNotReadHoldsOnlyTheWriterAndMakesTheChannelUnwritable() throws Exception {
    CountDownLatch peerReads = new CountDownLatch(1);
    ByteArrayOutputStream delivered = new ByteArrayOutputStream();
    OutputStream slowPeer =
        new OutputStream() {
          @Override
          public void write(int b) throws IOException {
            write(new byte[] {(byte) b}, 0, 1);
          }

          @Override
          public void write(byte[] bytes, int offset, int length) throws IOException {
            try {
              peerReads.await();
            } catch (InterruptedException e) {
              throw new IOException(e);
            }
            synchronized (delivered) {
              delivered.write(bytes, offset, length);
            }
          }
        };
    CountDownLatch writable = new CountDownLatch(1);
    MessageChannel.Listener listener =
        new MessageChannel.Listener() {
          @Override
          public void onMessage(byte[] message) {}

          @Override
          public void onWritable() {
            writable.countDown();
          }

          @Override
          public void onClosed(@Nullable Throwable cause) {}
        };
    channel =
        StreamMessageChannel.builder(new ByteArrayInputStream(new byte[0]), slowPeer)
            .onEndOfInput(() -> {})
            .build();
    channel.start(listener);
    byte[] kilobyte = ("\"" + "x".repeat(1022) + "\"").getBytes(UTF_8);
    List<CompletableFuture<Void>> sends = new ArrayList<>();
    for (int i = 0; i < 100; i++) {
      sends.add(channel.send(kilobyte)); // returns at once: the writer waits, not the caller
    }
    assertThat(channel.isWritable()).isFalse();
    assertThat(sends.get(99)).isNotDone();

    peerReads.countDown();
    CompletableFuture.allOf(sends.toArray(CompletableFuture[]::new)).get(10, TimeUnit.SECONDS);
    assertThat(writable.await(10, TimeUnit.SECONDS)).isTrue();
    assertThat(channel.isWritable()).isTrue();
    synchronized (delivered) {
      assertThat(delivered.size()).isEqualTo(100 * (kilobyte.length + 1));
    }
  }

  @Test
  void theEndOfInputGoesToItsActionAndTheOutputStaysOpen() throws Exception {
    CountDownLatch ended = new CountDownLatch(1);
    channel =
        StreamMessageChannel.builder(toChannel.in, fromChannel.out)
            .onEndOfInput(ended::countDown)
            .build();
    channel.start(recorder);
    toChannel.out.close();
    assertThat(ended.await(10, TimeUnit.SECONDS)).isTrue();

    channel.send("{\"after\":\"end\"}".getBytes(UTF_8)).get(5, TimeUnit.SECONDS);
    assertThat(peerReadsLine()).isEqualTo("{\"after\":\"end\"}");
    assertThat(recorder.events).isEmpty();
    channel.close();
    assertThat(recorder.closed.await(10, TimeUnit.SECONDS)).isTrue();
    assertThat(recorder.events).containsExactly("closed null");
  }

  private final BufferedReader lines =
      new BufferedReader(new InputStreamReader(fromChannel.in, UTF_8));

  private final FrameReader frames =
      StdioFraming.CONTENT_LENGTH.reader(fromChannel.in, 1 << 20, () -> {});

  private @Nullable String peerReadsLine() throws IOException {
    return lines.readLine();
  }

  private byte[] peerReadsFrame() throws IOException {
    byte[] frame = frames.next();
    assertThat(frame).isNotNull();
    return frame;
  }

  /** Records what the channel tells, in order. */
  private static final class Recorder implements MessageChannel.Listener {
    final List<String> events = new CopyOnWriteArrayList<>();
    final CountDownLatch closed = new CountDownLatch(1);
    final AtomicInteger closes = new AtomicInteger();
    volatile java.util.function.Consumer<byte[]> onMessage = message -> {};
    volatile Runnable onReadComplete = () -> {};
    volatile @Nullable Throwable cause;

    @Override
    public void onMessage(byte[] message) {
      events.add("message " + new String(message, UTF_8));
      onMessage.accept(message);
    }

    @Override
    public void onReadComplete() {
      events.add("read complete");
      onReadComplete.run();
    }

    @Override
    public void onClosed(@Nullable Throwable cause) {
      this.cause = cause;
      events.add("closed " + (cause == null ? "null" : cause.getClass().getSimpleName()));
      assertThat(closes.incrementAndGet()).isEqualTo(1);
      closed.countDown();
    }
  }
}
