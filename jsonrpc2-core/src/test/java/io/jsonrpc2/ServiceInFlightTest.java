package io.jsonrpc2;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Calls in flight, whatever path they take (on the caller's thread, on the executor, or pending on
 * a future): they are counted, cancelled, timed out and gated by stopServing alike.
 */
@Timeout(30)
class ServiceInFlightTest {
  private static final String CANCELLED =
      "{\"jsonrpc\":\"2.0\",\"error\":{\"code\":-32096,\"message\":\"Request cancelled\"},\"id\":1}";
  private static final String TIMED_OUT =
      "{\"jsonrpc\":\"2.0\",\"error\":{\"code\":-32098,\"message\":\"Timeout error\"},\"id\":1}";
  private static final String UNAVAILABLE =
      "{\"jsonrpc\":\"2.0\",\"error\":{\"code\":-32097,\"message\":\"Service unavailable\"},\"id\":1}";

  /** Methods that act on the service that calls them. */
  public static final class SelfAware {
    final AtomicReference<JsonRpcService> service = new AtomicReference<>();
    final AtomicInteger cancelledByMethod = new AtomicInteger(-1);
    final CountDownLatch started = new CountDownLatch(1);
    final CountDownLatch interrupted = new CountDownLatch(1);
    final CompletableFuture<String> pending = new CompletableFuture<>();

    @JsonRpcMethod
    @NonBlocking
    public int inFlight() {
      return service.get().inFlightCount();
    }

    @JsonRpcMethod
    @NonBlocking
    public String cancelMyself() {
      cancelledByMethod.set(service.get().cancelPending());
      return "finished anyway";
    }

    @JsonRpcMethod
    public CompletableFuture<String> cancelMyselfThenPend() {
      cancelledByMethod.set(service.get().cancelPending());
      return pending;
    }

    @JsonRpcMethod
    @NonBlocking
    public String stopAfterMe() {
      service.get().stopServing();
      return "served";
    }

    @JsonRpcMethod
    @NonBlocking
    public String slowButNonBlocking() throws InterruptedException {
      Thread.sleep(300);
      return "done";
    }

    @JsonRpcMethod
    public String blockUntilInterrupted() {
      started.countDown();
      try {
        new CountDownLatch(1).await();
        return "never";
      } catch (InterruptedException e) {
        interrupted.countDown();
        return "interrupted";
      }
    }

    @JsonRpcMethod
    public CompletableFuture<String> pend() {
      started.countDown();
      return pending;
    }

    @JsonRpcMethod
    @NonBlocking
    public String echo(String value) {
      return value;
    }
  }

  private static JsonRpcService serve(SelfAware methods, Duration timeout) {
    JsonRpcService.Builder builder = JsonRpcService.builder().handler(methods);
    if (timeout != null) {
      builder.timeout(timeout);
    }
    JsonRpcService service = builder.build();
    methods.service.set(service);
    return service;
  }

  private static CompletableFuture<String> call(JsonRpcService service, String method) {
    return Replies.handleOnIoThread(
        service, "{\"jsonrpc\":\"2.0\",\"method\":\"" + method + "\",\"id\":1}");
  }

  @Test
  void aCallOnTheCallersThreadCountsAsInFlightWhileItRuns() throws Exception {
    JsonRpcService service = serve(new SelfAware(), null);
    assertThat(call(service, "inFlight").get(5, TimeUnit.SECONDS))
        .isEqualTo("{\"jsonrpc\":\"2.0\",\"result\":1,\"id\":1}");
    assertThat(service.inFlightCount()).isZero();
  }

  @Test
  void cancelPendingReachesACallOnTheCallersThread() throws Exception {
    SelfAware methods = new SelfAware();
    JsonRpcService service = serve(methods, null);
    assertThat(call(service, "cancelMyself").get(5, TimeUnit.SECONDS)).isEqualTo(CANCELLED);
    assertThat(methods.cancelledByMethod).hasValue(1);
    assertThat(service.inFlightCount()).isZero();
    assertThat(call(service, "inFlight").get(5, TimeUnit.SECONDS))
        .isEqualTo("{\"jsonrpc\":\"2.0\",\"result\":1,\"id\":1}");
  }

  @Test
  void aStageReturnedAfterCancelPendingIsCancelled() throws Exception {
    SelfAware methods = new SelfAware();
    JsonRpcService service = serve(methods, null);
    assertThat(call(service, "cancelMyselfThenPend").get(5, TimeUnit.SECONDS)).isEqualTo(CANCELLED);
    assertThat(methods.cancelledByMethod).hasValue(1);
    assertThat(methods.pending).isCancelled();
    assertThat(service.inFlightCount()).isZero();
  }

  @Test
  void cancelPendingEndsABlockingCallAndInterruptsIt() throws Exception {
    SelfAware methods = new SelfAware();
    JsonRpcService service = serve(methods, null);
    CompletableFuture<String> reply = call(service, "blockUntilInterrupted");
    assertThat(methods.started.await(5, TimeUnit.SECONDS)).isTrue();
    assertThat(service.inFlightCount()).isEqualTo(1);
    assertThat(service.cancelPending()).isEqualTo(1);
    assertThat(reply.get(5, TimeUnit.SECONDS)).isEqualTo(CANCELLED);
    assertThat(methods.interrupted.await(5, TimeUnit.SECONDS)).isTrue();
  }

  @Test
  void cancelPendingEndsAPendingStageAndCancelsIt() throws Exception {
    SelfAware methods = new SelfAware();
    JsonRpcService service = serve(methods, null);
    CompletableFuture<String> reply = call(service, "pend");
    assertThat(reply).isNotDone();
    assertThat(service.inFlightCount()).isEqualTo(1);
    assertThat(service.cancelPending()).isEqualTo(1);
    assertThat(reply.get(5, TimeUnit.SECONDS)).isEqualTo(CANCELLED);
    assertThat(methods.pending).isCancelled();
    assertThat(service.inFlightCount()).isZero();
  }

  @Test
  void aPendingStageCompletesTheReplyLater() throws Exception {
    SelfAware methods = new SelfAware();
    JsonRpcService service = serve(methods, null);
    CompletableFuture<String> reply = call(service, "pend");
    assertThat(reply).isNotDone();
    methods.pending.complete("late");
    assertThat(reply.get(5, TimeUnit.SECONDS))
        .isEqualTo("{\"jsonrpc\":\"2.0\",\"result\":\"late\",\"id\":1}");
    assertThat(service.inFlightCount()).isZero();
  }

  @Test
  void timeoutEndsABlockingCallAndAPendingStage() throws Exception {
    SelfAware methods = new SelfAware();
    ExecutorService executor = Executors.newSingleThreadExecutor();
    try {
      JsonRpcService service =
          JsonRpcService.builder()
              .handler(methods)
              .timeout(Duration.ofMillis(100))
              .executor(executor)
              .build();
      methods.service.set(service);
      assertThat(call(service, "blockUntilInterrupted").get(5, TimeUnit.SECONDS))
          .isEqualTo(TIMED_OUT);
      // On a loaded machine the timeout may come before the method starts; then it never runs.
      // Either way the executor's one thread must be free again: a method left running blocks it.
      executor.submit(() -> {}).get(5, TimeUnit.SECONDS);
      if (methods.started.getCount() == 0) {
        assertThat(methods.interrupted.getCount()).isZero();
      }
    } finally {
      executor.shutdownNow();
    }
    JsonRpcService service = serve(methods, Duration.ofMillis(100));
    assertThat(call(service, "pend").get(5, TimeUnit.SECONDS)).isEqualTo(TIMED_OUT);
    // The reply is sent first; the timer thread cancels the stage right after.
    assertThatThrownBy(() -> methods.pending.get(5, TimeUnit.SECONDS))
        .isInstanceOf(CancellationException.class);
  }

  @Test
  void aCallOnTheCallersThreadHasFinishedBeforeAnyTimerCouldStart() throws Exception {
    JsonRpcService service = serve(new SelfAware(), Duration.ofMillis(50));
    assertThat(call(service, "slowButNonBlocking").get(5, TimeUnit.SECONDS))
        .isEqualTo("{\"jsonrpc\":\"2.0\",\"result\":\"done\",\"id\":1}");
  }

  @Test
  void stopServingLetsTheRunningCallFinishAndRefusesTheNext() throws Exception {
    JsonRpcService service = serve(new SelfAware(), null);
    assertThat(call(service, "stopAfterMe").get(5, TimeUnit.SECONDS))
        .isEqualTo("{\"jsonrpc\":\"2.0\",\"result\":\"served\",\"id\":1}");
    assertThat(call(service, "echo").get(5, TimeUnit.SECONDS)).isEqualTo(UNAVAILABLE);
    service.startServing();
    assertThat(call(service, "inFlight").get(5, TimeUnit.SECONDS))
        .isEqualTo("{\"jsonrpc\":\"2.0\",\"result\":1,\"id\":1}");
  }

  @Test
  void stopServingAnswersEveryElementOfABatch() throws Exception {
    JsonRpcService service = serve(new SelfAware(), null);
    service.stopServing(ErrorObjects.CUSTOM);
    String batch =
        "[{\"jsonrpc\":\"2.0\",\"method\":\"echo\",\"params\":[\"x\"],\"id\":1},"
            + "{\"jsonrpc\":\"2.0\",\"method\":\"echo\",\"params\":[\"y\"]},"
            + "{\"jsonrpc\":\"2.0\",\"method\":\"nope\",\"id\":2}]";
    byte[] reply = service.handle(batch.getBytes(StandardCharsets.UTF_8)).get(5, TimeUnit.SECONDS);
    assertThat(new String(reply, StandardCharsets.UTF_8))
        .isEqualTo(
            "[{\"jsonrpc\":\"2.0\",\"error\":{\"code\":-32050,\"message\":\"Closed for lunch\"},\"id\":1},"
                + "{\"jsonrpc\":\"2.0\",\"error\":{\"code\":-32050,\"message\":\"Closed for lunch\"},\"id\":2}]");
  }

  private static final class ErrorObjects {
    static final io.jsonrpc2.message.ErrorObject CUSTOM =
        io.jsonrpc2.message.ErrorObject.of(-32050, "Closed for lunch");
  }
}
