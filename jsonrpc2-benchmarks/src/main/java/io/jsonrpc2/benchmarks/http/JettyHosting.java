package io.jsonrpc2.benchmarks.http;

import jakarta.servlet.Servlet;
import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.ee10.servlet.ServletHolder;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;

/** The one Jetty 12 set-up both servlet rows run on: defaults, one servlet at "/". */
final class JettyHosting {
  private JettyHosting() {}

  static Server serve(Servlet servlet, boolean asyncSupported, int port) throws Exception {
    Server server = new Server();
    ServerConnector connector = new ServerConnector(server);
    connector.setPort(port);
    server.addConnector(connector);
    ServletContextHandler context = new ServletContextHandler();
    context.setContextPath("/");
    ServletHolder holder = new ServletHolder(servlet);
    holder.setAsyncSupported(asyncSupported);
    context.addServlet(holder, "/");
    server.setHandler(context);
    server.start();
    return server;
  }
}
