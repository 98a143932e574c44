package io.jsonrpc2.stdio;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jsonrpc2.JsonRpcService;
import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** {@link StdioServer#serve()} over pipes and over this JVM's own standard streams. */
@Timeout(30)
class StdioServerTest {
  private final CountDownLatch started = new CountDownLatch(1);
  private final CountDownLatch release = new CountDownLatch(1);

  @SuppressWarnings("SystemOut") // the method under test prints, as careless methods do
  private final JsonRpcService service =
      JsonRpcService.builder()
          .method("echo", (params, call) -> params.get(0, String.class))
          .method(
              "print",
              (params, call) -> {
                System.out.println("printed by a method");
                return "printed";
              })
          .method(
              "wait",
              (params, call) -> {
                started.countDown();
                release.await(20, TimeUnit.SECONDS);
                return "released";
              })
          .build();

  @Test
  void theEndOfInputLetsTheCallsInFlightAnswerThenServeReturns() throws Exception {
    PipedServer server = new PipedServer(service, StdioFraming.NEWLINE);
    BufferedReader replies = new BufferedReader(new InputStreamReader(server.fromServer.in, UTF_8));
    server.toServer.out.write(
        "{\"jsonrpc\":\"2.0\",\"method\":\"wait\",\"id\":1}\n".getBytes(UTF_8));
    assertThat(started.await(10, TimeUnit.SECONDS)).isTrue();
    server.toServer.out.close();

    assertThat(server.served).isNotDone();
    release.countDown();
    assertThat(replies.readLine())
        .isEqualTo("{\"jsonrpc\":\"2.0\",\"result\":\"released\",\"id\":1}");
    server.served.get(10, TimeUnit.SECONDS);
    assertThat(replies.readLine()).as("the output is closed").isNull();
  }

  @Test
  void aFramingViolationIsAnsweredAndServeThrowsIt() throws Exception {
    PipedServer server = new PipedServer(service, StdioFraming.CONTENT_LENGTH);
    server.toServer.out.write("Content-Type: text/plain\r\n\r\n".getBytes(UTF_8));
    FrameReader frames =
        StdioFraming.CONTENT_LENGTH.reader(server.fromServer.in, 1 << 20, () -> {});
    assertThat(new String(frames.next(), UTF_8))
        .isEqualTo(
            "{\"jsonrpc\":\"2.0\",\"id\":null,\"error\":{\"code\":-32700,"
                + "\"message\":\"a message without a Content-Length header\"}}");
    assertThatThrownBy(() -> server.served.get(10, TimeUnit.SECONDS))
        .isInstanceOf(ExecutionException.class)
        .hasCauseInstanceOf(StdioFramingException.class);
    assertThat(frames.next()).isNull();
  }

  @Test
  void onTheRealStandardOutputStrayPrintsGoToStandardErrorUntilServeReturns() throws Exception {
    InputStream stdin = System.in;
    PrintStream stdout = System.out;
    Pipe input = new Pipe();
    Pipe output = new Pipe();
    PrintStream fakeStdout = new PrintStream(output.out, false, UTF_8);
    System.setIn(input.in);
    System.setOut(fakeStdout);
    try (StderrCapture stderr = new StderrCapture()) {
      input.out.write(
          ("{\"jsonrpc\":\"2.0\",\"method\":\"print\",\"id\":1}\n"
                  + "{\"jsonrpc\":\"2.0\",\"method\":\"echo\",\"params\":[\"after\"],\"id\":2}\n")
              .getBytes(UTF_8));
      input.out.close();
      StdioServer.builder(service).build().serve();

      assertThat(System.out).isSameAs(fakeStdout);
      assertThat(new String(output.in.readAllBytes(), UTF_8))
          .isEqualTo(
              "{\"jsonrpc\":\"2.0\",\"result\":\"printed\",\"id\":1}\n"
                  + "{\"jsonrpc\":\"2.0\",\"result\":\"after\",\"id\":2}\n");
      assertThat(stderr.text()).contains("printed by a method");
    } finally {
      System.setIn(stdin);
      System.setOut(stdout);
    }
  }
}
