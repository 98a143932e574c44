package io.jsonrpc2.stdio;

import java.util.ArrayList;
import java.util.List;

/** The command that runs a main class of these tests in a new JVM. */
final class ChildProcesses {
  private ChildProcesses() {}

  static String java() {
    return ProcessHandle.current()
        .info()
        .command()
        .orElse(System.getProperty("java.home") + "/bin/java");
  }

  static List<String> command(Class<?> main, String... args) {
    List<String> command = new ArrayList<>();
    command.add(java());
    command.add("-Xshare:auto");
    command.add("-XX:TieredStopAtLevel=1");
    command.add("-cp");
    command.add(System.getProperty("java.class.path"));
    command.add(main.getName());
    command.addAll(List.of(args));
    return command;
  }
}
