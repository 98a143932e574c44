package io.jsonrpc2.internal;

import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.jsonrpc2.OverflowPolicy;
import io.jsonrpc2.SubscriptionOptions;
import io.jsonrpc2.client.ErrorResponseException;
import io.jsonrpc2.client.InvalidResponseException;
import io.jsonrpc2.message.ErrorCodes;
import io.jsonrpc2.message.ErrorObject;
import java.io.IOException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Flow;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/**
 * A client's subscriptions: each a {@link Flow.Publisher} that, once subscribed, calls the method
 * that opens the subscription and then delivers the items the peer sends for its id (see {@link
 * SubscriptionOptions} for the wire shape). Items wait in a bounded buffer while the subscriber has
 * not asked for them; past the bound the subscription ends with an error and is unsubscribed.
 */
public final class ClientSubscriptions {
  private final ObjectMapper mapper;
  private final SubscriptionOptions options;
  private final Map<String, Sink<?>> live = new ConcurrentHashMap<>();
  // Subscribe calls not answered yet: while there are any, items for ids not known yet wait here,
  // in case a peer sends them before the answer is handled.
  private final AtomicInteger starting = new AtomicInteger();
  private final Map<String, List<JsonNode>> early = new java.util.HashMap<>();

  public ClientSubscriptions(ObjectMapper mapper, SubscriptionOptions options) {
    this.mapper = mapper;
    this.options = options;
  }

  public SubscriptionOptions options() {
    return options;
  }

  /**
   * A publisher of the items of one subscription per subscriber: {@code open} makes the call that
   * answers with the subscription's id, {@code close} the call that ends it.
   */
  public <T> Flow.Publisher<T> publisher(
      Supplier<CompletableFuture<JsonNode>> open, JavaType itemType, Consumer<String> close) {
    return subscriber -> {
      Objects.requireNonNull(subscriber, "subscriber");
      Sink<T> sink = new Sink<>(subscriber, itemType, close);
      subscriber.onSubscribe(sink);
      starting.incrementAndGet();
      CompletableFuture<JsonNode> opened;
      try {
        opened = open.get();
      } catch (RuntimeException e) {
        started();
        sink.fail(e);
        return;
      }
      opened.whenComplete(
          (id, failure) -> {
            try {
              if (failure != null) {
                sink.fail(Throwables.unwrap(failure));
              } else if (id == null || !id.isTextual()) {
                sink.fail(
                    new InvalidResponseException(
                        "a subscription is answered with its id, a string; got " + id));
              } else {
                sink.opened(id.textValue());
              }
            } finally {
              started();
            }
          });
    };
  }

  private void started() {
    if (starting.decrementAndGet() == 0) {
      synchronized (early) {
        early.clear();
      }
    }
  }

  /**
   * Takes the message if it is an item (or the end) of a subscription: true when it was one, and
   * the local service must not see it.
   */
  public boolean offer(byte[] message) {
    if (live.isEmpty() && starting.get() == 0) {
      return false;
    }
    JsonNode node;
    try {
      node = mapper.readTree(message);
    } catch (IOException | RuntimeException e) {
      return false;
    }
    if (node == null
        || !options.notificationMethod().equals(node.path("method").textValue())
        || node.has("id")) {
      return false;
    }
    JsonNode params = node.path("params");
    String id = params.path("subscription").textValue();
    if (id == null) {
      return false;
    }
    Sink<?> sink = live.get(id);
    if (sink == null) {
      synchronized (early) {
        sink = live.get(id);
        if (sink == null) {
          if (starting.get() > 0) {
            List<JsonNode> waiting = early.computeIfAbsent(id, key -> new ArrayList<>());
            if (waiting.size() < options.bufferSize()) {
              waiting.add(params);
            }
          }
          return true;
        }
      }
    }
    sink.receive(params);
    return true;
  }

  /** The connection is gone: every subscription ends with {@code cause}. */
  public void lost(Throwable cause) {
    for (Sink<?> sink : live.values()) {
      sink.fail(cause);
    }
  }

  /** How many subscriptions are open. */
  public int size() {
    return live.size();
  }

  private static final Object COMPLETE = new Object();

  /** One subscriber's subscription: its demand, the items waiting for it, and its end. */
  private final class Sink<T> implements Flow.Subscription {
    private final Flow.Subscriber<? super T> subscriber;
    private final JavaType itemType;
    private final Consumer<String> close;
    private final Object lock = new Object();
    // Guarded by lock.
    private final ArrayDeque<Object> waiting = new ArrayDeque<>();
    private long demand;
    private @Nullable Object end; // COMPLETE or a Throwable, delivered after what waits
    private boolean delivering;
    private boolean done;
    private @Nullable String id;

    Sink(Flow.Subscriber<? super T> subscriber, JavaType itemType, Consumer<String> close) {
      this.subscriber = subscriber;
      this.itemType = itemType;
      this.close = close;
    }

    void opened(String subscriptionId) {
      boolean cancelled;
      synchronized (lock) {
        cancelled = done;
        id = subscriptionId;
      }
      if (cancelled) {
        close.accept(subscriptionId);
        return;
      }
      // Items that came first are handed over before newer ones can find this subscription.
      synchronized (early) {
        List<JsonNode> before = early.remove(subscriptionId);
        if (before != null) {
          before.forEach(this::receive);
        }
        live.put(subscriptionId, this);
      }
    }

    /** One notification's params: an item, the end, or an error. */
    void receive(JsonNode params) {
      if (params.has("result")) {
        Object item;
        try {
          item = mapper.convertValue(params.get("result"), itemType);
        } catch (IllegalArgumentException e) {
          endWith(
              new InvalidResponseException(
                  "an item of subscription " + id + " is not a " + itemType.toCanonical(), e),
              true);
          return;
        }
        offerItem(item);
      } else if (params.has("error")) {
        JsonNode error = params.get("error");
        endWith(
            new ErrorResponseException(
                new ErrorObject(
                    error.path("code").asInt(ErrorCodes.INTERNAL_ERROR),
                    error.path("message").asText("the subscription failed"),
                    error.get("data"))),
            false);
      } else if (params.path("complete").asBoolean()) {
        endWith(COMPLETE, false);
      }
    }

    private void offerItem(Object item) {
      boolean overflowed = false;
      synchronized (lock) {
        if (done || end != null) {
          return;
        }
        if (waiting.size() >= options.bufferSize()) {
          if (options.overflow() == OverflowPolicy.DROP_NEWEST) {
            return;
          }
          if (options.overflow() == OverflowPolicy.DROP_OLDEST) {
            waiting.poll();
          } else {
            overflowed = true;
          }
        }
        if (!overflowed) {
          waiting.add(item);
        }
      }
      if (overflowed) {
        endWith(
            new ErrorResponseException(
                ErrorObject.of(
                    ErrorCodes.OVERFLOW,
                    "more than "
                        + options.bufferSize()
                        + " items of subscription "
                        + id
                        + " waited for the subscriber to ask for them")),
            true);
      } else {
        deliver();
      }
    }

    void fail(Throwable cause) {
      endWith(cause, false);
    }

    /** Ends after what waits; {@code unsubscribe} tells the peer to stop too. */
    private void endWith(Object how, boolean unsubscribe) {
      String known;
      synchronized (lock) {
        if (done || end != null) {
          return;
        }
        end = how;
        if (how != COMPLETE) {
          // An error goes out at once, ahead of items still waiting.
          waiting.clear();
        }
        known = id;
      }
      if (known != null) {
        live.remove(known, this);
        if (unsubscribe) {
          close.accept(known);
        }
      }
      deliver();
    }

    @Override
    public void request(long n) {
      if (n <= 0) {
        endWith(
            new IllegalArgumentException("request(n) takes a positive n (rule 3.9), got " + n),
            true);
        return;
      }
      synchronized (lock) {
        demand = demand + n < 0 ? Long.MAX_VALUE : demand + n;
      }
      deliver();
    }

    @Override
    public void cancel() {
      String known;
      synchronized (lock) {
        if (done) {
          return;
        }
        done = true;
        waiting.clear();
        known = id;
      }
      if (known != null && live.remove(known, this)) {
        close.accept(known);
      }
    }

    /** Hands what the subscriber asked for to it, one thread at a time. */
    @SuppressWarnings("unchecked")
    private void deliver() {
      while (true) {
        Object next;
        boolean last = false;
        synchronized (lock) {
          if (delivering || done) {
            return;
          }
          if (!waiting.isEmpty() && demand > 0) {
            next = waiting.poll();
            demand--;
          } else if (waiting.isEmpty() && end != null) {
            next = end;
            last = true;
            done = true;
          } else {
            return;
          }
          delivering = true;
        }
        try {
          if (!last) {
            subscriber.onNext((T) next);
          } else if (next == COMPLETE) {
            subscriber.onComplete();
          } else {
            subscriber.onError((Throwable) next);
          }
        } finally {
          synchronized (lock) {
            delivering = false;
          }
        }
      }
    }
  }
}
