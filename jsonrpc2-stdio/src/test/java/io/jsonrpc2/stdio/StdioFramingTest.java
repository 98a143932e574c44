package io.jsonrpc2.stdio;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jsonrpc2.message.ErrorCodes;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Both framings cut exactly the messages out of the bytes, however the bytes arrive. */
@Timeout(10)
class StdioFramingTest {
  private static final int LIMIT = 1024;

  @Test
  void newlineReadsSeveralMessagesOfOneRead() throws IOException {
    assertThat(readAll(StdioFraming.NEWLINE, "{\"a\":1}\n{\"b\":2}\n{\"c\":3}\n", 0))
        .containsExactly("{\"a\":1}", "{\"b\":2}", "{\"c\":3}");
  }

  @Test
  void newlineReadsMessagesSplitAcrossReads() throws IOException {
    assertThat(readAll(StdioFraming.NEWLINE, "{\"a\":1}\r\n{\"b\":\"two\"}\n", 1))
        .containsExactly("{\"a\":1}", "{\"b\":\"two\"}");
    assertThat(readAll(StdioFraming.NEWLINE, "{\"a\":1}\r\n{\"b\":\"two\"}\n", 3))
        .containsExactly("{\"a\":1}", "{\"b\":\"two\"}");
  }

  @Test
  void newlineTakesCrLfAndSkipsEmptyLines() throws IOException {
    assertThat(readAll(StdioFraming.NEWLINE, "\n\r\n{\"a\":1}\r\n\r\n\n{\"b\":2}\r\n\n", 0))
        .containsExactly("{\"a\":1}", "{\"b\":2}");
  }

  @Test
  void newlineTakesALastLineWithoutItsNewline() throws IOException {
    assertThat(readAll(StdioFraming.NEWLINE, "{\"a\":1}\n{\"b\":2}", 2))
        .containsExactly("{\"a\":1}", "{\"b\":2}");
  }

  @Test
  void newlineTakesALineOfExactlyTheLimit() throws IOException {
    String line = "x".repeat(LIMIT);
    assertThat(readAll(StdioFraming.NEWLINE, line + "\r\n" + line + "\n", 0))
        .containsExactly(line, line);
  }

  @Test
  void newlineRefusesALineOverTheLimitAndBuffersNoMoreThanIt() {
    // An endless line: the reader gives up once it has seen more than the limit.
    AtomicLong served = new AtomicLong();
    InputStream endless =
        new InputStream() {
          @Override
          public int read() {
            served.incrementAndGet();
            return 'x';
          }

          @Override
          public int read(byte[] into, int offset, int length) {
            int n = Math.min(length, 100);
            java.util.Arrays.fill(into, offset, offset + n, (byte) 'x');
            served.addAndGet(n);
            return n;
          }
        };
    FrameReader reader = StdioFraming.NEWLINE.reader(endless, LIMIT, () -> {});
    assertThatThrownBy(reader::next)
        .isInstanceOfSatisfying(
            StdioFramingException.class,
            e -> {
              assertThat(e.code()).isEqualTo(ErrorCodes.INVALID_REQUEST);
              assertThat(e.getMessage()).contains("limit of " + LIMIT + " bytes");
            });
    assertThat(served.get()).isLessThanOrEqualTo(LIMIT + 2 + 100);
    assertThat(reader.buffer.length).isLessThanOrEqualTo(Math.max(8192, LIMIT + 2));
  }

  @Test
  void newlineRefusesATerminatedLineOverTheLimit() {
    assertThatThrownBy(() -> readAll(StdioFraming.NEWLINE, "x".repeat(LIMIT + 1) + "\n", 0))
        .isInstanceOf(StdioFramingException.class)
        .hasMessageContaining("a line of " + (LIMIT + 1) + " bytes");
  }

  @Test
  void contentLengthReadsSeveralMessagesOfOneRead() throws IOException {
    assertThat(readAll(StdioFraming.CONTENT_LENGTH, framed("{\"a\":1}") + framed("[]"), 0))
        .containsExactly("{\"a\":1}", "[]");
  }

  @Test
  void contentLengthReadsMessagesSplitAcrossReads() throws IOException {
    String bytes = framed("{\"a\":\"é\"}") + framed("{\"b\":2}");
    for (int chunk = 1; chunk <= 7; chunk++) {
      assertThat(readAll(StdioFraming.CONTENT_LENGTH, bytes, chunk))
          .as("read %d bytes at a time", chunk)
          .containsExactly("{\"a\":\"é\"}", "{\"b\":2}");
    }
  }

  @Test
  void contentLengthTakesHeadersInAnyCaseAndIgnoresOthers() throws IOException {
    String message = "{\"jsonrpc\":\"2.0\"}";
    String bytes =
        "content-length: 17\r\n\r\n"
            + message
            + "Content-Type: application/vscode-jsonrpc; charset=utf-8\r\nCONTENT-LENGTH:17\r\n\r\n"
            + message
            + "cOnTeNt-LeNgTh  :   17  \n\n"
            + message;
    assertThat(readAll(StdioFraming.CONTENT_LENGTH, bytes, 5))
        .containsExactly(message, message, message);
  }

  @Test
  void contentLengthReadsAnEmptyBodyAndStopsBetweenMessages() throws IOException {
    assertThat(readAll(StdioFraming.CONTENT_LENGTH, "Content-Length: 0\r\n\r\n" + framed("1"), 0))
        .containsExactly("", "1");
  }

  @Test
  void contentLengthRefusesABadHeaderLine() {
    assertViolation(
        "Content-Length: 2\r\nthis is no header\r\n\r\n{}",
        ErrorCodes.PARSE_ERROR,
        "a header line that is not \"Name: value\": \"this is no header\"");
  }

  @Test
  void contentLengthRefusesABadLength() {
    assertViolation("Content-Length: ten\r\n\r\n", ErrorCodes.PARSE_ERROR, "bad Content-Length");
    assertViolation("Content-Length: -1\r\n\r\n{}", ErrorCodes.PARSE_ERROR, "\"-1\"");
    assertViolation("Content-Length: \r\n\r\n{}", ErrorCodes.PARSE_ERROR, "bad Content-Length");
    assertViolation(
        "Content-Length: 2\r\nContent-Length: 2\r\n\r\n{}",
        ErrorCodes.PARSE_ERROR,
        "two Content-Length headers");
  }

  @Test
  void contentLengthRefusesAMessageWithoutContentLength() {
    assertViolation(
        "Content-Type: application/json\r\n\r\n{}",
        ErrorCodes.PARSE_ERROR,
        "without a Content-Length header");
  }

  @Test
  void contentLengthRefusesALengthOverTheLimitWithoutReadingTheBody() {
    assertViolation(
        "Content-Length: " + (LIMIT + 1) + "\r\n\r\n",
        ErrorCodes.INVALID_REQUEST,
        "a message of " + (LIMIT + 1) + " bytes is over the limit of " + LIMIT + " bytes");
    assertViolation(
        "Content-Length: 99999999999999\r\n\r\n", ErrorCodes.INVALID_REQUEST, "over the limit");
  }

  @Test
  void contentLengthRefusesEndlessHeaders() {
    assertViolation(
        "Content-Length: 2\r\nX-Padding: " + "p".repeat(9000) + "\r\n\r\n{}",
        ErrorCodes.PARSE_ERROR,
        "headers of more than 8192 bytes");
  }

  @Test
  void contentLengthRefusesTheEndOfInputInsideAMessage() {
    assertViolation(
        "Content-Length: 10\r\n\r\n{\"a\":", ErrorCodes.PARSE_ERROR, "ended after 5 of the 10");
    assertViolation("Content-Length: 10\r\n", ErrorCodes.PARSE_ERROR, "ended in the headers");
    assertViolation("Content-Len", ErrorCodes.PARSE_ERROR, "ended in the headers");
  }

  @Test
  void theReaderSaysBeforeAReadThatMayBlock() throws IOException {
    // One read holds two messages: the reader reads again (and says so first) only after both.
    AtomicInteger messages = new AtomicInteger();
    List<Integer> messagesAtBlockingReads = new ArrayList<>();
    FrameReader reader =
        StdioFraming.NEWLINE.reader(
            new ChunkedInput("{\"a\":1}\n{\"b\":2}\n".getBytes(UTF_8), 0, true),
            LIMIT,
            () -> messagesAtBlockingReads.add(messages.get()));
    while (reader.next() != null) {
      messages.incrementAndGet();
    }
    assertThat(messagesAtBlockingReads).containsExactly(0, 2);
  }

  @Test
  void writingFramesEachMessage() throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    StdioFraming.NEWLINE.write(out, "{\"a\":1}".getBytes(UTF_8));
    StdioFraming.CONTENT_LENGTH.write(out, "{\"é\":1}".getBytes(UTF_8));
    assertThat(out.toString(UTF_8)).isEqualTo("{\"a\":1}\nContent-Length: 8\r\n\r\n{\"é\":1}");
  }

  @Test
  void newlineRefusesToSendARawNewline() {
    assertThatThrownBy(() -> StdioFraming.NEWLINE.checkSendable("{\n}".getBytes(UTF_8)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("raw newline");
    StdioFraming.CONTENT_LENGTH.checkSendable("{\n}".getBytes(UTF_8));
  }

  private static void assertViolation(String bytes, int code, String message) {
    for (int chunk : new int[] {0, 1}) {
      assertThatThrownBy(() -> readAll(StdioFraming.CONTENT_LENGTH, bytes, chunk))
          .isInstanceOfSatisfying(
              StdioFramingException.class,
              e -> {
                assertThat(e.code()).isEqualTo(code);
                assertThat(e.getMessage()).contains(message);
              });
    }
  }

  private static String framed(String message) {
    return "Content-Length: " + message.getBytes(UTF_8).length + "\r\n\r\n" + message;
  }

  /** Every message in {@code bytes}, read {@code chunk} bytes at a time (0: all at once). */
  private static List<String> readAll(StdioFraming framing, String bytes, int chunk)
      throws IOException {
    FrameReader reader =
        framing.reader(new ChunkedInput(bytes.getBytes(UTF_8), chunk, false), LIMIT, () -> {});
    List<String> messages = new ArrayList<>();
    byte[] message;
    while ((message = reader.next()) != null) {
      messages.add(new String(message, UTF_8));
    }
    return messages;
  }

  /** Serves its bytes in reads of at most {@code chunk} bytes; says none are at hand if asked. */
  private static final class ChunkedInput extends ByteArrayInputStream {
    private final int chunk;
    private final boolean noneAvailable;

    ChunkedInput(byte[] bytes, int chunk, boolean noneAvailable) {
      super(bytes);
      this.chunk = chunk;
      this.noneAvailable = noneAvailable;
    }

    @Override
    public synchronized int read(byte[] into, int offset, int length) {
      return super.read(into, offset, chunk > 0 ? Math.min(chunk, length) : length);
    }

    @Override
    public synchronized int available() {
      return noneAvailable ? 0 : super.available();
    }
  }
}
