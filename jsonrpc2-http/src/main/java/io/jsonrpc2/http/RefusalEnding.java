package io.jsonrpc2.http;

import java.util.List;
import java.util.Map;

/**
 * How an HTTP server ends an exchange it refused before reading the request body, so that the
 * client gets the answer and the next request on the connection starts where the client thinks it
 * does. Both shipped servers follow it.
 *
 * <p>After a 413 or a refused {@code Expect: 100-continue} the client may or may not send the body,
 * so only closing keeps the next request's start unambiguous. A client that did not ask whether to
 * send the body is sending it: closing while it still sends makes TCP reset the connection and the
 * client may lose the answer, so the body is read and dropped, within {@link #LINGER_MILLIS} and
 * {@link #LINGER_BYTES}, before the connection closes (the "lingering close" of other servers).
 */
public enum RefusalEnding {
  /** The body, if any, is read and dropped (up to the rules' body limit); the connection stays. */
  DRAIN,
  /** The client waits for {@code 100 Continue} and sends no body: answer, then close. */
  CLOSE,
  /** A 413 while the body may still be coming: answer at once, drop what follows, then close. */
  LINGER;

  /** How long an over-long body is still read and dropped after its answer, before closing. */
  public static final long LINGER_MILLIS = 2_000;

  /**
   * How much of an over-long body is read and dropped after its answer, at most, before closing.
   */
  public static final long LINGER_BYTES = 64L * 1024 * 1024;

  /** The ending of a request refused with {@code refusal} before its body was read. */
  public static RefusalEnding of(HttpAnswer refusal, Map<String, List<String>> headers) {
    if (HttpRules.expectsContinue(headers)) {
      return CLOSE;
    }
    return refusal.status() == 413 ? LINGER : DRAIN;
  }
}
