package io.jsonrpc2.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import picocli.CommandLine;

/** The outcome of one in-process run of the command: its exit code and what it printed. */
record CliRun(int exitCode, String out, String err) {
  static CliRun of(String... args) {
    CommandLine command = JsonRpcCli.commandLine();
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    command.setOut(new PrintWriter(out, true));
    command.setErr(new PrintWriter(err, true));
    int exitCode = command.execute(args);
    return new CliRun(exitCode, out.toString(), err.toString());
  }

  /** The parsed subcommand object, without running it, for tests of a command's own steps. */
  static <T> T parsed(Class<T> type, StringWriter out, String... args) {
    CommandLine command = JsonRpcCli.commandLine();
    command.setOut(new PrintWriter(out, true));
    CommandLine.ParseResult result = command.parseArgs(args);
    return type.cast(result.subcommand().commandSpec().userObject());
  }

  @Override
  public String toString() {
    return "exit " + exitCode + "\n--- stdout\n" + out + "--- stderr\n" + err;
  }
}
