package io.jsonrpc2.testing;

import io.jsonrpc2.CallContext;
import io.jsonrpc2.MethodHandler;
import io.jsonrpc2.Params;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * A blocking method that runs until it is interrupted (30 s at most), for tests of cancellation:
 * {@link #started} opens when a call begins, {@link #interrupted} when a call is interrupted. One
 * instance per test.
 */
public final class UntilInterrupted implements MethodHandler {
  /** Opens when the method is called. */
  public final CountDownLatch started = new CountDownLatch(1);

  /** Opens when a call is interrupted. */
  public final CountDownLatch interrupted = new CountDownLatch(1);

  @Override
  public Object handle(Params params, CallContext context) throws InterruptedException {
    started.countDown();
    try {
      new CountDownLatch(1).await(30, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      interrupted.countDown();
      throw e;
    }
    return "never";
  }
}
