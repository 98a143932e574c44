package io.jsonrpc2.examples.websocket;

import io.jsonrpc2.JsonRpcService;
import io.jsonrpc2.servlet.JsonRpcServlet;
import io.jsonrpc2.servlet.websocket.JsonRpcWebSocketConfig;
import java.time.Duration;
import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.ee10.servlet.ServletHolder;
import org.eclipse.jetty.ee10.websocket.jakarta.server.config.JakartaWebSocketServletContainerInitializer;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;

/**
 * Serves {@link Countdown} from an embedded Jetty 12: {@link JsonRpcServlet} answers POSTs on
 * {@code /rpc}, and the Jakarta WebSocket endpoint answers WebSocket upgrades on the same path.
 *
 * <p>Usage: {@code JettyWebSocketExample [port [host]]}, port 8080 and host 127.0.0.1 by default.
 * Runs until stopped (Ctrl-C), then closes the WebSockets gracefully.
 */
public final class JettyWebSocketExample {
  public static final int DEFAULT_PORT = 8080;

  /**
   * The started Jetty, and the WebSocket config whose {@code connections()} reach every session.
   */
  public record Running(Server jetty, JsonRpcWebSocketConfig webSocket) implements AutoCloseable {
    /** The port Jetty listens on, the free one chosen when 0 was asked for. */
    public int port() {
      return ((ServerConnector) jetty.getConnectors()[0]).getLocalPort();
    }

    /** Closes the WebSockets once their calls in flight are answered, then stops Jetty. */
    @Override
    public void close() {
      try {
        webSocket.connections().shutdownAll(Duration.ofSeconds(5)).join();
        jetty.stop();
      } catch (Exception e) {
        throw new IllegalStateException("Jetty did not stop", e);
      }
    }
  }

  private JettyWebSocketExample() {}

  /** Serves {@link Countdown} on {@code host:port}. */
  public static Running start(String host, int port) throws Exception {
    return start(JsonRpcService.builder().handler("main", new Countdown()).build(), host, port);
  }

  // docs:begin jetty-websocket
  /** Serves {@code service} by POST and by WebSocket on {@code http://host:port/rpc}. */
  public static Running start(JsonRpcService service, String host, int port) throws Exception {
    Server jetty = new Server();
    ServerConnector connector = new ServerConnector(jetty);
    connector.setHost(host);
    connector.setPort(port);
    jetty.addConnector(connector);
    ServletContextHandler context = new ServletContextHandler();
    context.setContextPath("/");

    ServletHolder servlet = new ServletHolder(new JsonRpcServlet(service));
    servlet.setAsyncSupported(true);
    context.addServlet(servlet, "/rpc"); // POST http://host:port/rpc

    JsonRpcWebSocketConfig webSocket =
        JsonRpcWebSocketConfig.builder(service, "/rpc") // ws://host:port/rpc
            .maxMessageBytes(1024 * 1024) // larger messages close with 1009
            .idleTimeout(Duration.ofMinutes(10)) // a session quiet this long is closed
            .build();
    JakartaWebSocketServletContainerInitializer.configure(
        context, (servletContext, container) -> container.addEndpoint(webSocket));

    jetty.setHandler(context);
    jetty.start();
    return new Running(jetty, webSocket);
  }

  // docs:end jetty-websocket

  public static void main(String[] args) throws Exception {
    int port = args.length > 0 ? Integer.parseInt(args[0]) : DEFAULT_PORT;
    String host = args.length > 1 ? args[1] : "127.0.0.1";
    Running running = start(host, port);
    System.out.println(
        "Serving main.echo and main.countdown on http:// and ws://"
            + host
            + ":"
            + running.port()
            + "/rpc; Ctrl-C stops");
    Runtime.getRuntime().addShutdownHook(new Thread(running::close, "shutdown"));
  }
}
