package io.jsonrpc2;

/**
 * What a bounded buffer of messages waiting for a slow peer does when it is full and one more
 * comes: the choice that keeps one slow reader from growing the sender's memory.
 */
public enum OverflowPolicy {
  /** The oldest waiting message is dropped to make room: the peer sees the newest state. */
  DROP_OLDEST,
  /** The new message is dropped: the peer sees the oldest ones, then a gap. */
  DROP_NEWEST,
  /**
   * The stream ends with an error: a subscription is closed with an error notification, a
   * connection that cannot keep up with broadcasts is closed.
   */
  FAIL
}
