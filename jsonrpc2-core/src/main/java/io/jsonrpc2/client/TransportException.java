package io.jsonrpc2.client;

import org.jspecify.annotations.Nullable;

/**
 * The message could not be delivered, or its reply could not be received: the transport failed, the
 * connection was lost ({@link ConnectionLostException}), no reply came in time ({@link
 * CallTimeoutException}), or the client was closed. Transports fail their futures with this type
 * (or a subclass), with the underlying I/O error as the cause.
 */
public class TransportException extends JsonRpcClientException {
  private static final long serialVersionUID = 1L;

  public TransportException(String message) {
    super(message);
  }

  public TransportException(String message, @Nullable Throwable cause) {
    super(message, cause);
  }
}
