package io.jsonrpc2.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.jsonrpc2.OverflowPolicy;
import io.jsonrpc2.SubscriptionOptions;
import io.jsonrpc2.message.ErrorCodes;
import io.jsonrpc2.message.ErrorObject;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Flow;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The subscriptions the peer holds on one connection: each a publisher whose items go out as
 * notifications, through a bounded buffer while the connection is not writable (see {@link
 * SubscriptionOptions} for the wire shape). Made by {@link InboundCalls}, found by the dispatcher
 * in the connection's context under {@link #ATTRIBUTE}.
 *
 * <p>Order: a subscription's items wait until the reply that carries its id has been handed to the
 * connection, so the peer always knows the id before the first item.
 */
public final class ServerSubscriptions {
  private static final Logger LOG = LoggerFactory.getLogger(ServerSubscriptions.class);

  /** The connection context attribute under which a connection's subscriptions are found. */
  public static final String ATTRIBUTE = "io.jsonrpc2.subscriptions";

  private final InboundCalls.Output output;
  private final String description;
  private final Map<String, Stream> live = new ConcurrentHashMap<>();
  // Subscriptions whose id is not out yet: while there are none, a reply costs one read.
  private final AtomicInteger awaitingReply = new AtomicInteger();
  private volatile boolean closed;
  private volatile @Nullable Outbox pushes;

  ServerSubscriptions(InboundCalls.Output output, String description) {
    this.output = output;
    this.description = description;
  }

  /**
   * Subscribes to {@code publisher} at once; its items are held until {@link #replySent} sees the
   * reply carrying the returned stream's id.
   */
  Stream open(
      Flow.Publisher<?> publisher,
      SubscriptionOptions options,
      ObjectMapper mapper,
      ErrorMapping errors,
      String method) {
    String id;
    Stream stream;
    do {
      id = "0x" + Long.toHexString(ThreadLocalRandom.current().nextLong());
      stream = new Stream(id, options, mapper, errors, method);
    } while (live.putIfAbsent(id, stream) != null);
    awaitingReply.incrementAndGet();
    if (closed) {
      stream.cancel();
    }
    publisher.subscribe(stream);
    return stream;
  }

  /** The reply {@code reply} has been handed to the connection: its subscriptions may send now. */
  void replySent(byte[] reply) {
    if (awaitingReply.get() == 0) {
      return;
    }
    for (Stream stream : live.values()) {
      if (stream.reply == reply) {
        stream.activate();
      }
    }
  }

  /** The connection can take more: each subscription sends what waits. */
  void writable() {
    Outbox to = pushes;
    if (to != null) {
      to.drain();
    }
    live.values().forEach(Stream::drain);
  }

  /**
   * Ends the subscription {@code id} of this connection.
   *
   * @return whether it was live
   */
  public boolean unsubscribe(String id) {
    Stream stream = live.get(id);
    if (stream == null) {
      return false;
    }
    stream.cancel();
    return true;
  }

  /**
   * Pushes a message that is no subscription's (a broadcast) through this connection's own bounded
   * outbox, made with the first such message's bound and policy.
   *
   * @return false when the outbox is full under {@link OverflowPolicy#FAIL}: the peer cannot keep
   *     up
   */
  boolean push(byte[] message, int capacity, OverflowPolicy policy) {
    Outbox to = pushes;
    if (to == null) {
      synchronized (this) {
        to = pushes;
        if (to == null) {
          to = new Outbox(output, capacity, policy, true);
          pushes = to;
        }
      }
    }
    return to.offer(message) != Outbox.Offer.OVERFLOWED;
  }

  /** How many subscriptions are live. */
  public int size() {
    return live.size();
  }

  /** The connection is gone: every publisher is cancelled and nothing more is sent. */
  void closeAll() {
    closed = true;
    Outbox to = pushes;
    if (to != null) {
      to.close();
    }
    live.values().forEach(Stream::cancel);
  }

  /** One subscription: subscribes to the publisher, and sends its items in order. */
  final class Stream implements Flow.Subscriber<Object> {
    private final String id;
    private final SubscriptionOptions options;
    private final ObjectMapper mapper;
    private final ErrorMapping errors;
    private final String method;
    // Closed until the reply that carries the id is out.
    private final Outbox outbox;
    private final Object lock = new Object();

    /** The encoded reply that carries this id, once it is encoded. */
    volatile byte @Nullable [] reply;

    // Guarded by lock.
    private Flow.@Nullable Subscription upstream;
    private boolean active;
    private boolean ended;
    private boolean cancelled;

    Stream(
        String id,
        SubscriptionOptions options,
        ObjectMapper mapper,
        ErrorMapping errors,
        String method) {
      this.id = id;
      this.options = options;
      this.mapper = mapper;
      this.errors = errors;
      this.method = method;
      this.outbox = new Outbox(output, options.bufferSize(), options.overflow(), false);
    }

    String id() {
      return id;
    }

    /** Called by the dispatcher with the bytes of the reply that carries this id. */
    void encodedIn(byte[] reply) {
      this.reply = reply;
    }

    @Override
    public void onSubscribe(Flow.Subscription subscription) {
      boolean cancelNow;
      synchronized (lock) {
        cancelNow = cancelled || upstream != null;
        if (!cancelNow) {
          upstream = subscription;
        }
      }
      if (cancelNow) {
        subscription.cancel();
        return;
      }
      // Everything is asked for: the buffer, not the publisher, is what holds a slow peer back.
      subscription.request(Long.MAX_VALUE);
    }

    @Override
    public void onNext(Object item) {
      synchronized (lock) {
        if (ended || cancelled) {
          return;
        }
      }
      if (outbox.offer(notification("result", mapper.valueToTree(item)))
          == Outbox.Offer.OVERFLOWED) {
        overflow();
      }
    }

    private void overflow() {
      Flow.Subscription cancel;
      synchronized (lock) {
        cancel = upstream;
      }
      if (cancel != null) {
        cancel.cancel();
      }
      outbox.clear();
      LOG.warn(
          "{}: subscription {} of '{}' ended: its peer reads too slowly ({} items waited)",
          description,
          id,
          method,
          options.bufferSize());
      end(
          error(
              ErrorObject.of(
                  ErrorCodes.OVERFLOW,
                  "the subscription ended: more than "
                      + options.bufferSize()
                      + " items waited for the reader")));
    }

    @Override
    public void onError(Throwable failure) {
      LOG.warn(
          "{}: the publisher of subscription {} of '{}' failed", description, id, method, failure);
      end(error(errors.map(failure, method)));
    }

    @Override
    public void onComplete() {
      ObjectNode params = params();
      params.put("complete", true);
      end(encode(params));
    }

    /** Queues the last message, past the buffer's bound: there is one. */
    private void end(byte[] last) {
      synchronized (lock) {
        if (ended || cancelled) {
          return;
        }
        ended = true;
      }
      outbox.offerLast(last);
      drain();
    }

    void activate() {
      synchronized (lock) {
        if (active) {
          return;
        }
        active = true;
      }
      awaitingReply.decrementAndGet();
      outbox.open();
      drain();
    }

    /** Sends what waits; an ended stream that sent everything leaves the connection. */
    void drain() {
      boolean sentAll = outbox.drain();
      boolean over;
      synchronized (lock) {
        over = ended && active;
      }
      if (sentAll && over) {
        live.remove(id, this);
      }
    }

    /** Stops the publisher and sends nothing more. */
    void cancel() {
      Flow.Subscription stop;
      boolean wasActive;
      synchronized (lock) {
        if (cancelled) {
          return;
        }
        cancelled = true;
        wasActive = active;
        active = true;
        stop = upstream;
      }
      outbox.close();
      if (!wasActive) {
        awaitingReply.decrementAndGet();
      }
      live.remove(id, this);
      if (stop != null) {
        stop.cancel();
      }
      long dropped = outbox.dropped();
      if (dropped > 0) {
        LOG.debug(
            "{}: subscription {} dropped {} items for a slow reader", description, id, dropped);
      }
    }

    private byte[] error(ErrorObject error) {
      ObjectNode params = params();
      ObjectNode node =
          params.putObject("error").put("code", error.code()).put("message", error.message());
      JsonNode data = error.data();
      if (data != null) {
        node.set("data", data);
      }
      return encode(params);
    }

    private byte[] notification(String member, JsonNode value) {
      ObjectNode params = params();
      params.set(member, value);
      return encode(params);
    }

    private ObjectNode params() {
      return mapper.createObjectNode().put("subscription", id);
    }

    private byte[] encode(ObjectNode params) {
      ObjectNode message =
          mapper
              .createObjectNode()
              .put("jsonrpc", "2.0")
              .put("method", options.notificationMethod());
      message.set("params", params);
      try {
        return mapper.writeValueAsBytes(message);
      } catch (JsonProcessingException e) {
        throw new UncheckedIOException(e);
      }
    }

    @Override
    public String toString() {
      return "subscription " + id + " of " + Objects.toString(method);
    }
  }
}
