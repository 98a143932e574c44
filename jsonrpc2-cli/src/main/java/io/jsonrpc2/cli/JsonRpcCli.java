package io.jsonrpc2.cli;

import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.IVersionProvider;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * The {@code jsonrpc2} command: {@code serve} classes over HTTP, netstrings and ZeroMQ, {@code
 * call} a server, {@code init} a project. {@link #main} runs it and exits with its {@link
 * ExitCode}; {@link #commandLine()} gives the same command for running in-process (tests redirect
 * its out and err writers).
 */
@Command(
    name = "jsonrpc2",
    mixinStandardHelpOptions = true,
    versionProvider = JsonRpcCli.Version.class,
    subcommands = {
      ServeCommand.class,
      CallCommand.class,
      InitCommand.class,
      CommandLine.HelpCommand.class
    },
    description =
        "JSON-RPC 2.0 from the command line: serve Java classes, call servers, start a project.")
public final class JsonRpcCli implements Runnable {
  @Spec CommandSpec spec;

  /** Runs the command with {@code args} and exits the JVM with its exit code. */
  public static void main(String[] args) {
    avoidUnsafeWarnings();
    quietLogging(args.length > 0 && args[0].equals("call") ? "error" : "warn");
    System.exit(commandLine().execute(args));
  }

  /**
   * From Java 24 on, the JVM warns on stderr when {@code sun.misc.Unsafe} memory access is used,
   * which Netty does by default; a command's output must stay clean, so Netty is told not to use it
   * unless the user decided otherwise ({@code -Dio.netty.noUnsafe=false} in JAVA_OPTS).
   */
  private static void avoidUnsafeWarnings() {
    if (Runtime.version().feature() >= 24 && System.getProperty("io.netty.noUnsafe") == null) {
      System.setProperty("io.netty.noUnsafe", "true");
    }
  }

  /**
   * The command, ready to {@code execute}: usage errors exit with {@link ExitCode#USAGE}, a {@link
   * CliException} prints {@code jsonrpc2: message} on the error writer and exits with its code,
   * anything else prints its stack trace and exits with {@link ExitCode#SOFTWARE}.
   */
  public static CommandLine commandLine() {
    CommandLine commandLine = new CommandLine(new JsonRpcCli());
    // "@name" is a string param to send, not a file of arguments to read.
    commandLine.setExpandAtFiles(false);
    commandLine.setExecutionExceptionHandler(
        (exception, command, parseResult) -> {
          PrintWriter err = command.getErr();
          if (exception instanceof CliException failure) {
            err.println("jsonrpc2: " + failure.getMessage());
            err.flush();
            return failure.exitCode();
          }
          err.println("jsonrpc2: unexpected failure: " + exception);
          exception.printStackTrace(err);
          err.flush();
          return ExitCode.SOFTWARE;
        });
    return commandLine;
  }

  /** Without a subcommand: the usage. */
  @Override
  public void run() {
    throw new CommandLine.ParameterException(
        spec.commandLine(), "say which command: serve, call or init");
  }

  // The command's output is its result, and call reports its own failures, so library log lines
  // would only repeat them; serve keeps warnings (a peer's bad input, say). Explicit -D settings
  // win.
  private static void quietLogging(String level) {
    System.setProperty(
        "org.slf4j.simpleLogger.defaultLogLevel",
        System.getProperty("org.slf4j.simpleLogger.defaultLogLevel", level));
  }

  /** The version from the jar's manifest. */
  static final class Version implements IVersionProvider {
    @Override
    public String[] getVersion() {
      return new String[] {"jsonrpc2 " + versionString()};
    }
  }

  /** This command's version, which the build wrote into its classes. */
  static String versionString() {
    return ProjectTemplate.jsonrpc2Version();
  }
}
