package io.jsonrpc2.servlet;

import io.jsonrpc2.testing.TestCertificate;
import jakarta.servlet.Servlet;
import java.net.URI;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.util.function.Consumer;
import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.ee10.servlet.ServletHolder;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.util.ssl.SslContextFactory;

/** A real embedded Jetty 12 on 127.0.0.1 and a free port, hosting one servlet at "/rpc". */
final class Jetty implements AutoCloseable {
  private final Server server = new Server();
  private final ServerConnector connector;
  private final boolean tls;

  private Jetty(
      ServletHolder holder, TestCertificate certificate, Consumer<ServletContextHandler> setup)
      throws Exception {
    tls = certificate != null;
    if (tls) {
      KeyStore keyStore = KeyStore.getInstance("PKCS12");
      keyStore.load(null, null);
      keyStore.setKeyEntry(
          "server",
          certificate.privateKey(),
          "pw".toCharArray(),
          new Certificate[] {certificate.certificate()});
      SslContextFactory.Server ssl = new SslContextFactory.Server();
      ssl.setKeyStore(keyStore);
      ssl.setKeyStorePassword("pw");
      connector = new ServerConnector(server, ssl);
    } else {
      connector = new ServerConnector(server);
    }
    connector.setHost("127.0.0.1");
    connector.setPort(0);
    server.addConnector(connector);
    ServletContextHandler context = new ServletContextHandler();
    context.setContextPath("/");
    context.addServlet(holder, "/rpc");
    setup.accept(context);
    server.setHandler(context);
    server.start();
  }

  /** Hosts {@code servlet} with async support. */
  static Jetty hosting(Servlet servlet) throws Exception {
    return hosting(holder(servlet, true));
  }

  static Jetty hosting(ServletHolder holder) throws Exception {
    return new Jetty(holder, null, context -> {});
  }

  /** Hosts over HTTPS with {@code certificate}. */
  static Jetty hostingTls(ServletHolder holder, TestCertificate certificate) throws Exception {
    return new Jetty(holder, certificate, context -> {});
  }

  /** Hosts the servlet of {@code holder} in a context that {@code setup} may add to (security). */
  static Jetty hostingWith(ServletHolder holder, Consumer<ServletContextHandler> setup)
      throws Exception {
    return new Jetty(holder, null, setup);
  }

  static ServletHolder holder(Servlet servlet, boolean asyncSupported) {
    ServletHolder holder = new ServletHolder(servlet);
    holder.setAsyncSupported(asyncSupported);
    return holder;
  }

  int port() {
    return connector.getLocalPort();
  }

  URI endpoint() {
    return URI.create((tls ? "https" : "http") + "://127.0.0.1:" + port() + "/rpc");
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
