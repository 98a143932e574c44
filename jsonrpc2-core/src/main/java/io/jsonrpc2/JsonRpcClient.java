package io.jsonrpc2;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.jsonrpc2.client.BatchResponse;
import io.jsonrpc2.client.CallOptions;
import io.jsonrpc2.client.ClientTransport;
import io.jsonrpc2.client.ErrorResponseException;
import io.jsonrpc2.client.IdGenerator;
import io.jsonrpc2.client.IdGenerators;
import io.jsonrpc2.client.InvalidResponseException;
import io.jsonrpc2.client.JsonRpcClientException;
import io.jsonrpc2.internal.ClientEngine;
import io.jsonrpc2.internal.Throwables;
import io.jsonrpc2.internal.ResponseReader;
import io.jsonrpc2.message.Message;
import io.jsonrpc2.message.Notification;
import io.jsonrpc2.message.Request;
import io.jsonrpc2.message.Response;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;

/**
 * A JSON-RPC 2.0 client over one {@link ClientTransport}.
 *
 * <pre>{@code
 * JsonRpcClient client = JsonRpcClient.builder().transport(transport).build();
 * int difference = client.call("subtract", Integer.class, 42, 23);
 * CompletableFuture<String> later = client.callAsync("main.echo", String.class, "hi");
 * client.notify("update", 1, 2, 3);
 * }</pre>
 *
 * <p>Positional params are given as trailing arguments; named params as one {@code Map}. (To
 * send a single {@code Map} as a positional param, use {@link #sendAsync(Request)}.)
 *
 * <p><b>Errors.</b> Async methods complete exceptionally, blocking ones throw, with a
 * {@link JsonRpcClientException}: {@link ErrorResponseException} for an error response (with its
 * code, message and data), {@link InvalidResponseException} or
 * {@link io.jsonrpc2.client.ParseResponseException} for a bad reply, and
 * {@link io.jsonrpc2.client.TransportException} (with {@link io.jsonrpc2.client.ConnectionLostException}
 * and {@link io.jsonrpc2.client.CallTimeoutException}) when the reply did not come.
 *
 * <p>Thread-safe; one client serves any number of concurrent callers. Cancelling a returned
 * future forgets the call. {@link #withOptions} makes a view with other per-call options that
 * shares this client's transport and pending calls.
 */
public final class JsonRpcClient implements AutoCloseable {
  private final ClientEngine engine;
  private final CallOptions options;

  private JsonRpcClient(ClientEngine engine, CallOptions options) {
    this.engine = engine;
    this.options = options;
  }

  public static Builder builder() {
    return new Builder();
  }

  /** A client that shares this one's transport, with {@code overrides} merged over its options. */
  public JsonRpcClient withOptions(CallOptions overrides) {
    return new JsonRpcClient(engine, options.mergedWith(overrides));
  }

  /** A client that shares this one's transport and waits at most {@code timeout} per call. */
  public JsonRpcClient withTimeout(Duration timeout) {
    return withOptions(CallOptions.DEFAULT.withTimeout(timeout));
  }

  // ---- calls ----------------------------------------------------------------------------------

  public <T> CompletableFuture<T> callAsync(String method, Class<T> resultType, Object... args) {
    return invoke(Request.of(method, args), engine.mapper().constructType(resultType));
  }

  public <T> CompletableFuture<T> callAsync(String method, TypeReference<T> resultType, Object... args) {
    return invoke(Request.of(method, args), engine.mapper().constructType(resultType));
  }

  public <T> CompletableFuture<T> callAsync(String method, Class<T> resultType, Map<String, ?> namedArgs) {
    return invoke(Request.named(method, namedArgs), engine.mapper().constructType(resultType));
  }

  public <T> CompletableFuture<T> callAsync(
      String method, TypeReference<T> resultType, Map<String, ?> namedArgs) {
    return invoke(Request.named(method, namedArgs), engine.mapper().constructType(resultType));
  }

  /** Calls and waits; throws the call's {@link JsonRpcClientException}. */
  public <T> T call(String method, Class<T> resultType, Object... args) {
    return await(callAsync(method, resultType, args));
  }

  public <T> T call(String method, TypeReference<T> resultType, Object... args) {
    return await(callAsync(method, resultType, args));
  }

  public <T> T call(String method, Class<T> resultType, Map<String, ?> namedArgs) {
    return await(callAsync(method, resultType, namedArgs));
  }

  public <T> T call(String method, TypeReference<T> resultType, Map<String, ?> namedArgs) {
    return await(callAsync(method, resultType, namedArgs));
  }

  /**
   * Calls with a request value and a result type given as a Jackson {@code JavaType}; the lowest
   * level typed call, used by proxies.
   */
  public <T> CompletableFuture<T> invoke(Request request, JavaType resultType) {
    return sendAsync(request).thenApply(response -> resultOf(request, response, resultType));
  }

  // ---- notifications --------------------------------------------------------------------------

  /** Sends a notification; completes when the transport has taken it. No reply is awaited. */
  public CompletableFuture<Void> notifyAsync(String method, Object... args) {
    return sendAsync(List.of(Notification.of(method, args))).thenApply(batch -> null);
  }

  public CompletableFuture<Void> notifyAsync(String method, Map<String, ?> namedArgs) {
    return sendAsync(List.of(Notification.named(method, namedArgs))).thenApply(batch -> null);
  }

  public void notify(String method, Object... args) {
    await(notifyAsync(method, args));
  }

  public void notify(String method, Map<String, ?> namedArgs) {
    await(notifyAsync(method, namedArgs));
  }

  // ---- messages -------------------------------------------------------------------------------

  /**
   * Sends one request and completes with its response, error responses included (they do not
   * fail the future). A request without an id gets the next generated one.
   */
  public CompletableFuture<Response> sendAsync(Request request) {
    return engine.send(List.of(engine.withId(request)), false, options).get(0);
  }

  public Response send(Request request) {
    return await(sendAsync(request));
  }

  /**
   * Sends requests and notifications as one batch and completes with the responses to the
   * requests. A lone notification is sent as itself, not as a batch of one.
   */
  public CompletableFuture<BatchResponse> sendAsync(List<? extends Message> messages) {
    if (messages.isEmpty()) {
      throw new IllegalArgumentException("a batch must not be empty");
    }
    List<Message> prepared = new ArrayList<>(messages.size());
    for (Message message : messages) {
      prepared.add(message instanceof Request request ? engine.withId(request) : message);
    }
    boolean single = prepared.size() == 1 && prepared.get(0) instanceof Notification;
    List<CompletableFuture<Response>> futures = engine.send(prepared, !single, options);
    return CompletableFuture.allOf(futures.toArray(CompletableFuture[]::new))
        .thenApply(done -> new BatchResponse(futures.stream().map(CompletableFuture::join).toList()));
  }

  public BatchResponse send(List<? extends Message> messages) {
    return await(sendAsync(messages));
  }

  /**
   * Sends a message written by the caller, byte for byte, and completes with the raw reply (null
   * when none came). Only for request-response transports; no id matching or validation is done.
   */
  public CompletableFuture<String> sendRawAsync(String json) {
    return engine
        .sendRaw(json.getBytes(StandardCharsets.UTF_8), options)
        .thenApply(
            reply -> reply == null || reply.isEmpty() ? null : new String(reply.body(), StandardCharsets.UTF_8));
  }

  /** The transport's description of its peer. */
  public String endpoint() {
    return engine.endpoint();
  }

  /** Closes the transport; calls still waiting fail with a connection-lost error. */
  @Override
  public void close() {
    engine.close();
  }

  private <T> T resultOf(Request request, Response response, JavaType type) {
    if (response.isError()) {
      throw new ErrorResponseException(response.error());
    }
    JsonNode result = response.result();
    if (type.getRawClass() == JsonNode.class) {
      @SuppressWarnings("unchecked")
      T node = (T) result;
      return node;
    }
    try {
      return engine.mapper().readerFor(type).readValue(result);
    } catch (java.io.IOException | IllegalArgumentException e) {
      throw new InvalidResponseException(
          "the result of '" + request.method() + "' is not a " + type.getTypeName() + ": "
              + Throwables.reason(e));
    }
  }

  /** Waits for a future and rethrows its failure as it is, unwrapped. */
  static <T> T await(CompletableFuture<T> future) {
    try {
      return future.get();
    } catch (InterruptedException e) {
      future.cancel(true);
      Thread.currentThread().interrupt();
      throw new JsonRpcClientException("interrupted while waiting for the response", e);
    } catch (ExecutionException e) {
      Throwable cause = Throwables.unwrap(e);
      if (cause instanceof RuntimeException runtime) {
        throw runtime;
      }
      if (cause instanceof Error error) {
        throw error;
      }
      throw new JsonRpcClientException(cause.toString(), cause);
    }
  }

  /** Configures a {@link JsonRpcClient}. */
  public static final class Builder {
    private ClientTransport transport;
    private ObjectMapper mapper = JsonMapper.builder().build();
    private IdGenerator idGenerator;
    private Duration timeout = Duration.ofSeconds(30);
    private boolean validateResponses = true;
    private JsonLimits limits = JsonLimits.DEFAULTS;

    private Builder() {}

    /** The transport; required. The client owns it from now on and closes it. */
    public Builder transport(ClientTransport transport) {
      this.transport = Objects.requireNonNull(transport, "transport");
      return this;
    }

    /** The mapper for params and results; never changed by the client. */
    public Builder mapper(ObjectMapper mapper) {
      this.mapper = Objects.requireNonNull(mapper, "mapper");
      return this;
    }

    /** Where request ids come from; a decimal counter by default. */
    public Builder idGenerator(IdGenerator idGenerator) {
      this.idGenerator = Objects.requireNonNull(idGenerator, "idGenerator");
      return this;
    }

    /** How long a call waits for its response by default (30 s); null waits for ever. */
    public Builder timeout(Duration timeout) {
      if (timeout != null && (timeout.isZero() || timeout.isNegative())) {
        throw new IllegalArgumentException("timeout must be positive, got " + timeout);
      }
      this.timeout = timeout;
      return this;
    }

    /**
     * Whether replies are checked against the specification (on by default). Off, a reply is
     * taken as far as it can be understood: a missing {@code jsonrpc} member or a malformed error
     * object no longer fails the call.
     */
    public Builder validateResponses(boolean validate) {
      this.validateResponses = validate;
      return this;
    }

    public Builder limits(JsonLimits limits) {
      this.limits = Objects.requireNonNull(limits, "limits");
      return this;
    }

    /** Builds the client and starts its transport. */
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
              timeout);
      return new JsonRpcClient(engine, CallOptions.DEFAULT);
    }
  }
}
