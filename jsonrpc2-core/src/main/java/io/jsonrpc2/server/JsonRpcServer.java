package io.jsonrpc2.server;

import java.io.UncheckedIOException;
import java.net.SocketAddress;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;

/**
 * A server that serves a {@link io.jsonrpc2.JsonRpcService} on a transport, with one lifecycle for
 * every transport: built unstarted by its builder, started once, shut down once.
 *
 * <pre>{@code
 * JsonRpcServer server = SomeServer.builder(service).port(0).build().start();
 * int port = server.port();
 * ...
 * server.shutdown(Duration.ofSeconds(10)).join(); // or server.close()
 * }</pre>
 *
 * <p><b>Grace.</b> From the moment {@link #shutdown} is called the server accepts no new
 * connections (and reads no new messages where the transport has no connections, as ZeroMQ). The
 * calls in flight go on running and their answers are written to their callers. Once none is left,
 * or when the grace runs out, the server closes what is left (calls still running then get no
 * answer: their callers see the connection drop) and releases its threads. Calls in flight are not
 * cancelled in the service: that is the service's own lifecycle ({@code stopServing}, {@code
 * cancelPending}). Each transport says what it does with further requests on a connection that is
 * open during the grace.
 *
 * <p>Implementations are thread-safe.
 */
public interface JsonRpcServer extends AutoCloseable {

  /**
   * Binds and starts serving; returns once bound.
   *
   * @return this server
   * @throws UncheckedIOException when the address cannot be bound (the server is then stopped)
   * @throws IllegalStateException when the server was started (or shut down) already
   */
  JsonRpcServer start();

  /**
   * The address bound, with the actual port when 0 was asked for.
   *
   * @throws IllegalStateException when the server is not started, or its transport has no socket
   *     address (a ZeroMQ {@code inproc} or {@code ipc} endpoint)
   */
  SocketAddress address();

  /**
   * The port bound, which is the chosen one when 0 was asked for.
   *
   * @throws IllegalStateException as {@link #address()}
   */
  int port();

  /**
   * Stops gracefully, as the type's description says, giving the calls in flight up to {@code
   * grace} to finish; returns at once. An unstarted server is simply marked stopped.
   *
   * @return completes when the server is stopped and its threads are released; never fails; the
   *     same future on every call (a later call's grace is ignored)
   */
  CompletableFuture<Void> shutdown(Duration grace);

  /**
   * {@link #shutdown} with the server's default grace, waiting for it. Idempotent. Not from a
   * thread of the server (a method it runs), which would wait for itself.
   */
  @Override
  void close();
}
