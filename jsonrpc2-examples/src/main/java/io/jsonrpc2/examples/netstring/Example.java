package io.jsonrpc2.examples.netstring;

import io.jsonrpc2.CallContext;
import io.jsonrpc2.JsonRpcClient;
import io.jsonrpc2.JsonRpcException;
import io.jsonrpc2.JsonRpcMethod;
import io.jsonrpc2.NonBlocking;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Flow;

/**
 * txjason's example handler in Java, served under the namespace {@code main}: {@code main.echo},
 * {@code main.deferredEcho}, and a few more methods that show what the server does.
 */
// docs:begin netstring-handler
public final class Example {

  /** An application error with a fixed code, as txjason's {@code CustomError}. */
  public static final class CustomError extends JsonRpcException {
    private static final long serialVersionUID = 1L;

    public CustomError() {
      super(-32050, "Custom Error");
    }
  }

  /** The Java method echo2, exported as "echo". It never blocks, so it runs on the I/O thread. */
  @JsonRpcMethod("echo")
  @NonBlocking
  public Object echo2(Object param) {
    return param;
  }

  /** Exported methods may answer later with a future (txjason: a Deferred). */
  @JsonRpcMethod
  public CompletableFuture<Object> deferredEcho(Object param) {
    return CompletableFuture.supplyAsync(() -> param);
  }

  @JsonRpcMethod
  public long add(long a, long b) {
    return a + b;
  }

  /**
   * Blocks for a while: it runs on the service's executor, and shows timeouts and cancelPending.
   */
  @JsonRpcMethod
  public String sleep(double seconds) throws InterruptedException {
    Thread.sleep((long) (seconds * 1000));
    return "slept " + seconds + " s";
  }

  /** What the transport knows about the caller. */
  @JsonRpcMethod
  public Map<String, Object> whoami(CallContext call) {
    Map<String, Object> who = new LinkedHashMap<>();
    who.put("transport", call.transport().transport());
    who.put("address", String.valueOf(call.transport().remoteAddress()));
    who.put("certificate", call.transport().principalIfAny().map(p -> p.getName()).orElse(null));
    return who;
  }

  /**
   * Sends the caller {@code n} notifications {@code main.tick}, with params {@code [n-1]} down to
   * {@code [0]} in that order, on the caller's own connection, then answers {@code "done"}.
   */
  @JsonRpcMethod
  public String countdown(int n, CallContext call) {
    if (n < 0 || n > 10_000) {
      throw new JsonRpcException(-32602, "n must be between 0 and 10000");
    }
    JsonRpcClient caller = callerOf(call);
    for (int left = n - 1; left >= 0; left--) {
      caller.notify("main.tick", left);
    }
    return "done";
  }

  /**
   * Asks the caller {@code client.answer(question)} on its own connection and answers with its
   * result; an error answer passes through with its code and message.
   */
  @JsonRpcMethod
  public Object ask(String question, CallContext call) {
    return callerOf(call).call("client.answer", Object.class, question);
  }

  /**
   * A subscription: answers with its id, then sends the caller {@code count} items, 0 to {@code
   * count - 1}, one every {@code intervalMillis}, as {@code rpc.subscription} notifications, then
   * the end. Over netstrings (or any connection) only; needs a service built with {@code
   * subscriptions(...)}.
   */
  @JsonRpcMethod
  public Flow.Publisher<Integer> ticks(int count, long intervalMillis) {
    if (count < 0 || count > 10_000 || intervalMillis < 1 || intervalMillis > 60_000) {
      throw new JsonRpcException(
          -32602, "count must be between 0 and 10000, intervalMillis between 1 and 60000");
    }
    return new Ticks(count, intervalMillis);
  }

  /** The caller's side of its connection, or a clear error where the transport has none. */
  private static JsonRpcClient callerOf(CallContext call) {
    return call.peerIfAny()
        .orElseThrow(
            () ->
                new JsonRpcException(
                    -32000,
                    call.method()
                        + " calls its caller back, which "
                        + call.transport().transport()
                        + " cannot carry: use netstrings"));
  }

  /** Always fails with the custom error: code -32050, message "Custom Error". */
  @JsonRpcMethod
  public void fail() {
    throw new CustomError();
  }
}
// docs:end netstring-handler
