package io.jsonrpc2.connection;

import io.jsonrpc2.internal.HandOffLane;

/**
 * For transports whose I/O thread reads many messages in one turn, as an event loop does: between
 * {@link #hold} and {@link #release} on one thread, the blocking (plain) calls that thread hands to
 * services' executors are queued, and the last release hands them off together, one executor task
 * per service, instead of one hand-off per message. A batch is held the same way inside the
 * service. Holds nest; each must be released on the thread that took it, once (in a {@code
 * finally}, or at the end of the event-loop turn), or that thread's blocking calls wait forever.
 *
 * <p>Stream transports get this from {@link JsonRpcConnection} through {@link
 * MessageChannel#reportsReadComplete}; a transport that calls {@link
 * io.jsonrpc2.JsonRpcService#handle} itself, as HTTP servers do, uses this class.
 */
public final class HandOffs {
  private HandOffs() {}

  /** Queues the blocking calls this thread hands off from now on, until the matching release. */
  public static void hold() {
    HandOffLane.hold();
  }

  /** Ends a {@link #hold} of this thread; the last one hands off what the holds queued. */
  public static void release() {
    HandOffLane.release();
  }

  /**
   * One reader's hold for the turn it is in: taken before the turn's first message and given back
   * when the turn ends, at most once each per turn. Used by the reading thread only.
   */
  public static final class Turn {
    private boolean holding;

    /**
     * Holds, unless this turn holds already.
     *
     * @return true if this took the hold: the caller then arranges for {@link #end}
     */
    public boolean begin() {
      if (holding) {
        return false;
      }
      holding = true;
      hold();
      return true;
    }

    /** The turn has ended: gives back its hold, if it took one. */
    public void end() {
      if (holding) {
        holding = false;
        release();
      }
    }
  }
}
