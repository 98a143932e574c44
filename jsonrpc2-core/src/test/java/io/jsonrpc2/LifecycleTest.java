package io.jsonrpc2;

import static io.jsonrpc2.Replies.request;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.jsonrpc2.message.ErrorObject;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** txjason's lifecycle: timeout, stopServing, startServing, cancelPending. */
@Timeout(20)
class LifecycleTest {

  /** A method that blocks until released, and reports whether it was interrupted. */
  public static class Gate {
    final CountDownLatch entered = new CountDownLatch(1);
    final CountDownLatch release = new CountDownLatch(1);
    final CountDownLatch interrupted = new CountDownLatch(1);
    final java.util.List<CompletableFuture<String>> pendingAsync =
        new java.util.concurrent.CopyOnWriteArrayList<>();

    @JsonRpcMethod
    public String block() {
      entered.countDown();
      try {
        release.await();
        return "released";
      } catch (InterruptedException e) {
        interrupted.countDown();
        throw new IllegalStateException("interrupted");
      }
    }

    @JsonRpcMethod
    public CompletableFuture<String> waitAsync() {
      CompletableFuture<String> future = new CompletableFuture<>();
      pendingAsync.add(future);
      return future;
    }

    @JsonRpcMethod
    public String quick() {
      return "quick";
    }
  }

  static class CustomError extends JsonRpcException {
    CustomError() {
      super(-32050, "Custom Error");
    }
  }

  private static JsonNode reply(CompletableFuture<String> future) throws Exception {
    return Replies.parse(future.get(10, TimeUnit.SECONDS));
  }

  @Test
  void aCallThatTakesTooLongGetsATimeoutErrorAndItsWorkIsCancelled() throws Exception {
    Gate gate = new Gate();
    JsonRpcService service =
        JsonRpcService.builder().handler(gate).timeout(Duration.ofMillis(200)).build();

    JsonNode reply = reply(Replies.handleOnIoThread(service, request("block", null, 1)));

    assertThat(reply.get("error"))
        .isEqualTo(Replies.parse("{\"code\":-32098,\"message\":\"Timeout error\"}"));
    assertThat(reply.get("id").asInt()).isEqualTo(1);
    assertThat(gate.interrupted.await(10, TimeUnit.SECONDS))
        .as("blocking work interrupted")
        .isTrue();
    assertThat(reply(service.handle(request("quick", null, 2))).get("result").asText())
        .isEqualTo("quick");
  }

  @Test
  void anAsyncCallThatTakesTooLongHasItsFutureCancelled() throws Exception {
    Gate gate = new Gate();
    JsonRpcService service =
        JsonRpcService.builder().handler(gate).timeout(Duration.ofMillis(200)).build();

    JsonNode reply = reply(service.handle(request("waitAsync", null, 1)));

    assertThat(reply.get("error").get("code").asInt()).isEqualTo(-32098);
    assertThat(gate.pendingAsync).singleElement().matches(CompletableFuture::isCancelled);
    assertThat(service.inFlightCount()).isZero();
  }

  @Test
  void stopServingAnswersNewRequestsWhileCallsInFlightFinish() throws Exception {
    Gate gate = new Gate();
    JsonRpcService service = JsonRpcService.builder().handler(gate).build();
    CompletableFuture<String> inFlight =
        Replies.handleOnIoThread(service, request("block", null, 1));
    assertThat(gate.entered.await(10, TimeUnit.SECONDS)).isTrue();

    service.stopServing();

    assertThat(service.isServing()).isFalse();
    assertThat(reply(service.handle(request("quick", null, 2))).get("error"))
        .isEqualTo(Replies.parse("{\"code\":-32097,\"message\":\"Service unavailable\"}"));
    assertThat(service.handle("{\"jsonrpc\":\"2.0\",\"method\":\"quick\"}").join())
        .as("notification")
        .isNull();
    gate.release.countDown();
    assertThat(reply(inFlight).get("result").asText()).isEqualTo("released");

    service.startServing();
    assertThat(reply(service.handle(request("quick", null, 3))).get("result").asText())
        .isEqualTo("quick");
  }

  @Test
  void stopServingServesTheGivenError() throws Exception {
    JsonRpcService service = JsonRpcService.builder().handler(new Gate()).build();

    service.stopServing(CustomError.class);
    assertThat(reply(service.handle(request("quick", null, 1))).get("error"))
        .isEqualTo(Replies.parse("{\"code\":-32050,\"message\":\"Custom Error\"}"));

    service.stopServing(ErrorObject.of(-32000, "Down for maintenance"));
    assertThat(
            reply(service.handle(request("quick", null, 2))).get("error").get("message").asText())
        .isEqualTo("Down for maintenance");
  }

  @Test
  void cancelPendingAnswersEveryCallerAtOnce() throws Exception {
    Gate gate = new Gate();
    JsonRpcService service = JsonRpcService.builder().handler(gate).build();
    CompletableFuture<String> blocking =
        Replies.handleOnIoThread(service, request("block", null, 1));
    assertThat(gate.entered.await(10, TimeUnit.SECONDS)).isTrue();
    CompletableFuture<String> async = service.handle(request("waitAsync", null, 2));
    CompletableFuture<String> notification =
        service.handle("{\"jsonrpc\":\"2.0\",\"method\":\"waitAsync\"}");
    assertThat(service.inFlightCount()).isEqualTo(3);

    assertThat(service.cancelPending()).isEqualTo(3);

    JsonNode cancelled = Replies.parse("{\"code\":-32096,\"message\":\"Request cancelled\"}");
    assertThat(reply(blocking).get("error")).isEqualTo(cancelled);
    assertThat(reply(async).get("error")).isEqualTo(cancelled);
    assertThat(notification.get(10, TimeUnit.SECONDS)).isNull();
    assertThat(gate.interrupted.await(10, TimeUnit.SECONDS)).isTrue();
    assertThat(gate.pendingAsync).hasSize(2).allMatch(CompletableFuture::isCancelled);
    assertThat(service.inFlightCount()).isZero();
    assertThat(reply(service.handle(request("quick", null, 3))).get("result").asText())
        .isEqualTo("quick");
  }

  @Test
  void aBatchWaitsForItsSlowestElementAndKeepsOrder() throws Exception {
    Gate gate = new Gate();
    JsonRpcService service = JsonRpcService.builder().handler(gate).build();
    CompletableFuture<String> batch =
        Replies.handleOnIoThread(
            service, "[" + request("block", null, 1) + "," + request("quick", null, 2) + "]");
    assertThat(gate.entered.await(10, TimeUnit.SECONDS)).isTrue();
    assertThat(batch).isNotDone();

    gate.release.countDown();

    JsonNode reply = reply(batch);
    assertThat(reply.get(0).get("result").asText()).isEqualTo("released");
    assertThat(reply.get(1).get("result").asText()).isEqualTo("quick");
  }
}
