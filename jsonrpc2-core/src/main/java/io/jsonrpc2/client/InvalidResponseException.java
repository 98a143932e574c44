package io.jsonrpc2.client;

/**
 * The reply was JSON but not a valid JSON-RPC 2.0 response to the call: no {@code "jsonrpc":
 * "2.0"}, both or neither of {@code result} and {@code error}, a malformed error object, an id that
 * matches no call, no response for the call at all, or a result that does not convert to the
 * expected type.
 */
public class InvalidResponseException extends JsonRpcClientException {
  private static final long serialVersionUID = 1L;

  public InvalidResponseException(String message) {
    super(message);
  }

  public InvalidResponseException(String message, Throwable cause) {
    super(message, cause);
  }
}
