package io.jsonrpc2.servlet.websocket;

import static org.assertj.core.api.Assertions.assertThat;

import io.jsonrpc2.connection.MessageChannel;
import jakarta.websocket.CloseReason;
import jakarta.websocket.RemoteEndpoint;
import jakarta.websocket.SendHandler;
import jakarta.websocket.SendResult;
import jakarta.websocket.Session;
import java.lang.reflect.Proxy;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * How {@link SessionChannel} hands its messages to a session's async remote: one at a time, in
 * order, writable again once its queue has drained, closing after the last one. The session is a
 * stand-in that records each send and completes it when the test says so, or at once.
 */
@Timeout(10)
class SessionChannelTest {
  /** A session whose async remote keeps the sends it is given. */
  private static final class FakeSession {
    final List<String> texts = new ArrayList<>();
    final List<SendHandler> handlers = new ArrayList<>();
    final AtomicInteger outstanding = new AtomicInteger();
    final AtomicInteger mostOutstanding = new AtomicInteger();
    final CompletableFuture<CloseReason> closed = new CompletableFuture<>();
    volatile boolean completeAtOnce;
    final Session session;

    FakeSession() {
      RemoteEndpoint.Async remote =
          (RemoteEndpoint.Async)
              Proxy.newProxyInstance(
                  getClass().getClassLoader(),
                  new Class<?>[] {RemoteEndpoint.Async.class},
                  (proxy, method, args) -> {
                    if (!method.getName().equals("sendText") || args.length != 2) {
                      throw new UnsupportedOperationException(method.getName());
                    }
                    SendHandler handler = (SendHandler) args[1];
                    synchronized (this) {
                      texts.add((String) args[0]);
                    }
                    mostOutstanding.accumulateAndGet(outstanding.incrementAndGet(), Math::max);
                    if (completeAtOnce) {
                      outstanding.decrementAndGet();
                      handler.onResult(new SendResult());
                    } else {
                      synchronized (this) {
                        handlers.add(handler);
                      }
                    }
                    return null;
                  });
      session =
          (Session)
              Proxy.newProxyInstance(
                  getClass().getClassLoader(),
                  new Class<?>[] {Session.class},
                  (proxy, method, args) ->
                      switch (method.getName()) {
                        case "getAsyncRemote" -> remote;
                        case "isOpen" -> !closed.isDone();
                        case "close" -> {
                          closed.complete((CloseReason) args[0]);
                          yield null;
                        }
                        case "getId" -> "1";
                        case "getUserProperties" -> new ConcurrentHashMap<String, Object>();
                        case "addMessageHandler" -> null;
                        default -> throw new UnsupportedOperationException(method.getName());
                      });
    }

    /** Completes the oldest outstanding send. */
    void completeNext() {
      SendHandler handler;
      synchronized (this) {
        handler = handlers.remove(0);
      }
      outstanding.decrementAndGet();
      handler.onResult(new SendResult());
    }

    synchronized List<String> texts() {
      return List.copyOf(texts);
    }
  }

  private static final class Recorder implements MessageChannel.Listener {
    final CountDownLatch writable = new CountDownLatch(1);
    final CompletableFuture<@Nullable Throwable> closed = new CompletableFuture<>();
    final AtomicInteger closings = new AtomicInteger();

    @Override
    public void onMessage(byte[] message) {}

    @Override
    public void onWritable() {
      writable.countDown();
    }

    @Override
    public void onClosed(@Nullable Throwable cause) {
      closings.incrementAndGet();
      closed.complete(cause);
    }
  }

  private static byte[] utf8(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }

  @Test
  void sendsOneAtATimeInOrderAndIsUnwritablePastTheBound() throws Exception {
    FakeSession fake = new FakeSession();
    SessionChannel channel = new SessionChannel(fake.session, 4, "test");
    Recorder listener = new Recorder();
    channel.start(listener);
    List<CompletableFuture<Void>> written = new ArrayList<>();
    for (int i = 0; i < 6; i++) {
      written.add(channel.send(utf8("m" + i)));
    }
    // One handed to the container, five waiting: past the bound of four. Writable again once
    // no more than two wait.
    assertThat(fake.texts()).containsExactly("m0");
    assertThat(channel.isWritable()).isFalse();
    fake.completeNext();
    fake.completeNext();
    fake.completeNext();
    assertThat(written.get(2)).isDone();
    assertThat(written.get(3)).isNotDone();
    assertThat(channel.isWritable()).isFalse(); // m4 and m5 wait behind m3: more than half
    fake.completeNext();
    assertThat(listener.writable.await(5, TimeUnit.SECONDS)).isTrue();
    assertThat(channel.isWritable()).isTrue();
    fake.completeNext();
    fake.completeNext();
    CompletableFuture.allOf(written.toArray(CompletableFuture[]::new)).get(5, TimeUnit.SECONDS);
    assertThat(fake.texts()).containsExactly("m0", "m1", "m2", "m3", "m4", "m5");
    assertThat(fake.mostOutstanding).hasValue(1);
  }

  @Test
  void aLongQueueThatTheContainerCompletesAtOnceDrainsInOrderWithoutRecursing() throws Exception {
    FakeSession fake = new FakeSession();
    SessionChannel channel = new SessionChannel(fake.session, 100_000, "test");
    channel.start(new Recorder());
    List<CompletableFuture<Void>> written = new ArrayList<>();
    for (int i = 0; i < 50_000; i++) {
      written.add(channel.send(utf8(Integer.toString(i))));
    }
    // From now on each send completes on the thread that hands it over, as Jetty may do.
    fake.completeAtOnce = true;
    fake.completeNext();
    CompletableFuture.allOf(written.toArray(CompletableFuture[]::new)).get(5, TimeUnit.SECONDS);
    assertThat(fake.texts()).hasSize(50_000).startsWith("0", "1").endsWith("49999");
    assertThat(fake.mostOutstanding).hasValue(1);
  }

  @Test
  void closeWaitsForTheQueuedMessagesThenClosesWithGoingAway() throws Exception {
    FakeSession fake = new FakeSession();
    SessionChannel channel = new SessionChannel(fake.session, 4, "test");
    Recorder listener = new Recorder();
    channel.start(listener);
    CompletableFuture<Void> first = channel.send(utf8("a"));
    CompletableFuture<Void> second = channel.send(utf8("b"));
    channel.close();
    assertThat(channel.send(utf8("late"))).isCompletedExceptionally();
    assertThat(fake.closed).isNotDone();
    fake.completeNext();
    fake.completeNext();
    assertThat(first).isDone();
    assertThat(second).isDone();
    assertThat(fake.closed.get(5, TimeUnit.SECONDS).getCloseCode())
        .isEqualTo(CloseReason.CloseCodes.GOING_AWAY);
    assertThat(fake.texts()).containsExactly("a", "b");
  }

  @Test
  void reportsTheCloseOnceAndFailsWhatWasStillQueued() throws Exception {
    FakeSession fake = new FakeSession();
    SessionChannel channel = new SessionChannel(fake.session, 4, "test");
    Recorder listener = new Recorder();
    channel.start(listener);
    channel.send(utf8("a"));
    CompletableFuture<Void> queued = channel.send(utf8("b"));
    IllegalStateException failure = new IllegalStateException("gone");
    channel.closed(failure);
    channel.closed(null);
    assertThat(listener.closed.get(5, TimeUnit.SECONDS)).isSameAs(failure);
    assertThat(listener.closings).hasValue(1);
    assertThat(queued).isCompletedExceptionally();
  }
}
