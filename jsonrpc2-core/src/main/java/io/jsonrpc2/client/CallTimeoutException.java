package io.jsonrpc2.client;

/**
 * No response came within the call's timeout; the call is forgotten and a late response is dropped.
 * When a reply that could not be matched to any call arrived on the connection while this call was
 * waiting (say, one that was not JSON), it is this exception's cause: it may well have been this
 * call's answer.
 */
public class CallTimeoutException extends TransportException {
  private static final long serialVersionUID = 1L;

  public CallTimeoutException(String message) {
    super(message);
  }

  public CallTimeoutException(String message, Throwable cause) {
    super(message, cause);
  }
}
