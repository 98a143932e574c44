package io.jsonrpc2.netty.netstring;

import io.jsonrpc2.CallContext;
import io.jsonrpc2.JsonRpcException;
import io.jsonrpc2.JsonRpcMethod;
import io.jsonrpc2.NonBlocking;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/** Methods the socket tests call; tests steer the slow ones through gates and semaphores. */
public final class TestMethods {
  /** Texts received by {@link #note}. */
  public final BlockingQueue<String> notes = new LinkedBlockingQueue<>();

  /** One permit per call of {@link #block} that has started. */
  public final Semaphore blockStarted = new Semaphore(0);

  private final Map<String, CompletableFuture<String>> gates = new ConcurrentHashMap<>();

  /** txjason's custom error, served by stopServing. */
  public static final class CustomError extends JsonRpcException {
    private static final long serialVersionUID = 1L;

    public CustomError() {
      super(-32050, "Custom Error");
    }
  }

  @JsonRpcMethod
  @NonBlocking
  public Object echo(Object value) {
    return value;
  }

  /** Answers once the test opens the gate of this name. */
  @JsonRpcMethod
  public CompletableFuture<String> gate(String name) {
    return gateFuture(name).thenApply(opened -> name);
  }

  public void open(String name) {
    gateFuture(name).complete(name);
  }

  private CompletableFuture<String> gateFuture(String name) {
    return gates.computeIfAbsent(name, n -> new CompletableFuture<>());
  }

  /** Blocks its executor thread for {@code millis}; signals {@link #blockStarted} first. */
  @JsonRpcMethod
  public String block(long millis) throws InterruptedException {
    blockStarted.release();
    Thread.sleep(millis);
    return "done";
  }

  public final Semaphore waitStarted = new Semaphore(0);
  public final CountDownLatch interrupted = new CountDownLatch(1);

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

  /** Asks the caller, on its own connection, and answers with what it said. */
  @JsonRpcMethod
  public String askBack(String question, CallContext context) {
    return "you said " + context.peer().call("client.answer", String.class, question);
  }

  @JsonRpcMethod
  @NonBlocking
  public void note(String text) {
    notes.add(text);
  }

  @JsonRpcMethod
  @NonBlocking
  public Map<String, Object> whoami(CallContext context) {
    Map<String, Object> who = new LinkedHashMap<>();
    who.put("transport", context.transport().transport());
    who.put("remote", String.valueOf(context.transport().remoteAddress()));
    who.put("principal", context.transport().principalIfAny().map(p -> p.getName()).orElse(null));
    return who;
  }
}
