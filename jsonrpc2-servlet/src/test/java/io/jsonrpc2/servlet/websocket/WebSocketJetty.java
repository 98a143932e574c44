package io.jsonrpc2.servlet.websocket;

import io.jsonrpc2.JsonRpcService;
import io.jsonrpc2.servlet.JsonRpcServlet;
import java.net.URI;
import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.ee10.servlet.ServletHolder;
import org.eclipse.jetty.ee10.websocket.jakarta.server.config.JakartaWebSocketServletContainerInitializer;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;

/**
 * A real embedded Jetty 12 on 127.0.0.1 and a free port: {@link JsonRpcServlet} on {@code /rpc} and
 * the WebSocket endpoint of a {@link JsonRpcWebSocketConfig} on its path.
 */
final class WebSocketJetty implements AutoCloseable {
  private final Server server = new Server();
  private final ServerConnector connector = new ServerConnector(server);

  WebSocketJetty(JsonRpcService service, JsonRpcWebSocketConfig config) throws Exception {
    connector.setHost("127.0.0.1");
    connector.setPort(0);
    server.addConnector(connector);
    ServletContextHandler context = new ServletContextHandler();
    context.setContextPath("/");
    ServletHolder holder = new ServletHolder(new JsonRpcServlet(service));
    holder.setAsyncSupported(true);
    context.addServlet(holder, "/rpc");
    JakartaWebSocketServletContainerInitializer.configure(
        context, (servletContext, container) -> container.addEndpoint(config));
    server.setHandler(context);
    server.start();
  }

  URI http() {
    return URI.create("http://127.0.0.1:" + connector.getLocalPort() + "/rpc");
  }

  URI ws(String path) {
    return URI.create("ws://127.0.0.1:" + connector.getLocalPort() + path);
  }

  @Override
  public void close() {
    try {
      server.stop();
    } catch (Exception e) {
      throw new IllegalStateException("Jetty did not stop", e);
    }
  }
}
