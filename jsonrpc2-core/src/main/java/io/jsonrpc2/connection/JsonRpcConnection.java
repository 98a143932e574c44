package io.jsonrpc2.connection;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.jsonrpc2.CallContext;
import io.jsonrpc2.JsonRpcClient;
import io.jsonrpc2.JsonRpcService;
import io.jsonrpc2.OverflowPolicy;
import io.jsonrpc2.SubscriptionOptions;
import io.jsonrpc2.client.ClientTransport;
import io.jsonrpc2.client.ConnectionLostException;
import io.jsonrpc2.client.IdGenerator;
import io.jsonrpc2.client.JsonRpcClientException;
import io.jsonrpc2.client.OutboundMessage;
import io.jsonrpc2.client.TransportException;
import io.jsonrpc2.client.TransportReply;
import io.jsonrpc2.internal.ClientEngine;
import io.jsonrpc2.internal.DefaultExecutors;
import io.jsonrpc2.internal.DefaultMapper;
import io.jsonrpc2.internal.InboundCalls;
import io.jsonrpc2.internal.MessageKind;
import io.jsonrpc2.internal.Throwables;
import io.jsonrpc2.server.TransportContext;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One JSON-RPC connection that carries calls in both directions, over a {@link MessageChannel}: the
 * peer's requests and notifications go to a local {@link JsonRpcService}, and this side's calls go
 * out through {@link #peer()}, a {@link JsonRpcClient} whose responses come back on the same
 * connection. It is the same object on both ends: a server makes one per accepted connection, a
 * client one per connection it opens.
 *
 * <pre>{@code
 * JsonRpcConnection connection =
 *     JsonRpcConnection.builder(channel).service(localService).build().start();
 * int sum = connection.peer().call("add", Integer.class, 1, 2);
 * }</pre>
 *
 * <p>What it does for every stream transport:
 *
 * <ul>
 *   <li><b>Routing.</b> Each inbound message is looked at once, without parsing, and parsed by the
 *       one reader it is for: a request, notification or batch of them by the service, a response
 *       by the client (see {@link MessageKind}). A message of neither shape (not JSON, or JSON
 *       without {@code method}, {@code result} or {@code error}) is a protocol violation when this
 *       side has calls waiting (they fail with it, and the connection is closed); otherwise the
 *       service answers it (-32700 Parse error, -32600 Invalid Request), as the specification says.
 *   <li><b>Calls back.</b> A method the peer called reaches the peer through {@link
 *       CallContext#peer()}. Its own calls to the peer may wait: the service runs methods on its
 *       executor, not on the thread that reads the connection, so the responses it waits for are
 *       read meanwhile. (A {@code @NonBlocking} method runs on the reading thread and must not wait
 *       on the peer; its async calls are fine.)
 *   <li><b>Backpressure.</b> At most {@code maxInFlight} of the peer's messages are served at once;
 *       at that many, the connection stops reading, and holds in order what was read already, until
 *       one is answered, so a peer that floods requests is held back by the network. Responses to
 *       this side's calls are only read when reading goes on, so a method that waits on the peer
 *       counts against the cap while it waits.
 *   <li><b>Protocol violations.</b> A response that is not JSON-RPC, or for no waiting call, fails
 *       every call waiting on the connection with that cause and closes the connection with a WARN
 *       line; a late response to a call that timed out or was cancelled is a DEBUG line.
 *   <li><b>Close.</b> When the connection is gone, for whatever reason, the peer's requests still
 *       running are cancelled in the service (blocking methods interrupted, futures cancelled, as
 *       {@link JsonRpcService#cancelPending(TransportContext)} does; its notifications go on), and
 *       this side's waiting calls fail with a {@link ConnectionLostException}. {@link #shutdown}
 *       closes gracefully, once the peer's calls in flight have answered.
 * </ul>
 *
 * <p>The connection's {@link TransportContext} (given to the builder, with the peer added) is the
 * one every method called on it sees. Thread-safe.
 */
public final class JsonRpcConnection implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(JsonRpcConnection.class);

  private final MessageChannel channel;
  private final ChannelTransport transport;
  private final JsonRpcClient peer;
  private final InboundCalls inbound;
  private final CompletableFuture<Void> closed = new CompletableFuture<>();
  private final AtomicBoolean started = new AtomicBoolean();

  private JsonRpcConnection(Builder builder) {
    this.channel = builder.channel;
    this.transport = new ChannelTransport();
    JsonRpcClient.Builder client =
        JsonRpcClient.builder()
            .transport(transport)
            .mapper(builder.mapper)
            .timeout(builder.timeout);
    if (builder.idGenerator != null) {
      client.idGenerator(builder.idGenerator);
    }
    String cancelMethod =
        builder.cancelMethod != null
            ? builder.cancelMethod
            : builder.service != null ? builder.service.cancellationMethod().orElse(null) : null;
    if (cancelMethod != null) {
      client.cancellation(cancelMethod);
    }
    if (builder.subscriptions != null) {
      client.subscriptions(builder.subscriptions);
    }
    this.peer = client.build();
    this.inbound =
        new InboundCalls(
            builder.service != null ? builder.service : JsonRpcService.builder().build(),
            builder.context.withAttribute(CallContext.PEER_ATTRIBUTE, peer),
            builder.maxInFlight,
            new ChannelOutput(),
            channel.description());
  }

  /** A builder for a connection over {@code channel}; the connection owns the channel. */
  public static Builder builder(MessageChannel channel) {
    return new Builder(channel);
  }

  /**
   * Starts reading the channel.
   *
   * @return this connection
   * @throws IllegalStateException when started already
   */
  public JsonRpcConnection start() {
    if (!started.compareAndSet(false, true)) {
      throw new IllegalStateException("the connection to " + channel.description() + " started");
    }
    channel.start(new Inbound());
    return this;
  }

  /**
   * The other side of the connection: calls, notifications and proxies made on it go to the peer.
   * Closing it closes the connection.
   */
  public JsonRpcClient peer() {
    return peer;
  }

  /** The context every method called on this connection sees, the {@link #peer()} in it. */
  public TransportContext context() {
    return inbound.context();
  }

  /** How many of the peer's calls are running now. */
  public int inFlightCount() {
    return inbound.inFlightCount();
  }

  /** True once the connection is closed. */
  public boolean isClosed() {
    return closed.isDone();
  }

  /** Completes when the connection is closed, for whatever reason; never fails. */
  public CompletableFuture<Void> closeFuture() {
    return closed.copy();
  }

  /**
   * Closes gracefully: the connection goes on reading and serving, and closes as soon as none of
   * the peer's calls is in flight, or when {@code grace} runs out (the calls still running are then
   * cancelled). Returns at once.
   *
   * @return {@link #closeFuture()}
   */
  public CompletableFuture<Void> shutdown(Duration grace) {
    Objects.requireNonNull(grace, "grace");
    var timer =
        DefaultExecutors.timer().schedule(this::close, grace.toNanos(), TimeUnit.NANOSECONDS);
    closed.whenComplete((v, e) -> timer.cancel(false));
    inbound.whenIdle(this::close);
    return closeFuture();
  }

  /** Closes now; the peer's calls still running are cancelled. Idempotent. */
  @Override
  public void close() {
    channel.close();
  }

  @Override
  public String toString() {
    return "JsonRpcConnection[" + channel.description() + "]";
  }

  /** Where the answers to the peer's calls go. */
  private final class ChannelOutput implements InboundCalls.Output {
    @Override
    public CompletableFuture<Void> send(byte[] answer) {
      return channel.send(answer);
    }

    @Override
    public void pauseReading() {
      channel.pauseReading();
    }

    @Override
    public void resumeReading() {
      channel.resumeReading();
    }

    @Override
    public boolean isWritable() {
      return channel.isWritable();
    }
  }

  /** What the channel delivers. */
  private final class Inbound implements MessageChannel.Listener {
    // The blocking calls of one read are handed off together where the channel reports the end of
    // its reads. Only the reading thread holds and releases.
    private final boolean holdsReads = channel.reportsReadComplete();
    private final HandOffs.Turn turn = new HandOffs.Turn();

    @Override
    public void onMessage(byte[] message) {
      if (holdsReads) {
        turn.begin();
      }
      MessageKind kind = MessageKind.of(message);
      if (kind == MessageKind.RESPONSE
          || (kind != MessageKind.REQUEST && peer.pendingCount() > 0)) {
        transport.deliver(message);
      } else if (kind != MessageKind.REQUEST || !transport.offerToSubscriptions(message)) {
        inbound.serve(message);
      }
    }

    @Override
    public void onReadComplete() {
      turn.end();
    }

    @Override
    public void onWritable() {
      inbound.writable();
    }

    @Override
    public void onClosed(@Nullable Throwable cause) {
      // Closed first, so that whoever sees a call fail below sees the connection closed too.
      closed.complete(null);
      int cancelled = inbound.close();
      if (cancelled > 0) {
        LOG.debug("{}: closed; cancelled {} calls in flight", channel.description(), cancelled);
      }
      transport.lost(
          new ConnectionLostException(
              "the connection to " + channel.description() + " was closed", cause));
    }
  }

  /**
   * Pushes an encoded notification through the connection's bounded outbox, closing the connection
   * when the peer cannot keep up under {@link OverflowPolicy#FAIL}.
   */
  void push(byte[] notification, int capacity, OverflowPolicy policy) {
    if (!inbound.push(notification, capacity, policy)) {
      LOG.warn(
          "{}: closing the connection: it read too slowly for {} pushed messages waiting",
          channel.description(),
          capacity);
      close();
    }
  }

  /** The peer client's transport: its messages go out on the channel, its replies come back. */
  private final class ChannelTransport implements ClientTransport {
    private volatile ClientTransport.@Nullable Receiver receiver;

    @Override
    public void start(Receiver receiver) {
      this.receiver = receiver;
    }

    void deliver(byte[] message) {
      ClientTransport.Receiver to = receiver;
      if (to != null) {
        to.onMessage(message);
      }
    }

    /** Whether the message is an item of one of the peer client's subscriptions, taken by it. */
    boolean offerToSubscriptions(byte[] message) {
      return receiver instanceof ClientEngine engine && engine.subscriptions().offer(message);
    }

    void lost(ConnectionLostException cause) {
      ClientTransport.Receiver to = receiver;
      if (to != null) {
        to.onConnectionLost(cause);
      }
    }

    @Override
    public CompletableFuture<TransportReply> send(OutboundMessage message) {
      if (closed.isDone()) {
        return CompletableFuture.failedFuture(
            new ConnectionLostException(
                "the connection to " + channel.description() + " is closed", null));
      }
      CompletableFuture<TransportReply> written = new CompletableFuture<>();
      channel
          .send(message.payload())
          .whenComplete(
              (v, failure) -> {
                Throwable cause = failure == null ? null : Throwables.unwrap(failure);
                if (cause == null) {
                  written.complete(null);
                } else {
                  written.completeExceptionally(
                      cause instanceof TransportException
                          ? cause
                          : new TransportException(
                              "sending to " + channel.description() + " failed: " + cause, cause));
                }
              });
      return written;
    }

    @Override
    public boolean isRequestResponse() {
      return false;
    }

    @Override
    public String endpoint() {
      return channel.description();
    }

    @Override
    public void abort(JsonRpcClientException cause) {
      channel.close();
    }

    @Override
    public void close() {
      channel.close();
    }
  }

  /** Builds a {@link JsonRpcConnection}. Not thread-safe. */
  public static final class Builder {
    private final MessageChannel channel;
    private @Nullable JsonRpcService service;
    private TransportContext context = TransportContext.builder("connection").build();
    private int maxInFlight = 1024;
    private ObjectMapper mapper = DefaultMapper.shared();
    private @Nullable Duration timeout = Duration.ofSeconds(30);
    private @Nullable IdGenerator idGenerator;
    private @Nullable String cancelMethod;
    private @Nullable SubscriptionOptions subscriptions;

    private Builder(MessageChannel channel) {
      this.channel = Objects.requireNonNull(channel, "channel");
    }

    /**
     * The service that answers the peer's calls; by default one with no methods, which answers
     * every call with -32601 Method not found.
     */
    public Builder service(JsonRpcService service) {
      this.service = Objects.requireNonNull(service, "service");
      return this;
    }

    /**
     * What the transport knows of the connection (its name, the remote address, headers of an
     * upgrade request, the principal); the connection adds the {@link CallContext#peer() peer}.
     */
    public Builder context(TransportContext context) {
      this.context = Objects.requireNonNull(context, "context");
      return this;
    }

    /** How many of the peer's calls may run at once before reading pauses; default 1,024. */
    public Builder maxInFlight(int calls) {
      if (calls < 1) {
        throw new IllegalArgumentException("maxInFlight must be positive, got " + calls);
      }
      this.maxInFlight = calls;
      return this;
    }

    /**
     * The mapper for the params and results of the calls this side makes; by default the plain
     * {@code JsonMapper} shared as {@link JsonRpcClient.Builder#mapper} describes.
     */
    public Builder mapper(ObjectMapper mapper) {
      this.mapper = Objects.requireNonNull(mapper, "mapper");
      return this;
    }

    /** How long this side's calls wait for their response by default (30 s); null: for ever. */
    public Builder timeout(@Nullable Duration timeout) {
      this.timeout = timeout;
      return this;
    }

    /** Where the ids of this side's calls come from; decimal numbers by default. */
    public Builder idGenerator(IdGenerator ids) {
      this.idGenerator = Objects.requireNonNull(ids, "ids");
      return this;
    }

    /**
     * Sends the notification {@code method} when a call this side made is cancelled or times out,
     * as {@link JsonRpcClient.Builder#cancellation} does. By default the connection sends what its
     * service receives ({@link JsonRpcService.Builder#cancellation}), and nothing when the service
     * takes no cancellation.
     */
    public Builder cancellation(String method) {
      this.cancelMethod = Objects.requireNonNull(method, "method");
      return this;
    }

    /**
     * How {@code peer().subscribe} speaks to the peer (default {@link
     * SubscriptionOptions#defaults()}); the service's own subscriptions are set on the service.
     */
    public Builder subscriptions(SubscriptionOptions options) {
      this.subscriptions = Objects.requireNonNull(options, "options");
      return this;
    }

    /** The connection, not started yet. */
    public JsonRpcConnection build() {
      return new JsonRpcConnection(this);
    }
  }
}
