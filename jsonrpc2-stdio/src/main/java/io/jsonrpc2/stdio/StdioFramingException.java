package io.jsonrpc2.stdio;

import java.io.IOException;

/**
 * The peer broke the framing: a bad header, a bad or missing {@code Content-Length}, a message over
 * the size limit, or the input ending in the middle of a message. A {@link StreamMessageChannel}
 * answers it with a JSON-RPC error object with id null and {@link #code()}, then closes with it.
 */
public final class StdioFramingException extends IOException {
  private static final long serialVersionUID = 1L;

  private final int code;

  /**
   * @param code the JSON-RPC error code of the answer: -32700 (Parse error) when the bytes cannot
   *     be framed, -32600 (Invalid Request) for a message over the size limit
   * @param message what was wrong, for the peer and for the log
   */
  public StdioFramingException(int code, String message) {
    super(message);
    this.code = code;
  }

  /** The JSON-RPC error code the peer is answered with. */
  public int code() {
    return code;
  }
}
