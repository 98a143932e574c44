package io.jsonrpc2.client;

/** The message could not be delivered, or its reply could not be received. */
public class TransportException extends JsonRpcClientException {
  private static final long serialVersionUID = 1L;

  public TransportException(String message) {
    super(message);
  }

  public TransportException(String message, Throwable cause) {
    super(message, cause);
  }
}
