package io.jsonrpc2;

import static io.jsonrpc2.Replies.error;
import static io.jsonrpc2.Replies.parse;
import static io.jsonrpc2.Replies.request;
import static io.jsonrpc2.Replies.result;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.jsonrpc2.message.ErrorObject;
import io.jsonrpc2.server.TransportContext;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Where a plain (blocking) method runs: on the thread that handed the message in when the transport
 * says that thread may block, on the service's executor otherwise; timeout and cancelPending reach
 * it on either.
 */
@Timeout(30)
class CallerThreadTest {
  private final AtomicReference<Thread> ranOn = new AtomicReference<>();
  private final CountDownLatch sleeping = new CountDownLatch(1);

  private JsonRpcService service(Duration timeout) {
    return JsonRpcService.builder()
        .method(
            "where",
            (params, call) -> {
              ranOn.set(Thread.currentThread());
              return "here";
            })
        .method(
            "sleep",
            (params, call) -> {
              sleeping.countDown();
              Thread.sleep(params.require(0, Long.class));
              return "awake";
            })
        .timeout(timeout)
        .build();
  }

  private static String reply(JsonRpcService service, String request, TransportContext context) {
    byte[] bytes = service.handle(request.getBytes(StandardCharsets.UTF_8), context).join();
    return new String(bytes, StandardCharsets.UTF_8);
  }

  @Test
  void aDirectCallRunsAPlainMethodOnTheCallersThread() {
    JsonRpcService service = service(Duration.ofSeconds(10));

    assertThat(result(service, request("where", null, 1)).asText()).isEqualTo("here");
    assertThat(ranOn.get()).isSameAs(Thread.currentThread());
  }

  @Test
  void aCallerThatMustNotBlockHandsThePlainMethodToTheExecutor() {
    JsonRpcService service = service(Duration.ofSeconds(10));
    TransportContext ioThread = TransportContext.builder("event-loop").build();

    assertThat(reply(service, request("where", null, 1), ioThread)).contains("\"here\"");
    assertThat(ranOn.get()).isNotNull().isNotSameAs(Thread.currentThread());
  }

  @Test
  void theTimeoutInterruptsAMethodOnTheCallersThread() {
    JsonRpcService service = service(Duration.ofMillis(200));

    long begun = System.nanoTime();
    JsonNode timedOut = error(service, request("sleep", "[20000]", 1));

    assertThat(timedOut.get("code").asInt()).isEqualTo(ErrorObject.TIMEOUT.code());
    assertThat(Duration.ofNanos(System.nanoTime() - begun)).isLessThan(Duration.ofSeconds(10));
    assertThat(Thread.currentThread().isInterrupted())
        .as("the interrupt that ended the call is not left on the caller's thread")
        .isFalse();
    assertThat(service.inFlightCount()).isZero();
  }

  @Test
  void cancelPendingReachesAMethodOnTheCallersThread() throws Exception {
    JsonRpcService service = service(Duration.ofSeconds(30));
    CompletableFuture<String> reply =
        CompletableFuture.supplyAsync(
            () -> reply(service, request("sleep", "[20000]", 7), TransportContext.NONE),
            runnable -> new Thread(runnable, "caller").start());
    assertThat(sleeping.await(10, TimeUnit.SECONDS)).isTrue();
    assertThat(service.inFlightCount()).isEqualTo(1);

    assertThat(service.cancelPending()).isEqualTo(1);

    JsonNode cancelled = parse(reply.get(10, TimeUnit.SECONDS));
    assertThat(cancelled.get("error").get("code").asInt()).isEqualTo(ErrorObject.CANCELLED.code());
    assertThat(cancelled.get("id").asInt()).isEqualTo(7);
  }

  @Test
  void anInterruptTheCallerHadOfItsOwnIsKept() {
    JsonRpcService service = service(Duration.ofSeconds(10));

    Thread.currentThread().interrupt();
    try {
      assertThat(result(service, request("where", null, 1)).asText()).isEqualTo("here");
      assertThat(Thread.currentThread().isInterrupted()).isTrue();
    } finally {
      Thread.interrupted();
    }
  }
}
