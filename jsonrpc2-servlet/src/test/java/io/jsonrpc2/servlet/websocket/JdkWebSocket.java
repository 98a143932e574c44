package io.jsonrpc2.servlet.websocket;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.net.http.WebSocketHandshakeException;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * A test client on the JDK's {@code java.net.http.WebSocket}: whole text messages go into a queue,
 * the close code the server sends completes {@link #closeCode}.
 */
final class JdkWebSocket implements AutoCloseable {
  private final BlockingQueue<String> received = new LinkedBlockingQueue<>();
  private final CompletableFuture<Integer> closeCode = new CompletableFuture<>();
  private final WebSocket socket;

  private JdkWebSocket(URI uri, String... headers) {
    WebSocket.Builder builder =
        HttpClient.newHttpClient().newWebSocketBuilder().connectTimeout(Duration.ofSeconds(10));
    for (int i = 0; i < headers.length; i += 2) {
      builder.header(headers[i], headers[i + 1]);
    }
    socket = builder.buildAsync(uri, new Collector()).orTimeout(10, TimeUnit.SECONDS).join();
  }

  /** Opens a WebSocket to {@code uri} with the upgrade {@code headers} (name, value, ...). */
  static JdkWebSocket connect(URI uri, String... headers) {
    return new JdkWebSocket(uri, headers);
  }

  /** The HTTP status of the refused upgrade; fails when the upgrade succeeds. */
  static int refusedStatus(URI uri, String... headers) {
    try {
      new JdkWebSocket(uri, headers).close();
    } catch (CompletionException e) {
      if (e.getCause() instanceof WebSocketHandshakeException refused) {
        return refused.getResponse().statusCode();
      }
      throw e;
    }
    throw new AssertionError("the upgrade to " + uri + " was not refused");
  }

  void sendText(String text) {
    socket.sendText(text, true).orTimeout(10, TimeUnit.SECONDS).join();
  }

  void sendBinary(byte[] bytes) {
    socket.sendBinary(ByteBuffer.wrap(bytes), true).orTimeout(10, TimeUnit.SECONDS).join();
  }

  /** The next text message; fails after 10 s without one. */
  String readText() throws InterruptedException {
    String text = received.poll(10, TimeUnit.SECONDS);
    if (text == null) {
      throw new AssertionError("no message within 10 s");
    }
    return text;
  }

  /** The next text message within {@code millis}, or null. */
  String readTextWithin(long millis) throws InterruptedException {
    return received.poll(millis, TimeUnit.MILLISECONDS);
  }

  /** The status code of the server's close frame, within 10 s. */
  int closeCode() {
    return closeCode.orTimeout(10, TimeUnit.SECONDS).join();
  }

  /** Drops the TCP connection without a close handshake. */
  void abort() {
    socket.abort();
  }

  @Override
  public void close() {
    if (!socket.isOutputClosed()) {
      socket.sendClose(WebSocket.NORMAL_CLOSURE, "").orTimeout(10, TimeUnit.SECONDS).join();
    }
    socket.abort();
  }

  private final class Collector implements WebSocket.Listener {
    private final StringBuilder parts = new StringBuilder();

    @Override
    public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
      parts.append(data);
      if (last) {
        received.add(parts.toString());
        parts.setLength(0);
      }
      webSocket.request(1);
      return null;
    }

    @Override
    public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
      closeCode.complete(statusCode);
      return null;
    }

    @Override
    public void onError(WebSocket webSocket, Throwable error) {
      closeCode.completeExceptionally(error);
    }
  }
}
