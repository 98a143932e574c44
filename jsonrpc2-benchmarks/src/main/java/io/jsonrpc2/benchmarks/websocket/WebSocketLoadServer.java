package io.jsonrpc2.benchmarks.websocket;

import io.jsonrpc2.JsonRpcService;
import io.jsonrpc2.benchmarks.http.EchoHandler;
import io.jsonrpc2.netty.http.JsonRpcHttpServer;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;

/**
 * The server side of the WebSocket load test, meant to run in its own (pinned) JVM.
 *
 * <p>Usage: {@code WebSocketLoadServer raw|jsonrpc|plain [port [ioThreads]]}; defaults 0 (any free
 * port) and 1 I/O thread. {@code jsonrpc} is the JSON-RPC HTTP server's WebSocket serving {@link
 * EchoHandler}'s {@code @NonBlocking} echo, {@code plain} the same echo as users write it, run on
 * the service's executor; {@code raw} is the {@link RawWebSocketEchoServer}. All serve path {@code
 * /}. Prints {@code READY <port>} once listening and serves until killed.
 */
public final class WebSocketLoadServer {
  private WebSocketLoadServer() {}

  public static void main(String[] args) throws Exception {
    String mode = args.length > 0 ? args[0] : "jsonrpc";
    int port = args.length > 1 ? Integer.parseInt(args[1]) : 0;
    int threads = args.length > 2 ? Integer.parseInt(args[2]) : 1;
    System.out.println("READY " + start(mode, port, threads).port());
    new CountDownLatch(1).await();
  }

  /** A started server: its port, and closing it stops it. */
  public record Running(int port, Runnable stop) implements AutoCloseable {
    @Override
    public void close() {
      stop.run();
    }
  }

  /** Starts the server {@code mode} names on 127.0.0.1, serving until closed. */
  public static Running start(String mode, int port, int threads) throws InterruptedException {
    return switch (mode) {
      case "raw" -> {
        RawWebSocketEchoServer raw = new RawWebSocketEchoServer("127.0.0.1", port, threads);
        yield new Running(raw.port(), raw::close);
      }
      case "jsonrpc", "plain" -> {
        JsonRpcService service =
            JsonRpcService.builder()
                .handler(mode.equals("plain") ? new EchoHandler.Plain() : new EchoHandler())
                // -DblockedThreadWarningMillis=0 measures the I/O-thread path without its watch.
                .blockedThreadWarning(
                    Duration.ofMillis(Long.getLong("blockedThreadWarningMillis", 1000)))
                .build();
        JsonRpcHttpServer server =
            JsonRpcHttpServer.builder(service)
                .host("127.0.0.1")
                .port(port)
                .path("/")
                .ioThreads(threads)
                .start();
        yield new Running(server.port(), server::close);
      }
      default ->
          throw new IllegalArgumentException("mode must be raw, jsonrpc or plain, got " + mode);
    };
  }
}
