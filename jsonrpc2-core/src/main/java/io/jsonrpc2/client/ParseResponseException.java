package io.jsonrpc2.client;

/** The reply was not JSON at all. */
public class ParseResponseException extends JsonRpcClientException {
  private static final long serialVersionUID = 1L;

  public ParseResponseException(String message, Throwable cause) {
    super(message, cause);
  }
}
