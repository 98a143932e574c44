package io.jsonrpc2.examples.http;

import io.jsonrpc2.JsonRpcService;
import io.jsonrpc2.http.HttpRules;
import io.jsonrpc2.server.JsonRpcServer;
import io.jsonrpc2.servlet.JsonRpcServlet;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.function.Supplier;
import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.ee10.servlet.ServletHolder;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;

/**
 * The Java form of the WSGI application of the Python jsonrpc2 library: {@link JsonRpcServlet}
 * hosted by an embedded Jetty 12 on 127.0.0.1, serving {@code greeting}. {@code main [port]}.
 */
public final class JettyServletExample {
  private JettyServletExample() {}

  public static void main(String[] args) throws Exception {
    int port = args.length > 0 ? Integer.parseInt(args[0]) : 8080;
    Server jetty = serve(port);
    System.out.println("Serving JSON-RPC on http://127.0.0.1:" + port(jetty) + "/rpc");
    jetty.join();
  }

  public static Server serve(int port) throws Exception {
    // docs:begin jetty
    JsonRpcService service = JsonRpcService.builder().handler(new Greeter()).build();

    ServletHolder holder = new ServletHolder(new JsonRpcServlet(service, HttpRules.defaults()));
    holder.setAsyncSupported(true); // slow methods then hold no container thread
    ServletContextHandler context = new ServletContextHandler();
    context.setContextPath("/");
    context.addServlet(holder, "/rpc");

    Server jetty = new Server(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
    jetty.setHandler(context);
    jetty.start();
    // docs:end jetty
    return jetty;
  }

  public static int port(Server jetty) {
    return ((ServerConnector) jetty.getConnectors()[0]).getLocalPort();
  }

  /** The servlet in Jetty behind the lifecycle every server of the project shares. */
  public static JsonRpcServer serveWithTheSharedLifecycle(int port) {
    // docs:begin jetty-lifecycle
    JsonRpcService service = JsonRpcService.builder().handler(new Greeter()).build();
    JsonRpcServer server =
        new JettyJsonRpcServer(service, HttpRules.defaults(), "127.0.0.1", port, "/rpc").start();
    int bound = server.port(); // the free port chosen when 0 was asked for
    // later: server.shutdown(Duration.ofSeconds(10)).join(), or server.close()
    // docs:end jetty-lifecycle
    System.out.println("Serving JSON-RPC on http://127.0.0.1:" + bound + "/rpc");
    return server;
  }

  // docs:begin web-xml
  /** Named in web.xml as the servlet's {@code jsonrpc2.service} init parameter. */
  public static final class GreeterService implements Supplier<JsonRpcService> {
    @Override
    public JsonRpcService get() {
      return JsonRpcService.builder().handler(new Greeter()).build();
    }
  }

  // docs:end web-xml

  /** What a container does with a web.xml naming {@link GreeterService}. */
  public static Server serveFromInitParameters(int port) throws Exception {
    ServletHolder holder = new ServletHolder(JsonRpcServlet.class);
    holder.setInitParameter(JsonRpcServlet.SERVICE_PARAMETER, GreeterService.class.getName());
    holder.setAsyncSupported(true);
    ServletContextHandler context = new ServletContextHandler();
    context.addServlet(holder, "/rpc");
    Server jetty = new Server(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
    jetty.setHandler(context);
    jetty.start();
    return jetty;
  }
}
