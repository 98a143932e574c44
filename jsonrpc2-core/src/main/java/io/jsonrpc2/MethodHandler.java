package io.jsonrpc2;

import org.jspecify.annotations.Nullable;

/**
 * A JSON-RPC method as a function that may block.
 *
 * <p>It runs on the service's executor, never on a transport's I/O thread. It returns the result
 * (any value the service's {@code ObjectMapper} can write, or null) or throws; a {@link
 * io.jsonrpc2.JsonRpcException} chooses the error the caller gets, any other exception goes through
 * the service's exception mapping.
 */
@FunctionalInterface
public interface MethodHandler {
  @Nullable Object handle(Params params, CallContext context) throws Exception;
}
