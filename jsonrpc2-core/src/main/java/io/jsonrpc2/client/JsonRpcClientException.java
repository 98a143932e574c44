package io.jsonrpc2.client;

import org.jspecify.annotations.Nullable;

/**
 * The base of every exception the client throws, or fails a future with, for a call that did not
 * succeed:
 *
 * <ul>
 *   <li>{@link ErrorResponseException}: the server answered with an error object;
 *   <li>{@link InvalidResponseException}: the reply was JSON but not a valid JSON-RPC 2.0 response
 *       to the call;
 *   <li>{@link ParseResponseException}: the reply was not JSON;
 *   <li>{@link TransportException}: the message did not get there or no reply came back, with
 *       {@link ConnectionLostException} and {@link CallTimeoutException} under it.
 * </ul>
 *
 * Unchecked. Mistakes in how the client is called (a null method name, params Jackson cannot write)
 * are {@code IllegalArgumentException}s instead, thrown at once.
 */
public class JsonRpcClientException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public JsonRpcClientException(String message) {
    super(message);
  }

  public JsonRpcClientException(String message, @Nullable Throwable cause) {
    super(message, cause);
  }
}
