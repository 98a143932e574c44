package io.jsonrpc2.internal;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.jsonrpc2.CallContext;
import io.jsonrpc2.JsonRpcClient;
import io.jsonrpc2.JsonRpcService;
import io.jsonrpc2.SubscriptionOptions;
import io.jsonrpc2.client.CallOptions;
import io.jsonrpc2.client.CallTimeoutException;
import io.jsonrpc2.client.ClientTransport;
import io.jsonrpc2.client.ConnectionLostException;
import io.jsonrpc2.client.IdGenerator;
import io.jsonrpc2.client.JsonRpcClientException;
import io.jsonrpc2.client.OutboundMessage;
import io.jsonrpc2.client.TransportException;
import io.jsonrpc2.client.TransportReply;
import io.jsonrpc2.message.Id;
import io.jsonrpc2.message.Message;
import io.jsonrpc2.message.Notification;
import io.jsonrpc2.message.Request;
import io.jsonrpc2.message.Response;
import io.jsonrpc2.server.TransportContext;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The transport-independent half of the client: assigns ids, encodes messages, hands them to the
 * transport, and routes replies to the calls waiting for them ({@link ReplyRouter}). Thread-safe.
 */
public final class ClientEngine implements ClientTransport.Receiver {
  static final Logger LOG = LoggerFactory.getLogger("io.jsonrpc2.client");

  private static final JsonRpcService NO_METHODS = JsonRpcService.builder().build();

  /** How many of the peer's calls a client serves at once before its connection stops reading. */
  private static final int MAX_SERVED_IN_FLIGHT = 1024;

  /** How often a generated id that a waiting call already uses is drawn again before giving up. */
  private static final int ID_ATTEMPTS = 16;

  private final ClientTransport transport;
  private final ObjectMapper mapper;
  private final IdGenerator ids;
  private final CallWriter writer;
  private final @Nullable Duration defaultTimeout;
  private final PendingCalls pending;
  private final ReplyRouter router;
  private final @Nullable JsonRpcService local;
  private final @Nullable String cancelMethod;
  private final ClientSubscriptions subscriptions;
  private volatile @Nullable JsonRpcClient owner;
  // The peer's calls on the current connection; replaced when it is lost, so that answers of calls
  // from a lost connection never go out on the next one.
  private volatile InboundCalls served;
  private volatile boolean closed;

  public ClientEngine(
      ClientTransport transport,
      ObjectMapper mapper,
      IdGenerator ids,
      ResponseReader reader,
      @Nullable Duration defaultTimeout,
      @Nullable JsonRpcService local,
      @Nullable String cancelMethod,
      SubscriptionOptions subscriptionOptions) {
    this.transport = transport;
    this.subscriptions = new ClientSubscriptions(mapper, subscriptionOptions);
    this.local = local;
    this.cancelMethod = cancelMethod;
    this.mapper = mapper;
    this.ids = ids;
    this.writer = new CallWriter(mapper);
    this.defaultTimeout = defaultTimeout;
    this.pending = new PendingCalls(transport.endpoint());
    this.router = new ReplyRouter(transport.endpoint(), reader, pending, this::abortConnection);
    this.served = newServed();
    transport.start(this);
  }

  /**
   * The client this engine is for: the {@link io.jsonrpc2.CallContext#peer()} of the peer's calls
   * it serves. Set once, before the first call.
   */
  public void attach(JsonRpcClient client) {
    this.owner = client;
    this.served = newServed();
  }

  private InboundCalls newServed() {
    TransportContext.Builder context =
        TransportContext.builder(transportName()).attribute("endpoint", endpoint());
    JsonRpcClient client = owner;
    if (client != null) {
      context.attribute(CallContext.PEER_ATTRIBUTE, client);
    }
    return new InboundCalls(
        local != null ? local : NO_METHODS,
        context.build(),
        MAX_SERVED_IN_FLIGHT,
        new TransportOutput(),
        endpoint());
  }

  /** The scheme of the endpoint's URL ({@code netstring}, {@code ws}, ...), else "client". */
  private String transportName() {
    String endpoint = endpoint();
    int scheme = endpoint.indexOf("://");
    return scheme > 0 ? endpoint.substring(0, scheme) : "client";
  }

  public ObjectMapper mapper() {
    return mapper;
  }

  /** The subscriptions this client holds on its peer. */
  public ClientSubscriptions subscriptions() {
    return subscriptions;
  }

  public int pendingCount() {
    return pending.size();
  }

  public String endpoint() {
    return transport.endpoint();
  }

  /**
   * Sends requests and notifications as one message: a JSON array when {@code asBatch}, else the
   * single element. Requests without an id get generated ones.
   *
   * @throws IllegalArgumentException for two requests with one id, or params Jackson cannot write
   * @throws IllegalStateException when an explicit id is already used by a waiting call
   */
  public Exchange send(List<? extends Message> messages, boolean asBatch, CallOptions options) {
    Set<Id> explicit = new HashSet<>();
    for (Message message : messages) {
      if (message instanceof Request request) {
        if (request.id() != null && !explicit.add(request.id())) {
          throw new IllegalArgumentException(
              "two requests have the id "
                  + request.id()
                  + "; their responses could not be told apart");
        }
      } else if (!(message instanceof Notification)) {
        throw new IllegalArgumentException(
            "only requests and notifications can be sent, got " + message);
      }
    }
    @Nullable Duration timeout = timeoutOf(options);
    int n = messages.size();
    List<Message> prepared = new ArrayList<>(messages);
    List<CompletableFuture<Response>> futureAt = new ArrayList<>(Collections.nCopies(n, null));
    byte[] payload;
    try {
      // Explicit ids first, so that a generated id never takes one the caller chose.
      for (int i = 0; i < n; i++) {
        if (prepared.get(i) instanceof Request request && request.id() != null) {
          futureAt.set(i, registerExplicit(request.id(), timeout));
        }
      }
      for (int i = 0; i < n; i++) {
        if (prepared.get(i) instanceof Request request && request.id() == null) {
          Id id = registerGenerated(timeout, futureAt, i);
          prepared.set(i, request.withId(id));
        }
      }
      payload = writer.write(prepared, asBatch);
    } catch (RuntimeException e) {
      futureAt.stream().filter(Objects::nonNull).forEach(future -> future.cancel(false));
      throw e;
    }
    List<Id> requestIds = new ArrayList<>();
    List<CompletableFuture<Response>> futures = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      if (prepared.get(i) instanceof Request request) {
        requestIds.add(request.id());
        futures.add(futureAt.get(i));
      }
    }
    return dispatch(payload, requestIds, futures, timeout, options);
  }

  /**
   * Sends a message its caller wrote as JSON, byte for byte, and matches the responses to its
   * requests by their ids.
   *
   * @throws IllegalArgumentException if it is not a request, notification or batch of them
   * @throws IllegalStateException when one of its ids is already used by a waiting call
   */
  public Exchange sendJson(byte[] json, CallOptions options) {
    RawMessage raw = RawMessage.inspect(json, mapper.getFactory());
    @Nullable Duration timeout = timeoutOf(options);
    List<CompletableFuture<Response>> futures = new ArrayList<>();
    try {
      for (Id id : raw.requestIds()) {
        futures.add(registerExplicit(id, timeout));
      }
    } catch (RuntimeException e) {
      futures.forEach(future -> future.cancel(false));
      throw e;
    }
    return dispatch(json, raw.requestIds(), futures, timeout, options);
  }

  /**
   * Sends any bytes and completes with the transport's reply as it is, for request-response
   * transports only; nothing is matched or validated.
   */
  public CompletableFuture<TransportReply> sendVerbatim(byte[] payload, CallOptions options) {
    if (!transport.isRequestResponse()) {
      return CompletableFuture.failedFuture(
          new TransportException(
              transport.endpoint()
                  + " delivers replies apart from sends, so a raw reply cannot be"
                  + " returned; send the JSON with send(String) instead"));
    }
    if (closed) {
      return CompletableFuture.failedFuture(new TransportException("the client is closed"));
    }
    WireLog.request(transport.endpoint(), payload);
    CompletableFuture<TransportReply> result = new CompletableFuture<>();
    failAfter(result, timeoutOf(options));
    transportSend(payload, true, options)
        .whenComplete(
            (reply, failure) -> {
              if (failure != null) {
                result.completeExceptionally(asTransportException(failure));
              } else {
                TransportReply received = reply != null ? reply : TransportReply.of(null);
                WireLog.response(transport.endpoint(), received.body(), received.details());
                result.complete(received);
              }
            });
    return result;
  }

  private Exchange dispatch(
      byte[] payload,
      List<Id> requestIds,
      List<CompletableFuture<Response>> futures,
      @Nullable Duration timeout,
      CallOptions options) {
    CompletableFuture<Void> delivered = new CompletableFuture<>();
    failAfter(delivered, timeout);
    Map<Id, CompletableFuture<Response>> own = new LinkedHashMap<>();
    for (int i = 0; i < requestIds.size(); i++) {
      own.put(requestIds.get(i), futures.get(i));
    }
    if (closed) {
      TransportException reason = new TransportException("the client is closed");
      pending.failAll(own, reason);
      delivered.completeExceptionally(reason);
      return new Exchange(requestIds, futures, delivered);
    }
    WireLog.request(transport.endpoint(), payload);
    CompletableFuture<TransportReply> sent = transportSend(payload, !requestIds.isEmpty(), options);
    if (cancelMethod != null && !transport.isRequestResponse()) {
      for (int i = 0; i < requestIds.size(); i++) {
        Id id = requestIds.get(i);
        futures.get(i).whenComplete((response, failure) -> cancelOnPeerIfGivenUp(id, failure));
      }
    }
    if (!futures.isEmpty()) {
      // Once no caller waits any more (every call answered, timed out or cancelled), the transport
      // hears of it, so that a request-response transport can give up the exchange: a ZeroMQ REQ
      // socket whose reply never came must be replaced before it can send again.
      CompletableFuture.allOf(futures.toArray(CompletableFuture<?>[]::new))
          .whenComplete((done, failure) -> sent.cancel(false));
    }
    sent.whenComplete(
        (reply, failure) -> {
          if (failure instanceof CancellationException) {
            // Cancelled above once every call had ended: over a connection the replies can come
            // before the transport reports the write, and nothing is left to fail.
            delivered.complete(null);
            return;
          }
          if (failure != null) {
            TransportException reason = asTransportException(failure);
            pending.failAll(own, reason);
            delivered.completeExceptionally(reason);
            return;
          }
          try {
            if (transport.isRequestResponse()) {
              router.onReply(reply != null ? reply : TransportReply.of(null), own);
            }
          } finally {
            delivered.complete(null);
          }
        });
    return new Exchange(requestIds, futures, delivered);
  }

  /** A call its caller cancelled, or whose timeout fired, is cancelled on the peer too. */
  private void cancelOnPeerIfGivenUp(Id id, @Nullable Throwable failure) {
    String method = cancelMethod;
    boolean givenUp =
        failure instanceof CancellationException
            || (failure != null && Throwables.unwrap(failure) instanceof CallTimeoutException);
    if (method == null || !givenUp || closed) {
      return;
    }
    byte[] notification = Cancellation.notification(method, id, mapper);
    WireLog.request(transport.endpoint(), notification);
    transportSend(notification, false, CallOptions.DEFAULT);
  }

  private CompletableFuture<TransportReply> transportSend(
      byte[] payload, boolean expectsReply, CallOptions options) {
    try {
      CompletableFuture<TransportReply> sent =
          transport.send(new OutboundMessage(payload, expectsReply, options.transportOptions()));
      return Objects.requireNonNull(sent, "the transport's send returned null");
    } catch (RuntimeException e) {
      return CompletableFuture.failedFuture(e);
    }
  }

  private CompletableFuture<Response> registerExplicit(Id id, @Nullable Duration timeout) {
    CompletableFuture<Response> future = pending.register(id, timeout);
    if (future == null) {
      throw new IllegalStateException(
          "a call with the id " + id + " is already waiting for its response");
    }
    return future;
  }

  private Id registerGenerated(
      @Nullable Duration timeout, List<CompletableFuture<Response>> futureAt, int index) {
    for (int attempt = 0; attempt < ID_ATTEMPTS; attempt++) {
      Id id = Objects.requireNonNull(ids.next(), "the id generator returned null");
      CompletableFuture<Response> future = pending.register(id, timeout);
      if (future != null) {
        futureAt.set(index, future);
        return id;
      }
    }
    throw new IllegalStateException(
        "the id generator made " + ID_ATTEMPTS + " ids in a row that waiting calls already use");
  }

  private @Nullable Duration timeoutOf(CallOptions options) {
    return options.timeout() != null ? options.timeout() : defaultTimeout;
  }

  private void failAfter(CompletableFuture<?> future, @Nullable Duration timeout) {
    if (timeout == null) {
      return;
    }
    ScheduledFuture<?> timer =
        DefaultExecutors.timer()
            .schedule(
                () ->
                    PendingCalls.completeOffTimer(
                        future,
                        new CallTimeoutException(
                            "sending to "
                                + transport.endpoint()
                                + " did not finish within "
                                + timeout)),
                timeout.toNanos(),
                TimeUnit.NANOSECONDS);
    future.whenComplete((r, e) -> timer.cancel(false));
  }

  private TransportException asTransportException(Throwable failure) {
    Throwable cause = Throwables.unwrap(failure);
    return cause instanceof TransportException t
        ? t
        : new TransportException("sending to " + transport.endpoint() + " failed: " + cause, cause);
  }

  @Override
  public void onMessage(byte[] message) {
    if (MessageKind.of(message) == MessageKind.REQUEST) {
      if (!subscriptions.offer(message)) {
        answerPeer(message);
      }
    } else {
      router.onMessage(message);
    }
  }

  /**
   * The peer's calls go to the local service; without one they are answered -32601 Method not found
   * and notifications get nothing, so a peer that calls never waits for an answer that cannot come.
   */
  private void answerPeer(byte[] message) {
    if (local == null) {
      LOG.debug(
          "{}: answering a call from the peer with -32601: this client serves no calls",
          endpoint());
    }
    served.serve(message);
  }

  /** Answers to the peer's calls go out on the transport, as this client's messages do. */
  private final class TransportOutput implements InboundCalls.Output {
    @Override
    public CompletableFuture<Void> send(byte[] answer) {
      return transport
          .send(new OutboundMessage(answer, false, Map.of()))
          .thenApply(reply -> (Void) null);
    }

    @Override
    public void pauseReading() {
      transport.pauseReading();
    }

    @Override
    public void resumeReading() {
      transport.resumeReading();
    }
  }

  /** The peer broke the protocol: its calls are cancelled too, and the connection dropped. */
  private void abortConnection(JsonRpcClientException cause) {
    endServed();
    transport.abort(cause);
  }

  /** Cancels the peer's calls on the connection that is gone; later ones are the next one's. */
  private void endServed() {
    InboundCalls lost = served;
    served = newServed();
    int cancelled = lost.close();
    if (cancelled > 0) {
      LOG.debug("{}: connection gone; cancelled {} of the peer's calls", endpoint(), cancelled);
    }
  }

  @Override
  public void onConnectionLost(Throwable cause) {
    endServed();
    subscriptions.lost(
        cause instanceof ConnectionLostException described
            ? described
            : new ConnectionLostException(
                "connection to " + transport.endpoint() + " lost", cause));
    List<Id> all = pending.allIds();
    if (!all.isEmpty()) {
      LOG.warn("Connection to {} lost with {} calls waiting", transport.endpoint(), all.size());
    }
    // A transport that says why the connection went has said it best.
    pending.failAll(
        all,
        cause instanceof ConnectionLostException described
            ? described
            : new ConnectionLostException(
                "connection to " + transport.endpoint() + " lost", cause));
  }

  /** Fails every waiting call, refuses new ones, and closes the transport. */
  public void close() {
    closed = true;
    served.close();
    subscriptions.lost(new ConnectionLostException("the client was closed", null));
    pending.failAll(
        pending.allIds(),
        new ConnectionLostException("the client was closed while the call was waiting", null));
    transport.close();
  }
}
