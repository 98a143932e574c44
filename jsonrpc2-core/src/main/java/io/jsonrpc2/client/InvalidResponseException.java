package io.jsonrpc2.client;

/** The reply was JSON but not a valid JSON-RPC 2.0 response to the call. */
public class InvalidResponseException extends JsonRpcClientException {
  private static final long serialVersionUID = 1L;

  public InvalidResponseException(String message) {
    super(message);
  }
}
