package io.jsonrpc2.client;

/** No response came within the call's timeout. The call's late response, if any, is dropped. */
public class CallTimeoutException extends TransportException {
  private static final long serialVersionUID = 1L;

  public CallTimeoutException(String message) {
    super(message);
  }
}
