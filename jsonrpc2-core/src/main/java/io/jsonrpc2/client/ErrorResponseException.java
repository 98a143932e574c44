package io.jsonrpc2.client;

import com.fasterxml.jackson.databind.JsonNode;
import io.jsonrpc2.message.ErrorObject;

/** The server answered the call with an error object. */
public class ErrorResponseException extends JsonRpcClientException {
  private static final long serialVersionUID = 1L;

  private final transient ErrorObject error;

  public ErrorResponseException(ErrorObject error) {
    super(error.code() + " " + error.message());
    this.error = error;
  }

  public ErrorObject error() {
    return error;
  }

  public int code() {
    return error.code();
  }

  /** The error message the server sent. */
  public String errorMessage() {
    return error.message();
  }

  /** The error's data, or null when it had none. */
  public JsonNode data() {
    return error.data();
  }
}
