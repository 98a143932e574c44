package io.jsonrpc2;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.jsonrpc2.server.TransportContext;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/** A method called on a thread that must not block and holding it is named in a WARN. */
class BlockedThreadWarningTest {
  private static final TransportContext IO_THREAD = TransportContext.builder("test").build();
  private static final String SLOW_CALL =
      "{\"jsonrpc\":\"2.0\",\"method\":\"slowStage\",\"params\":[300],\"id\":1}";
  // Held until the warning comes; the bound only ends a test whose warning never does.
  private static final String HELD_UNTIL_REPORTED =
      "{\"jsonrpc\":\"2.0\",\"method\":\"slowStage\",\"params\":[10000],\"id\":1}";

  private final Logger serverLogger =
      ((LoggerContext) LoggerFactory.getILoggerFactory()).getLogger("io.jsonrpc2.server");
  // Counts down on the first warning, so that a method can hold its thread until it is reported.
  private final CountDownLatch warned = new CountDownLatch(1);
  private final ListAppender<ILoggingEvent> captured =
      new ListAppender<>() {
        @Override
        protected void append(ILoggingEvent event) {
          super.append(event);
          if (isHeldThreadWarning(event)) {
            warned.countDown();
          }
        }
      };

  @BeforeEach
  void capture() {
    captured.start();
    serverLogger.addAppender(captured);
  }

  @AfterEach
  void release() {
    serverLogger.detachAppender(captured);
  }

  /**
   * A service whose {@code slowStage(ms)} holds the calling thread until it is reported or {@code
   * ms} have passed, and then returns a completed stage.
   */
  private JsonRpcService service(Duration warning) {
    return JsonRpcService.builder()
        .blockedThreadWarning(warning)
        .asyncMethod(
            "slowStage",
            (params, context) -> {
              try {
                warned.await(params.require(0, Long.class), TimeUnit.MILLISECONDS);
              } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
              }
              return CompletableFuture.completedFuture("late");
            })
        .build();
  }

  private static boolean isHeldThreadWarning(ILoggingEvent event) {
    return event.getLevel() == Level.WARN
        && event.getFormattedMessage().contains("has held thread");
  }

  private List<ILoggingEvent> warnings() {
    return captured.list.stream().filter(BlockedThreadWarningTest::isHeldThreadWarning).toList();
  }

  @Test
  void aStageMethodThatHoldsAnIoThreadIsNamedWithItsStack() {
    String reply =
        new String(
            service(Duration.ofMillis(100))
                .handle(HELD_UNTIL_REPORTED.getBytes(UTF_8), IO_THREAD)
                .join(),
            UTF_8);

    assertThat(reply).contains("\"result\":\"late\"");
    assertThat(warnings()).hasSize(1);
    ILoggingEvent warning = warnings().get(0);
    assertThat(warning.getFormattedMessage())
        .contains("Method 'slowStage' has held thread " + Thread.currentThread().getName());
    assertThat(Arrays.stream(warning.getThrowableProxy().getStackTraceElementProxyArray()))
        .anySatisfy(frame -> assertThat(frame.getSTEAsString()).contains("CountDownLatch.await"));
  }

  @Test
  void aShortCallIsNotReported() {
    JsonRpcService service = service(Duration.ofMillis(200));
    for (int i = 0; i < 20; i++) {
      service
          .handle(
              "{\"jsonrpc\":\"2.0\",\"method\":\"slowStage\",\"params\":[10],\"id\":1}"
                  .getBytes(UTF_8),
              IO_THREAD)
          .join();
    }

    assertThat(warnings()).isEmpty();
  }

  @Test
  void aThreadThatMayBlockIsNotWatched() {
    service(Duration.ofMillis(100)).handle(SLOW_CALL.getBytes(UTF_8), TransportContext.NONE).join();

    assertThat(warnings()).isEmpty();
  }

  @Test
  void zeroTurnsTheWarningOff() {
    service(Duration.ZERO).handle(SLOW_CALL.getBytes(UTF_8), IO_THREAD).join();

    assertThat(warnings()).isEmpty();
  }
}
