package io.jsonrpc2.examples.websocket;

import io.jsonrpc2.JsonRpcService;
import io.jsonrpc2.netty.http.JsonRpcHttpServer;
import java.time.Duration;

/**
 * Serves {@link Countdown} on {@code /rpc}, by HTTP POST and by WebSocket on the same port.
 *
 * <p>Usage: {@code WebSocketServerExample [port [host]]}, port 8080 and host 127.0.0.1 by default.
 * Runs until stopped (Ctrl-C), then shuts down gracefully.
 */
public final class WebSocketServerExample {
  public static final int DEFAULT_PORT = 8080;

  private WebSocketServerExample() {}

  // docs:begin websocket-server
  public static JsonRpcHttpServer start(String host, int port) {
    JsonRpcService service = JsonRpcService.builder().handler("main", new Countdown()).build();
    return JsonRpcHttpServer.builder(service)
        .host(host)
        .port(port)
        .path("/rpc") // http://host:port/rpc and ws://host:port/rpc
        .webSocketMaxMessageBytes(1024 * 1024) // larger messages close with 1009
        .webSocketPingInterval(Duration.ofSeconds(20)) // a peer that stops answering is closed
        .start();
  }

  // docs:end websocket-server

  public static void main(String[] args) {
    int port = args.length > 0 ? Integer.parseInt(args[0]) : DEFAULT_PORT;
    String host = args.length > 1 ? args[1] : "127.0.0.1";
    JsonRpcHttpServer server = start(host, port);
    System.out.println(
        "Serving main.echo and main.countdown on ws://"
            + host
            + ":"
            + server.port()
            + server.path()
            + "; Ctrl-C stops");
    Runtime.getRuntime().addShutdownHook(new Thread(server::close, "shutdown"));
  }
}
