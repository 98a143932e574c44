package io.jsonrpc2.examples.http;

import io.jsonrpc2.JsonRpcService;
import io.jsonrpc2.http.HttpRules;
import io.jsonrpc2.server.JsonRpcServer;
import io.jsonrpc2.servlet.JsonRpcServlet;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeoutException;
import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.ee10.servlet.ServletHolder;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.handler.GracefulHandler;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@link JsonRpcServlet} in an embedded Jetty 12, behind the lifecycle every server of the project
 * has: {@link #start}, {@link #port}, {@link #shutdown} that lets the calls in flight answer, and
 * {@link #close}. Jetty's {@link GracefulHandler} does the waiting: from the shutdown on, the
 * connector accepts no new connections, and Jetty stops once the requests it counts have completed
 * or the grace ran out.
 */
public final class JettyJsonRpcServer implements JsonRpcServer {
  private static final Logger LOG = LoggerFactory.getLogger(JettyJsonRpcServer.class);
  private static final Duration DEFAULT_GRACE = Duration.ofSeconds(10);

  private final Server jetty;
  private final ServerConnector connector;
  private boolean started;
  private @Nullable CompletableFuture<Void> stopped;

  /**
   * A server, unstarted, for {@code service} on {@code host} and {@code port} (0 for a free one),
   * answering POSTs to {@code path}, such as {@code "/rpc"}.
   */
  public JettyJsonRpcServer(
      JsonRpcService service, HttpRules rules, String host, int port, String path) {
    jetty = new Server();
    connector = new ServerConnector(jetty);
    connector.setHost(host);
    connector.setPort(port);
    jetty.addConnector(connector);
    ServletHolder holder = new ServletHolder(new JsonRpcServlet(service, rules));
    holder.setAsyncSupported(true); // slow methods then hold no container thread
    ServletContextHandler context = new ServletContextHandler();
    context.addServlet(holder, path);
    jetty.setHandler(new GracefulHandler(context));
  }

  @Override
  public synchronized JsonRpcServer start() {
    if (started || stopped != null) {
      throw new IllegalStateException("the server was started or shut down already");
    }
    started = true;
    try {
      jetty.start();
    } catch (Exception e) {
      stopped = CompletableFuture.runAsync(this::stopJetty, JettyJsonRpcServer::runOnOwnThread);
      stopped.join();
      if (e instanceof IOException io) {
        throw new UncheckedIOException("cannot serve on port " + connector.getPort(), io);
      }
      throw new IllegalStateException("Jetty did not start", e);
    }
    return this;
  }

  @Override
  public synchronized SocketAddress address() {
    if (!started || !jetty.isStarted()) {
      throw new IllegalStateException("the server is not serving");
    }
    return new InetSocketAddress(connector.getHost(), connector.getLocalPort());
  }

  @Override
  public int port() {
    return ((InetSocketAddress) address()).getPort();
  }

  @Override
  public synchronized CompletableFuture<Void> shutdown(Duration grace) {
    CompletableFuture<Void> ending = stopped;
    if (ending == null) {
      if (!started) {
        ending = CompletableFuture.completedFuture(null);
      } else {
        jetty.setStopTimeout(grace.toMillis());
        ending = CompletableFuture.runAsync(this::stopJetty, JettyJsonRpcServer::runOnOwnThread);
      }
      stopped = ending;
    }
    return ending;
  }

  @Override
  public void close() {
    shutdown(DEFAULT_GRACE).join();
  }

  private void stopJetty() {
    try {
      jetty.stop();
    } catch (TimeoutException e) {
      // The grace ran out with requests still running: Jetty has stopped all the same.
    } catch (Exception e) {
      LOG.warn("Jetty did not stop cleanly", e);
    }
  }

  // Not the common pool: jetty.stop() blocks for up to the grace.
  private static void runOnOwnThread(Runnable task) {
    Thread thread = new Thread(task, "jetty-shutdown");
    thread.setDaemon(true);
    thread.start();
  }
}
