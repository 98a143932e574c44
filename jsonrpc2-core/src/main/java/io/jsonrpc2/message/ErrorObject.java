package io.jsonrpc2.message;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A JSON-RPC error object: an integer code, a message and optional data.
 *
 * <p>The one error vocabulary of both sides: the server writes these, the client reads them, and
 * {@link io.jsonrpc2.JsonRpcException} carries one. Copies with another message or data come from
 * {@link #withMessage} and {@link #withData}.
 *
 * @param code the error code
 * @param message a short description, never null
 * @param data additional information, or null when the member is absent
 */
public record ErrorObject(int code, String message, @Nullable JsonNode data) {
  public static final ErrorObject PARSE_ERROR =
      new ErrorObject(ErrorCodes.PARSE_ERROR, "Parse error", null);
  public static final ErrorObject INVALID_REQUEST =
      new ErrorObject(ErrorCodes.INVALID_REQUEST, "Invalid Request", null);
  public static final ErrorObject METHOD_NOT_FOUND =
      new ErrorObject(ErrorCodes.METHOD_NOT_FOUND, "Method not found", null);
  public static final ErrorObject INVALID_PARAMS =
      new ErrorObject(ErrorCodes.INVALID_PARAMS, "Invalid params", null);
  public static final ErrorObject INTERNAL_ERROR =
      new ErrorObject(ErrorCodes.INTERNAL_ERROR, "Internal error", null);
  public static final ErrorObject TIMEOUT =
      new ErrorObject(ErrorCodes.TIMEOUT, "Timeout error", null);
  public static final ErrorObject SERVICE_UNAVAILABLE =
      new ErrorObject(ErrorCodes.SERVICE_UNAVAILABLE, "Service unavailable", null);
  public static final ErrorObject CANCELLED =
      new ErrorObject(ErrorCodes.CANCELLED, "Request cancelled", null);

  public ErrorObject {
    Objects.requireNonNull(message, "message");
    if (data != null && data.isMissingNode()) {
      data = null;
    }
  }

  /** An error without data. */
  public static ErrorObject of(int code, String message) {
    return new ErrorObject(code, message, null);
  }

  public ErrorObject withMessage(String newMessage) {
    return new ErrorObject(code, newMessage, data);
  }

  /** A copy whose message is this one's followed by ": " and {@code detail}. */
  public ErrorObject withDetail(String detail) {
    return new ErrorObject(code, message + ": " + detail, data);
  }

  public ErrorObject withData(@Nullable JsonNode newData) {
    return new ErrorObject(code, message, newData);
  }
}
