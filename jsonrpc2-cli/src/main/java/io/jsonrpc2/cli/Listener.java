package io.jsonrpc2.cli;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;

/** One server {@code serve} started: where clients reach it, and how it stops. */
interface Listener {
  /** The URL {@code jsonrpc2 call} takes to reach this server, with the port really bound. */
  String url();

  /**
   * Stops gracefully: no new connections or messages, calls in flight answered for up to {@code
   * grace}, then everything closed.
   *
   * @return completes when stopped; never fails
   */
  CompletableFuture<Void> stop(Duration grace);
}
