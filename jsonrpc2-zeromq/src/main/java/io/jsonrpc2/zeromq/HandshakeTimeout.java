package io.jsonrpc2.zeromq;

import java.time.Duration;

/** The one check both builders make of a handshake timeout, which ZeroMQ takes as int millis. */
final class HandshakeTimeout {
  private HandshakeTimeout() {}

  /**
   * @return {@code timeout}
   * @throws IllegalArgumentException unless it is between 1 ms and {@code Integer.MAX_VALUE} ms
   */
  static Duration checked(Duration timeout) {
    if (timeout.isNegative() || timeout.toMillis() < 1 || timeout.toMillis() > Integer.MAX_VALUE) {
      throw new IllegalArgumentException(
          "handshakeTimeout must be between 1 ms and 24 days, got " + timeout);
    }
    return timeout;
  }
}
