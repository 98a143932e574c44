package io.jsonrpc2.testing.connection;

import io.jsonrpc2.CallContext;
import io.jsonrpc2.MethodHandler;
import io.jsonrpc2.Params;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * A blocking method that runs until it is interrupted (20 s at most), and says when both happen.
 */
final class UntilInterrupted implements MethodHandler {
  final CountDownLatch started = new CountDownLatch(1);
  final CountDownLatch interrupted = new CountDownLatch(1);

  @Override
  public Object handle(Params params, CallContext context) throws InterruptedException {
    started.countDown();
    try {
      new CountDownLatch(1).await(20, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      interrupted.countDown();
      throw e;
    }
    return "never";
  }
}
