package io.jsonrpc2.cli;

import io.jsonrpc2.server.JsonRpcServer;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;

/**
 * One server that the serve command started, and where clients reach it.
 *
 * @param url the URL {@code jsonrpc2 call} takes to reach this server, with the port really bound
 * @param server the started server
 */
record Listener(String url, JsonRpcServer server) {

  /**
   * Stops gracefully: no new connections or messages, calls in flight answered for up to {@code
   * grace}, then everything closed.
   *
   * @return completes when stopped; never fails
   */
  CompletableFuture<Void> stop(Duration grace) {
    return server.shutdown(grace);
  }
}
