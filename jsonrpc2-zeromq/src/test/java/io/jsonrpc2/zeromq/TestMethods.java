package io.jsonrpc2.zeromq;

import io.jsonrpc2.CallContext;
import io.jsonrpc2.JsonRpcMethod;
import io.jsonrpc2.JsonRpcService;
import io.jsonrpc2.NonBlocking;
import java.util.concurrent.BrokenBarrierException;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/** The methods the ZeroMQ tests call, for one named server. */
public final class TestMethods {
  private final String name;
  private final CyclicBarrier rendezvous;

  /** The values of the {@code ping} notifications received, in order. */
  public final LinkedBlockingQueue<Integer> pings = new LinkedBlockingQueue<>();

  /** Released each time {@code slow} begins, so a test can wait for a call to be in flight. */
  public final Semaphore slowStarted = new Semaphore(0);

  TestMethods(String name, int rendezvousParties) {
    this.name = name;
    this.rendezvous = new CyclicBarrier(rendezvousParties);
  }

  static JsonRpcService service(TestMethods methods) {
    return JsonRpcService.builder().handler(methods).build();
  }

  @JsonRpcMethod
  @NonBlocking
  public String echo(String text) {
    return text;
  }

  @JsonRpcMethod
  public long cube(long n) {
    return n * n * n;
  }

  /** jsonrpcclient's example: {@code request('cat', name='Mittens')} answers "meow". */
  @JsonRpcMethod
  public String cat(String name) {
    return "meow";
  }

  @JsonRpcMethod
  public String whoami() {
    return name;
  }

  /** Answers after {@code millis}: the slow method of the timeout tests. */
  @JsonRpcMethod
  public String slow(long millis) throws InterruptedException {
    slowStarted.release();
    Thread.sleep(millis);
    return "slow " + millis;
  }

  /** Records a notification's value; runs on the I/O thread, in order of arrival. */
  @JsonRpcMethod
  @NonBlocking
  public void ping(int value) {
    pings.add(value);
  }

  /** Returns only once all parties are inside at the same time: proof of concurrent calls. */
  @JsonRpcMethod
  public int rendezvous(int token)
      throws InterruptedException, BrokenBarrierException, TimeoutException {
    rendezvous.await(10, TimeUnit.SECONDS);
    return token;
  }

  /** What the method sees of its transport. */
  @JsonRpcMethod
  @NonBlocking
  public String peer(CallContext call) {
    return call.transport().transport()
        + " "
        + call.transport().attributes().get(ZmqServer.SOCKET_TYPE_ATTRIBUTE)
        + " "
        + call.transport().remoteAddress();
  }
}
