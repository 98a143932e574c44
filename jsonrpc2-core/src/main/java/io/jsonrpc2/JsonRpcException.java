package io.jsonrpc2;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.jsonrpc2.message.ErrorObject;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * An exception that becomes a JSON-RPC error object on the wire.
 *
 * <p>A method throws it (or returns a future failed with it) to choose the error its caller gets.
 * Subclass it for application errors with a fixed code, as in
 *
 * <pre>{@code
 * class CustomError extends JsonRpcException {
 *   CustomError() { super(-32050, "Custom Error"); }
 * }
 * }</pre>
 *
 * <p>{@code data} may be any value Jackson can write with a default {@code ObjectMapper}; it is
 * converted to a {@link JsonNode} when the exception is made.
 */
public class JsonRpcException extends RuntimeException {
  private static final ObjectMapper DATA_MAPPER = new ObjectMapper();
  private static final long serialVersionUID = 1L;

  private final transient ErrorObject error;

  public JsonRpcException(ErrorObject error) {
    super(Objects.requireNonNull(error, "error").message(), null, false, false);
    this.error = error;
  }

  public JsonRpcException(int code, String message) {
    this(new ErrorObject(code, message, null));
  }

  public JsonRpcException(int code, String message, @Nullable Object data) {
    this(new ErrorObject(code, message, toNode(data)));
  }

  /** The error object this exception stands for. */
  public ErrorObject error() {
    return error;
  }

  public int code() {
    return error.code();
  }

  /** The data member, or null when there is none. */
  public @Nullable JsonNode data() {
    return error.data();
  }

  private static @Nullable JsonNode toNode(@Nullable Object data) {
    if (data == null || data instanceof JsonNode) {
      return (JsonNode) data;
    }
    return DATA_MAPPER.valueToTree(data);
  }
}
