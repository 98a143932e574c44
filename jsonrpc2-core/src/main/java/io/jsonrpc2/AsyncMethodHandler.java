package io.jsonrpc2;

import java.util.concurrent.CompletionStage;

/**
 * A JSON-RPC method as a function that answers later.
 *
 * <p>It is called on the thread that handed the message to the service (often a transport's I/O
 * thread), so it must not block: it starts the work and returns a stage that completes with the
 * result or fails with the error. It may return null for a null result.
 */
@FunctionalInterface
public interface AsyncMethodHandler {
  CompletionStage<?> handle(Params params, CallContext context);
}
