package io.jsonrpc2.client;

import com.fasterxml.jackson.databind.JsonNode;
import io.jsonrpc2.message.ErrorObject;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * The server answered the call with an error object; {@link #code()}, {@link #errorMessage()} and
 * {@link #data()} are what it sent. {@link #getMessage()} is a readable summary that also names the
 * method, when known.
 */
public class ErrorResponseException extends JsonRpcClientException {
  private static final long serialVersionUID = 1L;

  private final transient ErrorObject error;

  public ErrorResponseException(ErrorObject error) {
    this(error, null);
  }

  /**
   * @param error the error object received
   * @param method the method that was called, for the exception's message; may be null
   */
  public ErrorResponseException(ErrorObject error, @Nullable String method) {
    super(describe(Objects.requireNonNull(error, "error"), method));
    this.error = error;
  }

  /** The error object as received. */
  public ErrorObject error() {
    return error;
  }

  public int code() {
    return error.code();
  }

  /** The error message the server sent (jsonrpcclient's {@code message}). */
  public String errorMessage() {
    return error.message();
  }

  /** The error's data, or null when it had none. */
  public @Nullable JsonNode data() {
    return error.data();
  }

  private static String describe(ErrorObject error, @Nullable String method) {
    String text = error.code() + " " + error.message();
    if (error.data() != null) {
      text += " (data: " + error.data() + ")";
    }
    return method == null ? text : "'" + method + "' failed: " + text;
  }
}
