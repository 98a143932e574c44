package io.jsonrpc2.zeromq;

import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;

/**
 * Hands items from any thread to the one I/O thread that owns a ZeroMQ socket, and wakes that
 * thread up in its poll.
 *
 * <p>Items go through a lock-free queue; the wake-up is {@link SocketPoller#wakeup} (a selector
 * wake-up: safe from any thread, interrupted or not, and no ZeroMQ socket is shared between threads
 * for it).
 *
 * <p>Wake-ups are sent only to a thread that is about to wait: while the I/O thread works it {@link
 * #take takes} items without resetting anything, and only {@link #settle} (called just before it
 * polls) asks to be woken again. A busy I/O thread thus costs its producers no system call at all,
 * and a burst of replies at most one wake-up.
 *
 * <p>{@link #take}, {@link #settle} and {@link #close} on the I/O thread; {@link #post} and {@link
 * #wake} from any thread.
 */
final class Mailbox<T> {
  private final Queue<T> items = new ConcurrentLinkedQueue<>();
  private final AtomicBoolean wakeupPending = new AtomicBoolean();
  private final AtomicBoolean nudged = new AtomicBoolean();
  private final SocketPoller poller;
  private volatile boolean closed;

  Mailbox(SocketPoller poller) {
    this.poller = poller;
  }

  /**
   * Queues {@code item} for the I/O thread and wakes it.
   *
   * @return false when the mailbox is closed and the item will never be taken; the caller still
   *     owns it then
   */
  boolean post(T item) {
    items.add(item);
    if (closed && items.remove(item)) {
      return false;
    }
    signal();
    return true;
  }

  /** Wakes the I/O thread without an item, so that it looks at its state again. */
  void wake() {
    nudged.set(true);
    signal();
  }

  private void signal() {
    if (wakeupPending.compareAndSet(false, true)) {
      poller.wakeup();
    }
  }

  /** I/O thread: hands every queued item to {@code sink}; returns how many there were. */
  int take(Consumer<? super T> sink) {
    int taken = 0;
    T item;
    while ((item = items.poll()) != null) {
      sink.accept(item);
      taken++;
    }
    return taken;
  }

  /**
   * I/O thread, just before it polls: asks to be woken by the next post or wake, and tells whether
   * waiting is safe.
   *
   * @return true when nothing came meanwhile; false when an item or a wake-up arrived, which the
   *     caller must look at before it polls
   */
  boolean settle() {
    wakeupPending.set(false);
    return items.isEmpty() && !nudged.getAndSet(false);
  }

  /** I/O thread: refuses later posts and hands the items still queued to {@code leftovers}. */
  void close(Consumer<? super T> leftovers) {
    closed = true;
    T item;
    while ((item = items.poll()) != null) {
      leftovers.accept(item);
    }
  }
}
