package io.jsonrpc2.examples.stdio;

import io.jsonrpc2.JsonRpcClient;
import io.jsonrpc2.JsonRpcService;
import io.jsonrpc2.stdio.StdioFraming;
import io.jsonrpc2.stdio.StdioProcess;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Starts {@link StdioExample} as a child process, the way an editor starts a language server, and
 * talks to it over its standard input and output in both directions.
 *
 * <p>Usage: {@code StdioClientExample [NEWLINE|CONTENT_LENGTH]}.
 */
public final class StdioClientExample {
  private StdioClientExample() {}

  /** The command that runs {@link StdioExample} in a new JVM with this JVM's class path. */
  public static List<String> serverCommand(StdioFraming framing) {
    List<String> command = new ArrayList<>();
    command.add(System.getProperty("java.home") + "/bin/java");
    String provider = System.getProperty("slf4j.provider");
    if (provider != null) {
      command.add("-Dslf4j.provider=" + provider); // the child logs as this JVM does
    }
    command.addAll(List.of("-cp", System.getProperty("java.class.path")));
    command.add(StdioExample.class.getName());
    command.add(framing.name());
    return command;
  }

  // docs:begin stdio-client
  public static List<String> talkTo(List<String> command, StdioFraming framing) throws IOException {
    List<Integer> ticks = new CopyOnWriteArrayList<>();
    JsonRpcService local = // answers what the process sends this side
        JsonRpcService.builder()
            .method("client.answer", (params, call) -> "yes to " + params.get(0, String.class))
            .asyncMethod(
                "main.tick",
                (params, call) -> {
                  ticks.add(params.get(0, Integer.class));
                  return CompletableFuture.completedFuture(null);
                })
            .build();
    try (StdioProcess server =
        StdioProcess.builder(command).framing(framing).service(local).start()) {
      JsonRpcClient client = server.client();
      long sum = client.call("main.add", Long.class, 2, 3);
      String asked = client.call("main.ask", String.class, "tea?");
      String done = client.call("main.countdown", String.class, 3);
      return List.of("add: " + sum, "ask: " + asked, "countdown: " + done + " after " + ticks);
    } // close: ends the process's input, waits for it to exit
  }

  // docs:end stdio-client

  @SuppressWarnings("SystemOut") // an example's output
  public static void main(String[] args) throws IOException {
    StdioFraming framing = args.length > 0 ? StdioFraming.valueOf(args[0]) : StdioFraming.NEWLINE;
    talkTo(serverCommand(framing), framing).forEach(System.out::println);
  }
}
