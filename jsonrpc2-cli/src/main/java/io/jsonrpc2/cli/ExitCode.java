package io.jsonrpc2.cli;

/**
 * The exit codes of the {@code jsonrpc2} command, so scripts can tell what went wrong without
 * reading messages.
 */
public final class ExitCode {
  /** The call succeeded, the project was written, the server stopped when asked. */
  public static final int OK = 0;

  /** The server answered with a JSON-RPC error object (in a batch: at least one). */
  public static final int ERROR_RESPONSE = 1;

  /**
   * The command could not do what was asked: bad options or arguments, a class that cannot be
   * served, a port in use, a file that cannot be read or written.
   */
  public static final int USAGE = 2;

  /**
   * No valid reply came: connection refused or lost, timeout, TLS failure, a reply that is not
   * JSON-RPC.
   */
  public static final int TRANSPORT = 3;

  /** A failure the command did not expect; the stack trace goes to stderr. */
  public static final int SOFTWARE = 70;

  private ExitCode() {}
}
