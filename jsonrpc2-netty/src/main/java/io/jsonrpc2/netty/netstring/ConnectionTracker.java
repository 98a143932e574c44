package io.jsonrpc2.netty.netstring;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;

/** The open connections of one server, for counting them and closing them gracefully. */
final class ConnectionTracker {
  private final Set<NetstringServerHandler> open = ConcurrentHashMap.newKeySet();

  void add(NetstringServerHandler connection) {
    open.add(connection);
  }

  void remove(NetstringServerHandler connection) {
    open.remove(connection);
  }

  int size() {
    return open.size();
  }

  /**
   * Asks every connection to close once its calls in flight are answered; the future completes when
   * all of them are closed.
   */
  CompletableFuture<Void> closeAllWhenIdle() {
    List<CompletableFuture<Void>> closed = new ArrayList<>();
    for (NetstringServerHandler connection : open) {
      CompletableFuture<Void> done = new CompletableFuture<>();
      connection.channel().closeFuture().addListener(f -> done.complete(null));
      closed.add(done);
      connection.closeWhenIdle();
    }
    return CompletableFuture.allOf(closed.toArray(CompletableFuture[]::new));
  }

  /** Closes every connection now, calls in flight or not. */
  void closeAllNow() {
    open.forEach(NetstringServerHandler::closeNow);
  }
}
