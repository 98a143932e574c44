package io.jsonrpc2.examples.stdio;

import io.jsonrpc2.CallContext;
import io.jsonrpc2.JsonRpcMethod;
import io.jsonrpc2.JsonRpcService;
import io.jsonrpc2.stdio.StdioFraming;
import io.jsonrpc2.stdio.StdioServer;
import java.io.IOException;

/**
 * A program that serves JSON-RPC on its standard input and output, as a language server or an MCP
 * tool does, until its input ends; then it exits with status 0.
 *
 * <p>Usage: {@code StdioExample [NEWLINE|CONTENT_LENGTH]}, one message per line by default.
 */
public final class StdioExample {
  private StdioExample() {}

  /** The methods, served under the namespace {@code main}. */
  // docs:begin stdio-handler
  public static final class Tools {
    @JsonRpcMethod
    public String echo(String text) {
      return text;
    }

    @JsonRpcMethod
    public long add(long a, long b) {
      return a + b;
    }

    /** Notifies the caller {@code main.tick} with n-1 down to 0, then answers "done". */
    @JsonRpcMethod
    public String countdown(int n, CallContext call) {
      for (int left = n - 1; left >= 0; left--) {
        call.peer().notify("main.tick", left);
      }
      return "done";
    }

    /** Calls the caller back: {@code client.answer(question)}, and answers with its result. */
    @JsonRpcMethod
    public String ask(String question, CallContext call) {
      return "you said: " + call.peer().call("client.answer", String.class, question);
    }
  }

  // docs:end stdio-handler

  // docs:begin stdio-server
  public static void main(String[] args) throws IOException {
    StdioFraming framing = args.length > 0 ? StdioFraming.valueOf(args[0]) : StdioFraming.NEWLINE;
    JsonRpcService service = JsonRpcService.builder().handler("main", new Tools()).build();
    // Blocks until standard input ends, lets the calls in flight answer, then returns.
    StdioServer.builder(service).framing(framing).build().serve();
  }
  // docs:end stdio-server
}
