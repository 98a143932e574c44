package io.jsonrpc2.message;

/**
 * The error codes this library uses: the five of the JSON-RPC 2.0 specification and the two
 * server-error codes of the service lifecycle (from the {@code -32000..-32099} range the
 * specification reserves for implementation-defined server errors).
 */
public final class ErrorCodes {
  private ErrorCodes() {}

  /** Invalid JSON was received. */
  public static final int PARSE_ERROR = -32700;

  /** The JSON sent is not a valid Request object. */
  public static final int INVALID_REQUEST = -32600;

  /** The method does not exist or is not available. */
  public static final int METHOD_NOT_FOUND = -32601;

  /** Invalid method parameter(s). */
  public static final int INVALID_PARAMS = -32602;

  /** Internal JSON-RPC error. */
  public static final int INTERNAL_ERROR = -32603;

  /** The method did not finish within the service's timeout. */
  public static final int TIMEOUT = -32098;

  /** The service is not serving (see {@code JsonRpcService.stopServing}). */
  public static final int SERVICE_UNAVAILABLE = -32097;

  /** The call was cancelled on the server (see {@code JsonRpcService.cancelPending}). */
  public static final int CANCELLED = -32096;

  /**
   * A subscription ended because its peer read too slowly: its buffer was full, under {@code
   * OverflowPolicy.FAIL}.
   */
  public static final int OVERFLOW = -32095;
}
