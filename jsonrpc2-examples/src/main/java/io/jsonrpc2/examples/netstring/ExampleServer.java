package io.jsonrpc2.examples.netstring;

import io.jsonrpc2.JsonRpcService;
import io.jsonrpc2.SubscriptionOptions;
import io.jsonrpc2.netty.netstring.NetstringServer;
import java.time.Duration;

/**
 * Serves {@link Example} under the namespace {@code main} over netstrings, like txjason's {@code
 * examples/server.tac}.
 *
 * <p>Usage: {@code ExampleServer [port [host]]}, port 7080 and host 127.0.0.1 by default. Runs
 * until stopped (Ctrl-C), then shuts down gracefully.
 */
public final class ExampleServer {
  public static final int DEFAULT_PORT = 7080;

  private ExampleServer() {}

  // docs:begin netstring-server
  public static NetstringServer start(String host, int port) {
    JsonRpcService service =
        JsonRpcService.builder()
            .handler("main", new Example()) // main.echo, main.deferredEcho, ...
            .timeout(Duration.ofSeconds(30)) // txjason: JSONRPCServerFactory(timeout=30)
            .subscriptions(SubscriptionOptions.defaults()) // main.ticks
            .build();
    return NetstringServer.builder(service).host(host).port(port).start();
  }

  // docs:end netstring-server

  public static void main(String[] args) {
    NetstringServer server = run(args);
    Runtime.getRuntime().addShutdownHook(new Thread(server::close, "shutdown"));
  }

  /** Starts the server as {@link #main} does and returns it. */
  public static NetstringServer run(String[] args) {
    int port = args.length > 0 ? Integer.parseInt(args[0]) : DEFAULT_PORT;
    String host = args.length > 1 ? args[1] : "127.0.0.1";
    NetstringServer server = start(host, port);
    System.out.println(
        "Serving " + server.service().methodNames() + " on " + server.address() + "; Ctrl-C stops");
    return server;
  }
}
