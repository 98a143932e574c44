package io.jsonrpc2.netty.netstring;

import io.jsonrpc2.connection.JsonRpcConnection;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;

/** The open connections of one server, for counting them and closing them gracefully. */
final class ConnectionTracker {
  private final Set<JsonRpcConnection> open = ConcurrentHashMap.newKeySet();

  void add(JsonRpcConnection connection) {
    open.add(connection);
  }

  void remove(JsonRpcConnection connection) {
    open.remove(connection);
  }

  int size() {
    return open.size();
  }

  /**
   * Asks every connection to close once its calls in flight are answered, within {@code grace}; the
   * future completes when all of them are closed.
   */
  CompletableFuture<Void> closeAllWhenIdle(Duration grace) {
    return CompletableFuture.allOf(
        open.stream()
            .map(connection -> connection.shutdown(grace))
            .toArray(CompletableFuture[]::new));
  }

  /** Closes every connection now, calls in flight or not. */
  void closeAllNow() {
    open.forEach(JsonRpcConnection::close);
  }
}
