package io.jsonrpc2.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.slf4j.LoggerFactory;

/** The connect-on-demand rules every stream client shares, against a scripted link. */
@Timeout(10)
class ReconnectorTest {
  /** A connection of the script: closed by the test or by the reconnector. */
  static final class Conn {
    final int number;
    @Nullable Consumer<@Nullable String> gone;
    boolean closed;

    Conn(int number) {
      this.number = number;
    }

    void drop(String why) {
      if (gone != null) {
        gone.accept(why);
      }
    }
  }

  /** Each connect takes the next planned outcome: a future the test completes. */
  static class ScriptedLink implements Reconnector.Link<Conn> {
    final List<CompletableFuture<Conn>> attempts = new CopyOnWriteArrayList<>();
    final Semaphore made = new Semaphore(0);

    @Override
    public CompletableFuture<Conn> connect() {
      CompletableFuture<Conn> attempt = new CompletableFuture<>();
      attempts.add(attempt);
      made.release();
      return attempt;
    }

    @Override
    public void whenClosed(Conn connection, Consumer<@Nullable String> gone) {
      connection.gone = gone;
    }

    @Override
    public void close(Conn connection) {
      connection.closed = true;
      connection.drop("closed");
    }
  }

  private final ScriptedLink link = new ScriptedLink();
  private final List<Conn> drops = new CopyOnWriteArrayList<>();
  private final Reconnector<Conn> reconnector =
      new Reconnector<>(
          "test://peer",
          LoggerFactory.getLogger(ReconnectorTest.class),
          Duration.ofMillis(50),
          Duration.ofMillis(200),
          link,
          drops::add);

  @Test
  void callersWaitingTogetherShareOneAttempt() throws Exception {
    CompletableFuture<Conn> first = reconnector.open();
    CompletableFuture<Conn> second = reconnector.open();
    assertThat(link.attempts).hasSize(1);

    Conn conn = new Conn(1);
    link.attempts.get(0).complete(conn);
    assertThat(first.get()).isSameAs(conn);
    assertThat(second.get()).isSameAs(conn);
    assertThat(reconnector.current()).isSameAs(conn);
    assertThat(reconnector.open().get()).isSameAs(conn);
    assertThat(link.attempts).hasSize(1);
  }

  @Test
  void aFailedAttemptFailsItsCallersAndTheNextWaitsForTheBackoff() throws Exception {
    CompletableFuture<Conn> first = reconnector.open();
    link.attempts.get(0).completeExceptionally(new java.io.IOException("refused"));
    assertThatThrownBy(first::get)
        .isInstanceOf(ExecutionException.class)
        .cause()
        .isInstanceOf(TransportException.class)
        .hasMessageContaining("cannot connect to test://peer")
        .hasMessageContaining("refused");

    long before = System.nanoTime();
    CompletableFuture<Conn> second = reconnector.open();
    assertThat(link.made.tryAcquire(2, 5, TimeUnit.SECONDS)).isTrue();
    assertThat(System.nanoTime() - before)
        .isGreaterThanOrEqualTo(TimeUnit.MILLISECONDS.toNanos(40));
    link.attempts.get(1).complete(new Conn(2));
    assertThat(second.get().number).isEqualTo(2);
  }

  @Test
  void aDropIsReportedOnceAndTheNextOpenConnectsAnew() throws Exception {
    CompletableFuture<Conn> opened = reconnector.open();
    Conn conn = new Conn(1);
    link.attempts.get(0).complete(conn);
    opened.get();

    conn.drop("reset");
    conn.drop("reset again");
    assertThat(drops).containsExactly(conn);
    assertThat(reconnector.current()).isNull();

    CompletableFuture<Conn> again = reconnector.open();
    link.attempts.get(1).complete(new Conn(2));
    assertThat(again.get().number).isEqualTo(2);
  }

  @Test
  void anAbortedConnectionIsClosedWithoutADropReport() throws Exception {
    CompletableFuture<Conn> opened = reconnector.open();
    Conn conn = new Conn(1);
    link.attempts.get(0).complete(conn);
    opened.get();

    reconnector.abort();
    assertThat(conn.closed).isTrue();
    assertThat(drops).isEmpty();
    assertThat(reconnector.current()).isNull();
  }

  @Test
  void closingFailsThePendingAttemptAndEveryLaterOpen() {
    CompletableFuture<Conn> pending = reconnector.open();
    reconnector.close();
    assertThatThrownBy(pending::get).cause().isInstanceOf(TransportException.class);
    assertThatThrownBy(() -> reconnector.open().get())
        .cause()
        .isInstanceOf(TransportException.class)
        .hasMessageContaining("closed");

    // The attempt that still succeeds afterwards is closed, not kept.
    Conn late = new Conn(1);
    link.attempts.get(0).complete(late);
    assertThat(late.closed).isTrue();
    assertThat(reconnector.current()).isNull();
  }

  @Test
  void aConnectionThatIsGoneBeforeItIsKeptIsReportedAtOnce() throws Exception {
    ScriptedLink closedAlready =
        new ScriptedLink() {
          @Override
          public void whenClosed(Conn connection, Consumer<@Nullable String> gone) {
            gone.accept("gone while opening");
          }
        };
    Reconnector<Conn> opening =
        new Reconnector<>(
            "test://peer",
            LoggerFactory.getLogger(ReconnectorTest.class),
            Duration.ofMillis(50),
            Duration.ofMillis(200),
            closedAlready,
            drops::add);
    CompletableFuture<Conn> opened = opening.open();
    Conn conn = new Conn(1);
    closedAlready.attempts.get(0).complete(conn);
    opened.get();
    assertThat(drops).containsExactly(conn);
    assertThat(opening.current()).isNull();
  }
}
