package io.jsonrpc2.internal;

import io.jsonrpc2.OverflowPolicy;
import java.util.ArrayDeque;

/**
 * Pushed messages for one peer that wait, up to a bound, while its connection is not writable: the
 * buffer that keeps a slow reader from growing the sender's memory. Messages go out in the order
 * offered, one sender at a time, once the outbox is {@link #open} and the connection writable.
 * Thread-safe.
 */
final class Outbox {
  /** What became of an offered message. */
  enum Offer {
    /** Sent or waiting. */
    TAKEN,
    /** Dropped (the message or the oldest waiting one) under a drop policy. */
    DROPPED,
    /** Refused under {@link OverflowPolicy#FAIL}: the outbox was full. */
    OVERFLOWED
  }

  private final InboundCalls.Output output;
  private final int capacity;
  private final OverflowPolicy policy;
  private final Object lock = new Object();
  // Guarded by lock.
  private final ArrayDeque<byte[]> waiting = new ArrayDeque<>();
  private boolean open;
  private boolean draining;
  private boolean closed;
  private long dropped;

  Outbox(InboundCalls.Output output, int capacity, OverflowPolicy policy, boolean open) {
    this.output = output;
    this.capacity = capacity;
    this.policy = policy;
    this.open = open;
  }

  /**
   * Queues {@code message} within the bound, applying the policy past it, and sends what it can.
   */
  Offer offer(byte[] message) {
    Offer offer = Offer.TAKEN;
    synchronized (lock) {
      if (closed) {
        return Offer.DROPPED;
      }
      if (waiting.size() >= capacity) {
        if (policy == OverflowPolicy.FAIL) {
          return Offer.OVERFLOWED;
        }
        dropped++;
        offer = Offer.DROPPED;
        if (policy == OverflowPolicy.DROP_NEWEST) {
          return offer;
        }
        waiting.poll();
      }
      waiting.add(message);
    }
    drain();
    return offer;
  }

  /** Queues the last message of a stream past the bound (there is only one), and sends. */
  void offerLast(byte[] message) {
    synchronized (lock) {
      if (closed) {
        return;
      }
      waiting.add(message);
    }
    drain();
  }

  /** Lets messages go out from now on. */
  void open() {
    synchronized (lock) {
      open = true;
    }
    drain();
  }

  /**
   * Sends what waits while the connection is writable.
   *
   * @return whether nothing waits any more
   */
  boolean drain() {
    while (true) {
      byte[] next;
      synchronized (lock) {
        if (closed) {
          return true;
        }
        if (!open || draining) {
          return waiting.isEmpty();
        }
        next = waiting.isEmpty() || !output.isWritable() ? null : waiting.poll();
        if (next == null) {
          return waiting.isEmpty();
        }
        draining = true;
      }
      try {
        output.send(next);
      } finally {
        synchronized (lock) {
          draining = false;
        }
      }
    }
  }

  /** Drops what waits; nothing more is sent. */
  void close() {
    synchronized (lock) {
      closed = true;
      waiting.clear();
    }
  }

  /** Drops what waits, and keeps taking messages. */
  void clear() {
    synchronized (lock) {
      waiting.clear();
    }
  }

  /** How many messages were dropped so far. */
  long dropped() {
    synchronized (lock) {
      return dropped;
    }
  }
}
