package io.jsonrpc2.client;

import org.jspecify.annotations.Nullable;

/** The reply was not JSON at all (or broke a configured limit such as the nesting depth). */
public class ParseResponseException extends JsonRpcClientException {
  private static final long serialVersionUID = 1L;

  public ParseResponseException(String message, @Nullable Throwable cause) {
    super(message, cause);
  }
}
