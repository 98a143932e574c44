package io.jsonrpc2.client;

import io.jsonrpc2.message.Id;

/**
 * Makes request ids. Implementations must be thread-safe and must not repeat an id while a call
 * with it may still be pending.
 */
@FunctionalInterface
public interface IdGenerator {
  Id next();
}
