package io.jsonrpc2.zeromq;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import org.zeromq.ZMQ;

/**
 * Waits until ZeroMQ sockets are ready, on a selector of its own, and can be woken from any thread.
 * Used instead of JeroMQ's {@code ZMQ.Poller}.
 *
 * <p>Why: JeroMQ tells a socket that it has work by writing a byte to a pipe and only then counting
 * that byte, so for a moment the pipe is readable while the socket reports nothing ready. JeroMQ's
 * poller loops on its selector without pause in that moment; when the writing thread is descheduled
 * in between (a busy machine, or both threads on one core) that is a whole time slice of burnt CPU
 * and a reply late by milliseconds. This poller steps aside instead (parks for some microseconds)
 * until the byte is counted. It also has no set-up cost per call.
 *
 * <p>{@link #poll} and the registration methods belong to one thread; {@link #wakeup} may be called
 * from any thread and makes the current or the next {@link #poll} return.
 */
final class SocketPoller implements AutoCloseable {
  private static final long STEP_ASIDE_NANOS = TimeUnit.MICROSECONDS.toNanos(20);

  private final Selector selector;
  private final List<ZMQ.Socket> sockets = new ArrayList<>();
  private final List<SelectionKey> keys = new ArrayList<>();
  private int[] interest = new int[2];
  private int[] ready = new int[2];

  SocketPoller() {
    try {
      selector = Selector.open();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot open a selector", e);
    }
  }

  /**
   * Watches {@code socket} for {@code events} ({@code ZMQ.Poller.POLLIN}, {@code POLLOUT}); returns
   * its index.
   */
  int add(ZMQ.Socket socket, int events) {
    int index = sockets.size();
    if (index == interest.length) {
      interest = java.util.Arrays.copyOf(interest, index * 2);
      ready = java.util.Arrays.copyOf(ready, index * 2);
    }
    sockets.add(socket);
    keys.add(register(socket));
    interest[index] = events;
    return index;
  }

  /** Watches {@code socket} in place of the one at {@code index}, which the caller closes. */
  void replace(int index, ZMQ.Socket socket) {
    keys.get(index).cancel();
    sockets.set(index, socket);
    keys.set(index, register(socket));
    ready[index] = 0;
  }

  /** Changes what the socket at {@code index} is watched for. */
  void interest(int index, int events) {
    interest[index] = events;
  }

  boolean readable(int index) {
    return (ready[index] & ZMQ.Poller.POLLIN) != 0;
  }

  boolean writable(int index) {
    return (ready[index] & ZMQ.Poller.POLLOUT) != 0;
  }

  /** Any thread: makes the current or the next {@link #poll} return at once. */
  void wakeup() {
    selector.wakeup();
  }

  /**
   * Returns when a socket is ready for what it is watched for, when {@link #wakeup} was called, or
   * after {@code timeoutMillis} (-1: no limit). May also return early for no reason: callers look
   * at their state (their mailbox first) and poll again.
   */
  void poll(long timeoutMillis) {
    if (checkSockets()) {
      return;
    }
    int selected;
    try {
      selected = selector.select(timeoutMillis < 0 ? 0 : Math.max(1, timeoutMillis));
    } catch (IOException e) {
      throw new UncheckedIOException("selector failed", e);
    }
    selector.selectedKeys().clear();
    if (selected > 0 && !checkSockets()) {
      // A socket's pipe is readable but JeroMQ has not counted the byte yet (see the class
      // comment): give the thread that wrote it the moment it needs. Not looping here keeps a
      // wake-up that came at the same time from being swallowed by the next select.
      LockSupport.parkNanos(STEP_ASIDE_NANOS);
    }
  }

  private boolean checkSockets() {
    boolean any = false;
    for (int i = 0; i < sockets.size(); i++) {
      ready[i] = sockets.get(i).getEvents() & interest[i];
      any |= ready[i] != 0;
    }
    return any;
  }

  private SelectionKey register(ZMQ.Socket socket) {
    try {
      return socket.getFD().register(selector, SelectionKey.OP_READ);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot watch a ZeroMQ socket", e);
    }
  }

  @Override
  public void close() {
    try {
      selector.close();
    } catch (IOException e) {
      // nothing is left to release
    }
  }
}
