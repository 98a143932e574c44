package io.jsonrpc2;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.jsonrpc2.client.BatchResponse;
import io.jsonrpc2.client.CallOptions;
import io.jsonrpc2.client.ClientTransport;
import io.jsonrpc2.client.ClientTransports;
import io.jsonrpc2.client.ConnectOptions;
import io.jsonrpc2.client.ConnectionLostException;
import io.jsonrpc2.client.ErrorResponseException;
import io.jsonrpc2.client.IdGenerator;
import io.jsonrpc2.client.IdGenerators;
import io.jsonrpc2.client.InvalidResponseException;
import io.jsonrpc2.client.JsonRpcClientException;
import io.jsonrpc2.internal.ClientEngine;
import io.jsonrpc2.internal.DefaultMapper;
import io.jsonrpc2.internal.Futures;
import io.jsonrpc2.internal.ProxyInvocationHandler;
import io.jsonrpc2.internal.ResponseReader;
import io.jsonrpc2.internal.Results;
import io.jsonrpc2.message.Message;
import io.jsonrpc2.message.Notification;
import io.jsonrpc2.message.Request;
import io.jsonrpc2.message.Response;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Flow;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A JSON-RPC 2.0 client over one {@link ClientTransport}.
 *
 * <pre>{@code
 * JsonRpcClient client = JsonRpcClient.builder().transport(transport).build();
 * int difference = client.call("subtract", Integer.class, 42, 23);    // typed result
 * JsonNode meow = client.request("cat", Map.of("name", "Mittens"));   // the result as JSON
 * client.notify("update", 1, 2, 3);                                   // no response
 * BatchResponse cubes = client.send(List.of(Request.of("cube", 2), Request.of("cube", 3)));
 * Calculator calc = client.proxy(Calculator.class);                   // an interface
 * }</pre>
 *
 * <p><b>Params.</b> Positional params are the trailing arguments; named params are one {@code Map}.
 * (To send a single {@code Map} as a positional param, send a {@link Request} value.) Without
 * arguments the {@code params} member is left out.
 *
 * <p><b>Results and errors.</b> {@code call} converts the result to the type asked for, {@code
 * request} returns it as a {@code JsonNode} (jsonrpcclient's name). Async methods complete
 * exceptionally, blocking ones throw, with a {@link JsonRpcClientException}: {@link
 * ErrorResponseException} for an error response (its code, message and data), {@link
 * InvalidResponseException} or {@link io.jsonrpc2.client.ParseResponseException} for a bad reply,
 * and {@link io.jsonrpc2.client.TransportException} (with {@link
 * io.jsonrpc2.client.ConnectionLostException} and {@link io.jsonrpc2.client.CallTimeoutException})
 * when the reply did not come. The {@code send} methods return responses as values instead: an
 * error response does not fail them.
 *
 * <p><b>Logging.</b> Every message sent is logged at DEBUG on {@value #REQUEST_LOGGER}, every reply
 * received on {@value #RESPONSE_LOGGER}, as {@code endpoint --> message} and {@code endpoint <--
 * message}, with the MDC keys {@code endpoint}, {@code message} and the transport's reply details
 * (such as {@code http_status}) set for the line.
 *
 * <p>Thread-safe; one client serves any number of concurrent callers. Cancelling a returned future
 * forgets the call (its late response is dropped). {@link #withOptions} makes a view with other
 * per-call options that shares this client's transport and waiting calls.
 */
public final class JsonRpcClient implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(JsonRpcClient.class);

  /** The logger of every message sent, at DEBUG. */
  public static final String REQUEST_LOGGER = "io.jsonrpc2.client.request";

  /** The logger of every reply received, at DEBUG. */
  public static final String RESPONSE_LOGGER = "io.jsonrpc2.client.response";

  private final ClientEngine engine;
  private final CallOptions options;

  private JsonRpcClient(ClientEngine engine, CallOptions options) {
    this.engine = engine;
    this.options = options;
  }

  public static Builder builder() {
    return new Builder();
  }

  /**
   * A client for {@code url} over the transport on the class path that serves its scheme ({@code
   * http://}, {@code https://}, {@code netstring://}, {@code netstring+tls://}, {@code zmq+tcp://};
   * see {@link ClientTransports}), with {@link ConnectOptions#DEFAULT}.
   *
   * <pre>{@code
   * try (JsonRpcClient client = JsonRpcClient.connect("netstring://127.0.0.1:7080")) {
   *   String echoed = client.call("main.echo", String.class, "foo");
   * }
   * }</pre>
   *
   * @throws IllegalArgumentException if {@code url} is not a URL, no transport on the class path
   *     serves its scheme (the message names the schemes served and the module to add), or it lacks
   *     what its transport needs, such as a port
   */
  public static JsonRpcClient connect(String url) {
    return connect(url, ConnectOptions.DEFAULT);
  }

  /** As {@link #connect(String)}, with {@code options}; its timeout is the calls' timeout too. */
  public static JsonRpcClient connect(String url, ConnectOptions options) {
    return over(ClientTransports.open(url, options), options);
  }

  /** As {@link #connect(String)}. */
  public static JsonRpcClient connect(URI url) {
    return connect(url, ConnectOptions.DEFAULT);
  }

  /** As {@link #connect(String, ConnectOptions)}. */
  public static JsonRpcClient connect(URI url, ConnectOptions options) {
    return over(ClientTransports.open(url, options), options);
  }

  private static JsonRpcClient over(ClientTransport transport, ConnectOptions options) {
    return builder().transport(transport).timeout(options.timeout()).build();
  }

  /** A client that shares this one's transport, with {@code overrides} merged over its options. */
  public JsonRpcClient withOptions(CallOptions overrides) {
    return new JsonRpcClient(engine, options.mergedWith(overrides));
  }

  /** A client that shares this one's transport and waits at most {@code timeout} per call. */
  public JsonRpcClient withTimeout(Duration timeout) {
    return withOptions(CallOptions.DEFAULT.withTimeout(timeout));
  }

  // ---- typed calls ----------------------------------------------------------------------------

  public <T> CompletableFuture<T> callAsync(String method, Class<T> resultType, Object... args) {
    return invoke(Request.of(method, args), engine.mapper().constructType(resultType));
  }

  public <T> CompletableFuture<T> callAsync(
      String method, TypeReference<T> resultType, Object... args) {
    return invoke(Request.of(method, args), engine.mapper().constructType(resultType));
  }

  public <T> CompletableFuture<T> callAsync(
      String method, Class<T> resultType, Map<String, ?> namedArgs) {
    return invoke(Request.named(method, namedArgs), engine.mapper().constructType(resultType));
  }

  public <T> CompletableFuture<T> callAsync(
      String method, TypeReference<T> resultType, Map<String, ?> namedArgs) {
    return invoke(Request.named(method, namedArgs), engine.mapper().constructType(resultType));
  }

  /** Calls and waits; throws the call's {@link JsonRpcClientException}. */
  public <T> T call(String method, Class<T> resultType, Object... args) {
    return Futures.await(callAsync(method, resultType, args));
  }

  public <T> T call(String method, TypeReference<T> resultType, Object... args) {
    return Futures.await(callAsync(method, resultType, args));
  }

  public <T> T call(String method, Class<T> resultType, Map<String, ?> namedArgs) {
    return Futures.await(callAsync(method, resultType, namedArgs));
  }

  public <T> T call(String method, TypeReference<T> resultType, Map<String, ?> namedArgs) {
    return Futures.await(callAsync(method, resultType, namedArgs));
  }

  /**
   * Sends a request value (its own id, or the next generated one) and converts the result to {@code
   * resultType}; the lowest-level typed call, used by proxies. An error response fails the future
   * with {@link ErrorResponseException}.
   */
  public <T> CompletableFuture<T> invoke(Request request, JavaType resultType) {
    Objects.requireNonNull(resultType, "resultType");
    CompletableFuture<Response> response = sendAsync(request);
    return Futures.cancelling(
        response.thenApply(
            received -> Results.convert(engine.mapper(), request, received, resultType)),
        List.of(response));
  }

  // ---- untyped calls (jsonrpcclient's request) ------------------------------------------------

  /** Calls and completes with the result as JSON ({@code NullNode} for a null result). */
  public CompletableFuture<JsonNode> requestAsync(String method, Object... args) {
    return callAsync(method, JsonNode.class, args);
  }

  public CompletableFuture<JsonNode> requestAsync(String method, Map<String, ?> namedArgs) {
    return callAsync(method, JsonNode.class, namedArgs);
  }

  /**
   * Calls, waits and returns the result as JSON; throws the call's {@link JsonRpcClientException}.
   */
  public JsonNode request(String method, Object... args) {
    return Futures.await(requestAsync(method, args));
  }

  public JsonNode request(String method, Map<String, ?> namedArgs) {
    return Futures.await(requestAsync(method, namedArgs));
  }

  // ---- notifications --------------------------------------------------------------------------

  /**
   * Sends a notification; completes when the transport has taken it (for request-response
   * transports: when the exchange is over). No response is awaited, and a reply, if any, is
   * ignored.
   */
  public CompletableFuture<Void> notifyAsync(String method, Object... args) {
    return sendAsync(Notification.of(method, args));
  }

  public CompletableFuture<Void> notifyAsync(String method, Map<String, ?> namedArgs) {
    return sendAsync(Notification.named(method, namedArgs));
  }

  public void notify(String method, Object... args) {
    Futures.await(notifyAsync(method, args));
  }

  public void notify(String method, Map<String, ?> namedArgs) {
    Futures.await(notifyAsync(method, namedArgs));
  }

  // ---- messages -------------------------------------------------------------------------------

  /**
   * Sends one request and completes with its response; an error response is a value here, not a
   * failure. A request without an id gets the next generated one.
   *
   * @throws IllegalStateException if a call with the request's explicit id is still waiting
   */
  public CompletableFuture<Response> sendAsync(Request request) {
    return engine.send(List.of(request), false, options).responses().get(0);
  }

  public Response send(Request request) {
    return Futures.await(sendAsync(request));
  }

  /** Sends one notification; completes as {@link #notifyAsync} does. */
  public CompletableFuture<Void> sendAsync(Notification notification) {
    return engine.send(List.of(notification), false, options).delivered();
  }

  public void send(Notification notification) {
    Futures.await(sendAsync(notification));
  }

  /**
   * Sends requests and notifications as one batch (a JSON array, even of one) and completes with
   * the responses to the requests, findable by id. Fails as a whole if any request got no valid
   * response.
   *
   * @throws IllegalArgumentException if {@code messages} is empty or two requests have one id
   */
  public CompletableFuture<BatchResponse> sendAsync(List<? extends Message> messages) {
    if (messages.isEmpty()) {
      throw new IllegalArgumentException("a batch must not be empty");
    }
    return engine.send(messages, true, options).allResponses();
  }

  public BatchResponse send(List<? extends Message> messages) {
    return Futures.await(sendAsync(messages));
  }

  /**
   * Sends a message written as JSON (a request, a notification or a batch of them), byte for byte,
   * and completes with the validated responses to its requests, matched by their ids: one for a
   * request, one per request of a batch, none for notifications.
   *
   * @throws IllegalArgumentException if {@code json} is not such a message (see {@link
   *     #sendRawAsync} for sending anything at all)
   */
  public CompletableFuture<BatchResponse> sendAsync(String json) {
    return engine.sendJson(json.getBytes(StandardCharsets.UTF_8), options).allResponses();
  }

  public BatchResponse send(String json) {
    return Futures.await(sendAsync(json));
  }

  /**
   * Sends any text, byte for byte, and completes with the reply as it came (null when it was
   * empty), unchecked: for probing servers with malformed input. Request-response transports only;
   * on a connection the future fails with a {@link io.jsonrpc2.client.TransportException}.
   */
  public CompletableFuture<@Nullable String> sendRawAsync(String text) {
    return engine
        .sendVerbatim(text.getBytes(StandardCharsets.UTF_8), options)
        .thenApply(
            reply -> reply.isEmpty() ? null : new String(reply.body(), StandardCharsets.UTF_8));
  }

  // ---- proxies --------------------------------------------------------------------------------

  /**
   * An implementation of {@code api} whose methods call the server: each method is the remote
   * method named by its {@link JsonRpcMethod} annotation or its Java name, prefixed by the
   * interface's {@link JsonRpcNamespace}. Arguments go as positional params, or named with {@link
   * JsonRpcNamedParams}; {@link JsonRpcNotification} methods send notifications. A method returning
   * {@code CompletableFuture<T>} (or {@code CompletionStage<T>}) is async; any other waits and
   * throws the call's {@link JsonRpcClientException}. Default methods run as written; {@code
   * equals}, {@code hashCode} and {@code toString} are the proxy's own. The proxy uses this
   * client's options.
   *
   * @throws IllegalArgumentException if {@code api} is not an interface or has a method that cannot
   *     be called remotely (the message names it)
   */
  public <T> T proxy(Class<T> api) {
    return ProxyInvocationHandler.create(this, Objects.requireNonNull(api, "api"), null);
  }

  /**
   * Like {@link #proxy(Class)}, with {@code namespace} instead of the interface's (empty: none).
   */
  public <T> T proxy(Class<T> api, String namespace) {
    return ProxyInvocationHandler.create(
        this, Objects.requireNonNull(api, "api"), Objects.requireNonNull(namespace, "namespace"));
  }

  // ---- the rest -------------------------------------------------------------------------------

  /**
   * Subscribes to a stream the server publishes, over a connection transport: once a subscriber
   * subscribes, the call {@code method(args)} is made; the server answers with a subscription id,
   * and each item it then sends for that id goes to the subscriber as a {@code resultType}. The
   * publisher completes when the server's does, and fails with an {@link ErrorResponseException}
   * when the server ends it with an error, with a {@link ConnectionLostException} when the
   * connection goes, or with the call's failure. Cancelling the subscription calls the unsubscribe
   * method. Each subscriber gets its own subscription.
   *
   * <p>Items are delivered on the thread that reads the connection, in order, as the subscriber
   * asks for them; at most {@link SubscriptionOptions#bufferSize()} wait for a subscriber that has
   * not asked, past which {@link SubscriptionOptions#overflow()} applies ({@link
   * OverflowPolicy#FAIL} ends the subscription with an error and unsubscribes). A subscriber that
   * blocks holds up reading the connection: hand slow work to another thread. See {@link
   * SubscriptionOptions} for the messages and {@link Builder#subscriptions} for their names.
   */
  public <T> Flow.Publisher<T> subscribe(String method, Class<T> resultType, Object... args) {
    Objects.requireNonNull(method, "method");
    JavaType type = engine.mapper().constructType(resultType);
    Object[] params = args.clone();
    return engine
        .subscriptions()
        .publisher(() -> callAsync(method, JsonNode.class, params), type, this::unsubscribe);
  }

  /** Tells the peer to stop a subscription; the subscriber is done with it whatever the answer. */
  private void unsubscribe(String id) {
    String method = engine.subscriptions().options().unsubscribeMethod();
    callAsync(method, Boolean.class, id)
        .whenComplete(
            (ended, failure) -> {
              if (failure != null) {
                LOG.debug("{} {} failed: {}", method, id, failure.toString());
              }
            });
  }

  /** How many subscriptions of {@link #subscribe} are open now. */
  public int subscriptionCount() {
    return engine.subscriptions().size();
  }

  /** How many calls are waiting for their response now. */
  public int pendingCount() {
    return engine.pendingCount();
  }

  /** The transport's description of its peer. */
  public String endpoint() {
    return engine.endpoint();
  }

  /** The mapper params are written and results read with. */
  public ObjectMapper mapper() {
    return engine.mapper();
  }

  /**
   * Closes the transport; calls still waiting fail with a {@link
   * io.jsonrpc2.client.ConnectionLostException}, later ones with a {@link
   * io.jsonrpc2.client.TransportException}. Closing a view from {@link #withOptions} closes the
   * shared transport too.
   */
  @Override
  public void close() {
    engine.close();
  }

  /** Configures a {@link JsonRpcClient}. Not thread-safe. */
  public static final class Builder {
    private @Nullable ClientTransport transport;
    private ObjectMapper mapper = DefaultMapper.shared();
    private @Nullable IdGenerator idGenerator;
    private @Nullable Duration timeout = Duration.ofSeconds(30);
    private boolean validateResponses = true;
    private JsonLimits limits = JsonLimits.DEFAULTS;
    private @Nullable JsonRpcService service;
    private @Nullable String cancelMethod;
    private SubscriptionOptions subscriptions = SubscriptionOptions.defaults();

    private Builder() {}

    /** The transport; required. The client owns it from now on and closes it. */
    public Builder transport(ClientTransport transport) {
      this.transport = Objects.requireNonNull(transport, "transport");
      return this;
    }

    /**
     * The mapper for params and results; never changed by the client. By default a plain {@code
     * JsonMapper} that every client and connection given none shares: give one of your own to
     * configure, rather than changing what {@link JsonRpcClient#mapper()} returns.
     */
    public Builder mapper(ObjectMapper mapper) {
      this.mapper = Objects.requireNonNull(mapper, "mapper");
      return this;
    }

    /** Where request ids come from; {@link IdGenerators#decimal()} by default. */
    public Builder idGenerator(IdGenerator idGenerator) {
      this.idGenerator = Objects.requireNonNull(idGenerator, "idGenerator");
      return this;
    }

    /**
     * How long a call waits for its response by default (30 s); null waits for ever. Also bounds
     * how long a notification may take to be handed over.
     */
    public Builder timeout(@Nullable Duration timeout) {
      if (timeout != null && (timeout.isZero() || timeout.isNegative())) {
        throw new IllegalArgumentException("timeout must be positive, got " + timeout);
      }
      this.timeout = timeout;
      return this;
    }

    /**
     * Whether replies are checked against the specification (on by default). Off, a reply is taken
     * as far as it can be understood: a missing or wrong {@code jsonrpc} member, both or neither of
     * {@code result} and {@code error} (the error wins; neither is a null result) and a malformed
     * error object no longer fail the call. Replies that are not JSON, and ids that match no call,
     * still do.
     */
    public Builder validateResponses(boolean validate) {
      this.validateResponses = validate;
      return this;
    }

    /** Limits on replies (nesting depth, string length); a reply beyond them fails its calls. */
    public Builder limits(JsonLimits limits) {
      this.limits = Objects.requireNonNull(limits, "limits");
      return this;
    }

    /**
     * The service that answers the calls and notifications the peer sends on a connection transport
     * (netstrings, WebSocket): a server may call its caller back. Its methods see this client as
     * {@link CallContext#peer()}, and run as a server's do (blocking ones off the thread that reads
     * the connection, so they may call the peer and wait). At most 1,024 of the peer's calls run at
     * once; beyond that the connection stops reading until one is answered. The calls still running
     * when the connection drops are cancelled. Without a service, the peer's calls are answered
     * -32601 Method not found. A request-response transport (HTTP, ZeroMQ REQ) carries no calls
     * from the peer.
     */
    public Builder service(JsonRpcService service) {
      this.service = Objects.requireNonNull(service, "service");
      return this;
    }

    /**
     * Tells the peer when this client gives up a call (off by default, so that peers that do not
     * know it see nothing new): over a connection transport, when a caller cancels a call's future
     * or its timeout fires, the client sends the notification {@code method} (such as {@link
     * JsonRpcService#CANCEL_METHOD}, or LSP's {@code $/cancelRequest}) with params {@code {"id":
     * ID}}. A server built with {@link JsonRpcService.Builder#cancellation} of the same name then
     * stops the call's work.
     */
    public Builder cancellation(String method) {
      this.cancelMethod = Objects.requireNonNull(method, "method");
      return this;
    }

    /**
     * How {@link JsonRpcClient#subscribe} speaks to the server: the names of the item notification
     * and of the unsubscribe method, and how many items may wait for a subscriber that has not
     * asked for them (default {@link SubscriptionOptions#defaults()}).
     */
    public Builder subscriptions(SubscriptionOptions options) {
      this.subscriptions = Objects.requireNonNull(options, "options");
      return this;
    }

    /**
     * Builds the client and starts its transport.
     *
     * @throws IllegalStateException if no transport was given
     */
    public JsonRpcClient build() {
      if (transport == null) {
        throw new IllegalStateException("a transport is required");
      }
      ClientEngine engine =
          new ClientEngine(
              transport,
              mapper,
              idGenerator != null ? idGenerator : IdGenerators.decimal(),
              new ResponseReader(mapper, limits, validateResponses),
              timeout,
              service,
              cancelMethod,
              subscriptions);
      JsonRpcClient client = new JsonRpcClient(engine, CallOptions.DEFAULT);
      engine.attach(client);
      return client;
    }
  }
}
