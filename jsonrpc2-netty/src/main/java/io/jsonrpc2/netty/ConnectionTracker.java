package io.jsonrpc2.netty;

import io.jsonrpc2.JsonRpcService;
import io.jsonrpc2.connection.JsonRpcConnection;
import io.jsonrpc2.connection.MessageChannel;
import io.jsonrpc2.server.TransportContext;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The open connections of one server, for counting them, reaching all of them and closing them
 * gracefully. The servers of this module share it; it is not meant for applications. Thread-safe.
 */
public final class ConnectionTracker {
  private final Set<JsonRpcConnection> open = ConcurrentHashMap.newKeySet();

  /**
   * Opens a connection over {@code channel} serving {@code service}, tracked until it closes.
   *
   * @param maxInFlight the peer's calls in flight before the connection stops reading
   */
  public JsonRpcConnection open(
      MessageChannel channel, JsonRpcService service, TransportContext context, int maxInFlight) {
    JsonRpcConnection connection =
        JsonRpcConnection.builder(channel)
            .service(service)
            .context(context)
            .maxInFlight(maxInFlight)
            .build();
    add(connection);
    connection.closeFuture().whenComplete((closed, failure) -> remove(connection));
    return connection.start();
  }

  /** Starts tracking {@code connection}; call it before the connection starts. */
  public void add(JsonRpcConnection connection) {
    open.add(connection);
  }

  /** Stops tracking {@code connection}, once it is closed. */
  public void remove(JsonRpcConnection connection) {
    open.remove(connection);
  }

  /** The number of connections tracked now. */
  public int size() {
    return open.size();
  }

  /** A snapshot of the connections tracked now; some may close at any moment. */
  public List<JsonRpcConnection> snapshot() {
    return List.copyOf(open);
  }

  /**
   * Asks every connection to close once its calls in flight are answered, within {@code grace}; the
   * future completes when all of them are closed.
   */
  public CompletableFuture<Void> closeAllWhenIdle(Duration grace) {
    return CompletableFuture.allOf(
        open.stream()
            .map(connection -> connection.shutdown(grace))
            .toArray(CompletableFuture[]::new));
  }

  /** Closes every connection now, calls in flight or not. */
  public void closeAllNow() {
    open.forEach(JsonRpcConnection::close);
  }
}
