package io.jsonrpc2.zeromq;

import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import org.zeromq.SocketType;
import org.zeromq.ZContext;
import org.zeromq.ZMQ;

/**
 * Hands items from any thread to the one I/O thread that owns a ZeroMQ socket, and wakes that
 * thread up in its poll.
 *
 * <p>Items go through a lock-free queue; the wake-up is one byte on an inproc PAIR socket whose
 * receiving end the I/O thread polls next to its network socket. The sending PAIR socket is the one
 * ZeroMQ socket used from several threads, so every use of it holds {@link #sendLock}, which also
 * gives the memory barrier ZeroMQ asks for when a socket changes threads.
 *
 * <p>Wake-ups are sent only to a thread that is about to wait: while the I/O thread works it
 * {@link #take takes} items without touching the signal, and only {@link #settle} (called just
 * before it polls) clears the signal and asks to be woken again. A busy I/O thread thus costs its
 * producers no system call at all, and a burst of replies at most one signal.
 *
 * <p>Made, drained and closed on the I/O thread; {@link #post} and {@link #wake} from any thread.
 */
final class Mailbox<T> {
  private static final AtomicLong NAMES = new AtomicLong();
  private static final byte[] SIGNAL = {1};

  private final Queue<T> items = new ConcurrentLinkedQueue<>();
  private final AtomicBoolean signalPending = new AtomicBoolean();
  private final AtomicBoolean nudged = new AtomicBoolean();
  private final Object sendLock = new Object();
  private final ZMQ.Socket receiver;
  private final ZMQ.Socket sender; // guarded by sendLock
  private volatile boolean closed;

  Mailbox(ZContext context, String purpose) {
    String address = "inproc://jsonrpc2-" + purpose + "-" + NAMES.incrementAndGet();
    receiver = context.getContext().socket(SocketType.PAIR);
    receiver.setLinger(0);
    receiver.bind(address);
    sender = context.getContext().socket(SocketType.PAIR);
    sender.setLinger(0);
    sender.connect(address);
  }

  /** The socket the I/O thread polls for POLLIN. */
  ZMQ.Socket signalSocket() {
    return receiver;
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
    if (signalPending.compareAndSet(false, true)) {
      synchronized (sendLock) {
        if (!closed) {
          sender.send(SIGNAL, ZMQ.DONTWAIT);
        }
      }
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
   * I/O thread, just before it polls: clears the wake-up signal so that the next post or wake
   * sends one, and tells whether waiting is safe.
   *
   * @return true when nothing came meanwhile; false when an item or a wake-up arrived, which the
   *     caller must look at before it polls
   */
  boolean settle() {
    while (receiver.recv(ZMQ.DONTWAIT) != null) {
      // Only the wake-up matters, not how many bytes came.
    }
    signalPending.set(false);
    return items.isEmpty() && !nudged.getAndSet(false);
  }

  /**
   * I/O thread: closes both sockets; items still queued go to {@code leftovers}, and later posts
   * are refused.
   */
  void close(Consumer<? super T> leftovers) {
    synchronized (sendLock) {
      closed = true;
      sender.close();
    }
    receiver.close();
    T item;
    while ((item = items.poll()) != null) {
      leftovers.accept(item);
    }
  }
}
