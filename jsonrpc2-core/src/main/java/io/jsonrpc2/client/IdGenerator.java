package io.jsonrpc2.client;

import io.jsonrpc2.message.Id;

/**
 * Makes request ids for {@link io.jsonrpc2.JsonRpcClient}; {@link IdGenerators} has the built-in
 * ones, and any lambda will do.
 *
 * <p>Implementations must be thread-safe: many callers ask for ids at once. They should not repeat
 * an id while a call with it may still be waiting for its response; if one does, the client asks
 * again (a few times) before it gives up with an {@code IllegalStateException}, so a random
 * generator's rare collision costs nothing.
 */
@FunctionalInterface
public interface IdGenerator {
  /** The next id; never null. */
  Id next();
}
