package io.jsonrpc2.internal;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.jsonrpc2.JsonRpcException;
import io.jsonrpc2.client.ErrorResponseException;
import io.jsonrpc2.message.ErrorObject;
import java.util.Map;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns what a method threw into the error object its caller gets: a {@link JsonRpcException}
 * speaks for itself, and so does an {@link ErrorResponseException} (an error answer from a server
 * this method called, passed on as it came), a mapped exception type gets its code, anything else
 * is -32603 Internal error, logged here once with its stack trace and never sent over the wire
 * unless details are switched on.
 */
public final class ErrorMapping {
  private static final Logger LOG = LoggerFactory.getLogger("io.jsonrpc2.server");

  private final Map<Class<? extends Throwable>, Function<Throwable, ErrorObject>> table;
  private final boolean exposeDetails;

  public ErrorMapping(
      Map<Class<? extends Throwable>, Function<Throwable, ErrorObject>> table,
      boolean exposeDetails) {
    this.table = Map.copyOf(table);
    this.exposeDetails = exposeDetails;
  }

  public ErrorObject map(Throwable thrown, String method) {
    Throwable t = Throwables.unwrap(thrown);
    if (t instanceof JsonRpcException e) {
      return e.error();
    }
    if (t instanceof ErrorResponseException e) {
      return e.error();
    }
    for (Class<?> type = t.getClass();
        type != null && type != Object.class;
        type = type.getSuperclass()) {
      Function<Throwable, ErrorObject> mapping = table.get(type);
      if (mapping != null) {
        return mapping.apply(t);
      }
    }
    LOG.error("Method '{}' failed", method, t);
    if (!exposeDetails) {
      return ErrorObject.INTERNAL_ERROR;
    }
    ObjectNode data = JsonNodeFactory.instance.objectNode();
    data.put("exception", t.getClass().getName());
    data.put("message", t.getMessage());
    return ErrorObject.INTERNAL_ERROR.withData(data);
  }

  /** The message a mapped exception contributes: its own, or a neutral one when it has none. */
  public static String messageOf(Throwable t) {
    String message = t.getMessage();
    return message == null || message.isEmpty() ? "Server error" : message;
  }
}
