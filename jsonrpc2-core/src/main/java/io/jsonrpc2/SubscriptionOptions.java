package io.jsonrpc2;

import java.util.Objects;

/**
 * How subscriptions are spoken on a connection: the names of the notification that carries their
 * items and of the method that ends one, and the bounded buffer each subscription has when the peer
 * reads more slowly than items come. The same options go to {@link
 * JsonRpcService.Builder#subscriptions} (the side that publishes) and {@link
 * JsonRpcClient.Builder#subscriptions} (the side that subscribes).
 *
 * <p>On the wire (the shape of Ethereum's {@code eth_subscribe}): a method that returns a {@link
 * java.util.concurrent.Flow.Publisher} answers its call with a subscription id, a string; then each
 * item comes as the notification {@code {"jsonrpc": "2.0", "method": NOTIFICATION, "params":
 * {"subscription": ID, "result": ITEM}}}. When the publisher completes, {@code "params":
 * {"subscription": ID, "complete": true}} follows; when it fails (or the buffer overflows under
 * {@link OverflowPolicy#FAIL}), {@code "params": {"subscription": ID, "error": {"code": ...,
 * "message": ...}}}. The call {@code UNSUBSCRIBE} with params {@code [ID]} or {@code
 * {"subscription": ID}} ends it early and answers {@code true}, or {@code false} for an id that is
 * no live subscription of that connection.
 *
 * @param notificationMethod the notification that carries items, default {@value
 *     #NOTIFICATION_METHOD}
 * @param unsubscribeMethod the method that ends a subscription, default {@value
 *     #UNSUBSCRIBE_METHOD}
 * @param bufferSize how many items may wait for a slow peer per subscription, at least 1
 * @param overflow what happens to one more item when that many wait
 */
public record SubscriptionOptions(
    String notificationMethod, String unsubscribeMethod, int bufferSize, OverflowPolicy overflow) {

  /** The default name of the notification that carries items. */
  public static final String NOTIFICATION_METHOD = "rpc.subscription";

  /** The default name of the method that ends a subscription. */
  public static final String UNSUBSCRIBE_METHOD = "rpc.unsubscribe";

  /** The default buffer: 1024 items per subscription. */
  public static final int DEFAULT_BUFFER_SIZE = 1024;

  public SubscriptionOptions {
    Objects.requireNonNull(notificationMethod, "notificationMethod");
    Objects.requireNonNull(unsubscribeMethod, "unsubscribeMethod");
    Objects.requireNonNull(overflow, "overflow");
    if (notificationMethod.equals(unsubscribeMethod)) {
      throw new IllegalArgumentException(
          "the notification and the unsubscribe method need two names, got " + notificationMethod);
    }
    if (bufferSize < 1) {
      throw new IllegalArgumentException("bufferSize must be at least 1, got " + bufferSize);
    }
  }

  /**
   * {@value #NOTIFICATION_METHOD}, {@value #UNSUBSCRIBE_METHOD}, {@value #DEFAULT_BUFFER_SIZE}
   * items, {@link OverflowPolicy#DROP_OLDEST}.
   */
  public static SubscriptionOptions defaults() {
    return new SubscriptionOptions(
        NOTIFICATION_METHOD, UNSUBSCRIBE_METHOD, DEFAULT_BUFFER_SIZE, OverflowPolicy.DROP_OLDEST);
  }

  /**
   * These options with other method names, such as {@code eth_subscription}, {@code
   * eth_unsubscribe}.
   */
  public SubscriptionOptions withNames(String notificationMethod, String unsubscribeMethod) {
    return new SubscriptionOptions(notificationMethod, unsubscribeMethod, bufferSize, overflow);
  }

  /** These options with another buffer. */
  public SubscriptionOptions withBuffer(int bufferSize, OverflowPolicy overflow) {
    return new SubscriptionOptions(notificationMethod, unsubscribeMethod, bufferSize, overflow);
  }
}
