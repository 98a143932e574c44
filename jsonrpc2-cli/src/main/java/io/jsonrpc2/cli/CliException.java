package io.jsonrpc2.cli;

/**
 * A failure the command reports as one line on stderr ({@code jsonrpc2: <message>}) and ends with
 * {@link #exitCode()}; no stack trace, because the message says everything the user can act on.
 */
public final class CliException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final int exitCode;

  public CliException(int exitCode, String message) {
    super(message);
    this.exitCode = exitCode;
  }

  public CliException(int exitCode, String message, Throwable cause) {
    super(message, cause);
    this.exitCode = exitCode;
  }

  /** A bad option, argument, class, port or file: {@link ExitCode#USAGE}. */
  public static CliException usage(String message) {
    return new CliException(ExitCode.USAGE, message);
  }

  public int exitCode() {
    return exitCode;
  }
}
