package io.jsonrpc2.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.jsonrpc2.JsonRpcException;
import io.jsonrpc2.message.ErrorCodes;
import io.jsonrpc2.message.ErrorObject;
import io.jsonrpc2.message.Id;
import java.io.UncheckedIOException;
import java.util.concurrent.CompletableFuture;
import org.jspecify.annotations.Nullable;

/**
 * Cancellation that reaches the peer: the notification a caller sends when it gives up a call
 * ({@code {"jsonrpc":"2.0","method":NAME,"params":{"id":ID}}}), and the method that receives it.
 */
public final class Cancellation {
  private Cancellation() {}

  /**
   * The method {@code name}: cancels the request with the given id that came on the same
   * connection, if it is still running, which then answers -32096 Request cancelled. It runs on the
   * thread that reads the connection, at once. Answers null when called as a request.
   */
  public static Target target(String name, Dispatcher dispatcher, ObjectMapper mapper) {
    return FunctionTargets.async(
        name,
        (params, call) -> {
          JsonNode id = params.isNamed() ? params.asNode().get("id") : null;
          Id target = id == null ? null : idOf(id);
          if (target == null) {
            throw new JsonRpcException(
                ErrorCodes.INVALID_PARAMS,
                name + " takes {\"id\": the id of the call to cancel}, a string or a number");
          }
          dispatcher.cancel(call.transport(), target, ErrorObject.CANCELLED);
          return CompletableFuture.completedFuture(null);
        },
        mapper);
  }

  /** The notification {@code name} that cancels the call {@code id}. */
  public static byte[] notification(String name, Id id, ObjectMapper mapper) {
    try {
      ObjectNode message = mapper.createObjectNode().put("jsonrpc", "2.0").put("method", name);
      message.putObject("params").set("id", mapper.readTree(id.toJson()));
      return mapper.writeValueAsBytes(message);
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static @Nullable Id idOf(JsonNode id) {
    if (id.isTextual()) {
      return Id.of(id.textValue());
    }
    return id.isNumber() ? Id.ofNumberText(id.toString()) : null;
  }
}
