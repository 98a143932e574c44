package io.jsonrpc2.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.jsonrpc2.JsonRpcException;
import io.jsonrpc2.message.ErrorCodes;
import java.util.concurrent.CompletableFuture;

/** The method that ends a subscription of the connection it is called on. */
public final class Unsubscribe {
  private Unsubscribe() {}

  /**
   * The method {@code name}: params {@code [ID]} or {@code {"subscription": ID}}; answers whether
   * ID was a live subscription of this connection, at once, on the thread that reads it.
   */
  public static Target target(String name, ObjectMapper mapper) {
    return FunctionTargets.async(
        name,
        (params, call) -> {
          JsonNode all = params.asNode();
          JsonNode id =
              params.isNamed() ? all.get("subscription") : all.size() == 1 ? all.get(0) : null;
          if (id == null || !id.isTextual()) {
            throw new JsonRpcException(
                ErrorCodes.INVALID_PARAMS,
                name + " takes the subscription id, a string: [ID] or {\"subscription\": ID}");
          }
          boolean ended =
              call.transport().attributes().get(ServerSubscriptions.ATTRIBUTE)
                      instanceof ServerSubscriptions subscriptions
                  && subscriptions.unsubscribe(id.textValue());
          return CompletableFuture.completedFuture(ended);
        },
        mapper);
  }
}
