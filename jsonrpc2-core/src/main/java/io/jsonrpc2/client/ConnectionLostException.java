package io.jsonrpc2.client;

import org.jspecify.annotations.Nullable;

/**
 * The connection closed while the call was waiting for its response. The call may or may not have
 * run on the server; it is never sent again by the client.
 */
public class ConnectionLostException extends TransportException {
  private static final long serialVersionUID = 1L;

  public ConnectionLostException(String message, @Nullable Throwable cause) {
    super(message, cause);
  }
}
