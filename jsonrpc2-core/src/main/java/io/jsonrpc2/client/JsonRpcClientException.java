package io.jsonrpc2.client;

/** The base of every exception the client throws for a call that did not succeed. */
public class JsonRpcClientException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public JsonRpcClientException(String message) {
    super(message);
  }

  public JsonRpcClientException(String message, Throwable cause) {
    super(message, cause);
  }
}
