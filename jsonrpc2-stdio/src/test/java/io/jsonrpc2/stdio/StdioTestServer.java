package io.jsonrpc2.stdio;

import io.jsonrpc2.CallContext;
import io.jsonrpc2.JsonRpcMethod;
import io.jsonrpc2.JsonRpcService;
import io.jsonrpc2.NonBlocking;
import java.io.IOException;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The child process of the process tests: serves {@link Methods} on its standard input and output
 * with the framing named by its first argument, and returns from {@code main} at the end of its
 * input.
 */
public final class StdioTestServer {
  private StdioTestServer() {}

  /** What the tests call. */
  public static final class Methods {
    private final List<String> notes = new CopyOnWriteArrayList<>();

    @JsonRpcMethod
    public String echo(String text) {
      return text;
    }

    @JsonRpcMethod
    public long add(long a, long b) {
      return a + b;
    }

    /** Called as a notification; on the reading thread, so that notes keep their order. */
    @JsonRpcMethod
    @NonBlocking
    public void note(String text) {
      notes.add(text);
    }

    @JsonRpcMethod
    public List<String> notes() {
      return notes;
    }

    /** Calls the caller back. */
    @JsonRpcMethod
    public String ask(String question, CallContext call) {
      return "they said: " + call.peer().call("client.answer", String.class, question);
    }

    /** Tells the caller it started, then works for a while. */
    @JsonRpcMethod
    public String slow(long millis, CallContext call) throws InterruptedException {
      call.peer().notify("slow.started");
      Thread.sleep(millis);
      return "slow done";
    }

    /** Prints to standard output, which must not reach the protocol. */
    @JsonRpcMethod
    @SuppressWarnings("SystemOut") // the point of the method
    public String shout(String text) {
      System.out.println("stray output: " + text);
      System.err.println("error output: " + text);
      return "shouted " + text;
    }
  }

  public static void main(String[] args) throws IOException {
    StdioFraming framing = args.length > 0 ? StdioFraming.valueOf(args[0]) : StdioFraming.NEWLINE;
    StdioServer.builder(JsonRpcService.builder().handler(new Methods()).build())
        .framing(framing)
        .build()
        .serve();
  }
}
