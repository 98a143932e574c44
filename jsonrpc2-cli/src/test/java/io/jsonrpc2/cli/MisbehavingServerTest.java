package io.jsonrpc2.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.function.Function;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * {@code call} against servers that answer wrongly, over netstrings as over HTTP: it exits 3 with a
 * message that says what was wrong, at once. The call's own timeout is 30 s, three times this
 * class's: waiting for it fails the test.
 */
@Timeout(10)
class MisbehavingServerTest {
  private ServerSocket listener;

  @AfterEach
  void close() throws IOException {
    if (listener != null) {
      listener.close();
    }
  }

  /**
   * Accepts one connection on 127.0.0.1, reads one request with {@code readRequest}, and writes
   * what {@code reply} makes of it; returns the port.
   */
  private int serveOnce(Function<InputStream, String> readRequest, Function<String, byte[]> reply)
      throws IOException {
    listener = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
    // Its own thread, not the common pool: on JDK 25 the JDK's HttpClient delivers replies through
    // the common pool, which has one worker on two cores, and this server blocks reading.
    Thread server =
        new Thread(
            () -> {
              try (Socket socket = listener.accept()) {
                String request = readRequest.apply(socket.getInputStream());
                OutputStream out = socket.getOutputStream();
                out.write(reply.apply(request));
                out.flush();
                // Keep the connection open: the client must not need a close to give up.
                socket.getInputStream().read();
              } catch (IOException e) {
                // the listener was closed by the test
              }
            },
            "misbehaving-server");
    server.setDaemon(true);
    server.start();
    return listener.getLocalPort();
  }

  private static String readNetstring(InputStream in) {
    try {
      int length = 0;
      for (int b = in.read(); b != ':'; b = in.read()) {
        length = length * 10 + (b - '0');
      }
      byte[] payload = in.readNBytes(length);
      in.read(); // the comma
      return new String(payload, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  private static String readHttpRequest(InputStream in) {
    try {
      ByteArrayOutputStream head = new ByteArrayOutputStream();
      while (!head.toString(StandardCharsets.ISO_8859_1).endsWith("\r\n\r\n")) {
        head.write(in.read());
      }
      String headers = head.toString(StandardCharsets.ISO_8859_1).toLowerCase();
      int at = headers.indexOf("content-length:");
      int length = Integer.parseInt(headers.substring(at + 15, headers.indexOf('\r', at)).trim());
      return new String(in.readNBytes(length), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  private static byte[] netstring(String payload) {
    byte[] bytes = payload.getBytes(StandardCharsets.UTF_8);
    return (bytes.length + ":" + payload + ",").getBytes(StandardCharsets.UTF_8);
  }

  private static byte[] http(String body) {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    return ("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: "
            + bytes.length
            + "\r\n\r\n"
            + body)
        .getBytes(StandardCharsets.UTF_8);
  }

  @Test
  void aNetstringReplyThatIsNotJsonFailsAtOnce() throws IOException {
    int port = serveOnce(MisbehavingServerTest::readNetstring, request -> netstring("garbage"));
    CliRun run = CliRun.of("call", "netstring://127.0.0.1:" + port, "echo", "hello");
    assertThat(run.exitCode()).as(run.toString()).isEqualTo(ExitCode.TRANSPORT);
    assertThat(run.err()).containsIgnoringCase("not JSON");
  }

  @Test
  void aNetstringReplyForAnotherIdFailsAtOnce() throws IOException {
    int port =
        serveOnce(
            MisbehavingServerTest::readNetstring,
            request ->
                netstring("{\"jsonrpc\":\"2.0\",\"result\":\"hello\",\"id\":\"not-yours\"}"));
    CliRun run = CliRun.of("call", "netstring://127.0.0.1:" + port, "echo", "hello");
    assertThat(run.exitCode()).as(run.toString()).isEqualTo(ExitCode.TRANSPORT);
    assertThat(run.err()).contains("not-yours");
  }

  @Test
  void anHttpServerOnANetstringUrlFailsAtOnceSayingSo() throws IOException {
    int port =
        serveOnce(
            MisbehavingServerTest::readNetstring,
            request -> "HTTP/1.1 400 Bad Request\r\n\r\n".getBytes(StandardCharsets.UTF_8));
    CliRun run = CliRun.of("call", "netstring://127.0.0.1:" + port, "echo", "hello");
    assertThat(run.exitCode()).as(run.toString()).isEqualTo(ExitCode.TRANSPORT);
    assertThat(run.err()).contains("does not speak netstrings");
  }

  @Test
  void anHttpReplyThatIsNotJsonFailsAtOnce() throws IOException {
    int port = serveOnce(MisbehavingServerTest::readHttpRequest, request -> http("garbage"));
    CliRun run = CliRun.of("call", "http://127.0.0.1:" + port + "/", "echo", "hello");
    assertThat(run.exitCode()).as(run.toString()).isEqualTo(ExitCode.TRANSPORT);
    assertThat(run.err()).containsIgnoringCase("not JSON");
  }

  @Test
  void anHttpReplyForAnotherIdFailsAtOnce() throws IOException {
    int port =
        serveOnce(
            MisbehavingServerTest::readHttpRequest,
            request -> http("{\"jsonrpc\":\"2.0\",\"result\":\"hello\",\"id\":\"not-yours\"}"));
    CliRun run = CliRun.of("call", "http://127.0.0.1:" + port + "/", "echo", "hello");
    assertThat(run.exitCode()).as(run.toString()).isEqualTo(ExitCode.TRANSPORT);
    assertThat(run.err()).contains("not-yours");
  }
}
