package io.jsonrpc2.servlet.websocket;

import io.jsonrpc2.CallContext;
import io.jsonrpc2.JsonRpcMethod;
import io.jsonrpc2.NonBlocking;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/** Methods the WebSocket tests call. */
public final class TestMethods {
  public final Semaphore waitStarted = new Semaphore(0);
  public final CountDownLatch interrupted = new CountDownLatch(1);

  @JsonRpcMethod
  @NonBlocking
  public Object echo(Object value) {
    return value;
  }

  /** Waits (up to 20 s) until interrupted; signals {@link #waitStarted} first. */
  @JsonRpcMethod
  public String waitForInterrupt() {
    waitStarted.release();
    try {
      new CountDownLatch(1).await(20, TimeUnit.SECONDS);
      return "not interrupted";
    } catch (InterruptedException e) {
      interrupted.countDown();
      return "interrupted";
    }
  }

  @JsonRpcMethod
  @NonBlocking
  public Map<String, Object> whoami(CallContext context) {
    Map<String, Object> who = new LinkedHashMap<>();
    who.put("transport", context.transport().transport());
    who.put("remote", String.valueOf(context.transport().remoteAddress()));
    who.put("principal", context.transport().principalIfAny().map(p -> p.getName()).orElse(null));
    who.put("agent", context.transport().header("X-Agent").orElse(null));
    return who;
  }
}
