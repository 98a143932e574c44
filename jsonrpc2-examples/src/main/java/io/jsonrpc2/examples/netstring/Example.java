package io.jsonrpc2.examples.netstring;

import io.jsonrpc2.CallContext;
import io.jsonrpc2.JsonRpcException;
import io.jsonrpc2.JsonRpcMethod;
import io.jsonrpc2.NonBlocking;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

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
  @NonBlocking
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
  @NonBlocking
  public Map<String, Object> whoami(CallContext call) {
    Map<String, Object> who = new LinkedHashMap<>();
    who.put("transport", call.transport().transport());
    who.put("address", String.valueOf(call.transport().remoteAddress()));
    who.put("certificate", call.transport().principalIfAny().map(p -> p.getName()).orElse(null));
    return who;
  }

  /** Always fails with the custom error: code -32050, message "Custom Error". */
  @JsonRpcMethod
  @NonBlocking
  public void fail() {
    throw new CustomError();
  }
}
// docs:end netstring-handler
