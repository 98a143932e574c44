package io.jsonrpc2.examples.service;

import io.jsonrpc2.JsonRpcMethod;
import java.util.concurrent.CompletableFuture;

// docs:begin handler
/** txjason's example handler in Java: exported as main.echo and main.deferredEcho. */
public class Example {
  @JsonRpcMethod("echo") // exported as 'echo' although the Java name differs
  public String echo2(String param) {
    return param;
  }

  @JsonRpcMethod // exported under its own name; answers later
  public CompletableFuture<String> deferredEcho(String param) {
    return CompletableFuture.completedFuture(param);
  }

  public String helper() { // not annotated, so not exported
    return "internal";
  }
}
// docs:end handler
