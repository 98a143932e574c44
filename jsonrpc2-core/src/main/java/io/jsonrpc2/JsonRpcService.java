package io.jsonrpc2;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.type.LogicalType;
import io.jsonrpc2.internal.Cancellation;
import io.jsonrpc2.internal.DefaultExecutors;
import io.jsonrpc2.internal.Dispatcher;
import io.jsonrpc2.internal.ErrorMapping;
import io.jsonrpc2.internal.FunctionTargets;
import io.jsonrpc2.internal.LazyTarget;
import io.jsonrpc2.internal.MethodBinder;
import io.jsonrpc2.internal.MethodTable;
import io.jsonrpc2.internal.RequestDecoder;
import io.jsonrpc2.internal.ResponseEncoder;
import io.jsonrpc2.internal.Target;
import io.jsonrpc2.internal.Unsubscribe;
import io.jsonrpc2.message.ErrorObject;
import io.jsonrpc2.server.TransportContext;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * A JSON-RPC 2.0 server engine with no transport: bytes of a request in, bytes of the reply out.
 *
 * <pre>{@code
 * JsonRpcService service = JsonRpcService.builder()
 *     .handler("main", new Example())            // its @JsonRpcMethod methods as main.*
 *     .method("greeting", (params, ctx) -> "Hello, " + params.get("name", String.class))
 *     .timeout(Duration.ofSeconds(2))
 *     .build();
 * String reply = service.handle("{\"jsonrpc\":\"2.0\",\"method\":\"main.echo\",\"params\":[\"hi\"],\"id\":1}").join();
 * }</pre>
 *
 * <p><b>Threading.</b> All methods are thread-safe. {@code handle} parses on the calling thread. A
 * blocking (plain) method runs on that thread too when the {@link TransportContext} says it may
 * block ({@link TransportContext#callerMayBlock()}, as {@link TransportContext#NONE} does), and on
 * the executor otherwise, so that an I/O thread is never held. What one thread hands to the
 * executor in a burst (a batch, the requests of one event-loop turn on a connection) runs in one
 * executor task, one call after the other, until a call blocks for more than a couple of
 * milliseconds; then the calls waiting behind it get an executor task each. Methods that return a
 * {@code CompletionStage}, and {@code @NonBlocking} ones, are called on the calling thread and must
 * not block. The returned future completes on whichever thread finished the last method of the
 * message.
 *
 * <p><b>Replies.</b> The future completes with the reply, or with {@code null} when none is due (a
 * notification, or a batch of notifications only). It never completes exceptionally: every failure
 * becomes a JSON-RPC error object.
 *
 * <p><b>Lifecycle.</b> {@link #stopServing} answers new requests with an error while calls in
 * flight finish; {@link #startServing} resumes; {@link #cancelPending} ends the calls in flight.
 */
public final class JsonRpcService {
  /**
   * The default name of the notification that cancels a call: {@code {"jsonrpc": "2.0", "method":
   * "rpc.cancel", "params": {"id": <the call's id>}}}. See {@link Builder#cancellation}.
   */
  public static final String CANCEL_METHOD = "rpc.cancel";

  private final MethodTable methods;
  private final Dispatcher dispatcher;
  private final ObjectMapper mapper;
  private final ClassLoader classLoader;
  private volatile @Nullable String cancelMethod;

  private JsonRpcService(Builder builder) {
    this.mapper = strictCopy(builder.mapper);
    this.classLoader = builder.classLoader;
    this.methods = new MethodTable();
    this.dispatcher =
        new Dispatcher(
            methods,
            new RequestDecoder(mapper, builder.limits),
            new ResponseEncoder(mapper),
            builder.executor != null ? builder.executor : DefaultExecutors.forBlockingMethods(),
            builder.timeout == null ? 0 : builder.timeout.toNanos(),
            builder.blockedThreadWarning.toNanos(),
            new ErrorMapping(builder.errorTable, builder.exposeExceptionDetails));
    builder.registrations.forEach(registration -> registration.accept(this));
  }

  public static Builder builder() {
    return new Builder();
  }

  // ---- handling -------------------------------------------------------------------------------

  /** Handles one message (a request, a notification or a batch) given as UTF-8 bytes. */
  public CompletableFuture<byte[]> handle(byte[] message) {
    return handle(message, TransportContext.NONE, Map.of());
  }

  /** Handles one message from a transport; methods see {@code transport} in their context. */
  public CompletableFuture<byte[]> handle(byte[] message, TransportContext transport) {
    return handle(message, transport, Map.of());
  }

  /**
   * Handles one message with extra values for the methods: they see them in {@link
   * CallContext#values()}, and a parameter that the request leaves out is filled from the value of
   * the same name.
   */
  public CompletableFuture<byte[]> handle(
      byte[] message, TransportContext transport, Map<String, ?> values) {
    return handle(message, 0, message.length, transport, values);
  }

  /** Handles the message in {@code message[offset..offset+length)}. */
  public CompletableFuture<byte[]> handle(
      byte[] message, int offset, int length, TransportContext transport, Map<String, ?> values) {
    Objects.requireNonNull(transport, "transport");
    @SuppressWarnings("unchecked")
    Map<String, Object> extra = (Map<String, Object>) Map.copyOf(values);
    return dispatcher.handle(message, offset, length, transport, extra);
  }

  /** Handles a message given as a string; the reply is a string, or null when none is due. */
  public CompletableFuture<String> handle(String message) {
    return handle(message.getBytes(StandardCharsets.UTF_8))
        .thenApply(reply -> reply == null ? null : new String(reply, StandardCharsets.UTF_8));
  }

  // ---- registration after build ---------------------------------------------------------------

  /** Exports the annotated methods of {@code handler}, under {@code namespace} if not null. */
  public void addHandler(@Nullable String namespace, Object handler) {
    methods.addAll(
        MethodBinder.bindHandler(namespace, Objects.requireNonNull(handler, "handler"), mapper));
  }

  /**
   * Exports every public method that {@code type} itself declares, annotated or not, under {@code
   * namespace} if not null: static methods as they are, instance methods on one instance made with
   * the public no-argument constructor. Inherited methods and overrides of {@code Object}'s ({@code
   * toString}, {@code getClass}, ...) are never exported.
   *
   * @throws IllegalArgumentException if the class declares no public method, overloads a name, or
   *     has instance methods but no public no-argument constructor
   */
  public void addPublicMethods(@Nullable String namespace, Class<?> type) {
    try {
      methods.addAll(MethodBinder.bindDeclared(namespace, type, mapper));
    } catch (ReflectiveOperationException e) {
      throw new IllegalArgumentException(
          type.getName() + " has instance methods, so it needs a public no-argument constructor",
          e);
    }
  }

  private void addSubscriptions(SubscriptionOptions options) {
    methods.addExtension(
        options.unsubscribeMethod(), Unsubscribe.target(options.unsubscribeMethod(), mapper));
    dispatcher.enableSubscriptions(options, mapper);
  }

  private void addCancellation(String name) {
    methods.addExtension(name, Cancellation.target(name, dispatcher, mapper));
    cancelMethod = name;
  }

  /** The name of the notification that cancels a call, if {@link Builder#cancellation} set one. */
  public Optional<String> cancellationMethod() {
    return Optional.ofNullable(cancelMethod);
  }

  /** Registers a function that may block; it runs on the executor. */
  public void addMethod(String name, MethodHandler handler) {
    Objects.requireNonNull(handler, "handler");
    methods.addAll(Map.of(name, FunctionTargets.blocking(name, handler, mapper)));
  }

  /** Registers a function that answers with a stage; it is called on the caller's thread. */
  public void addAsyncMethod(String name, AsyncMethodHandler handler) {
    Objects.requireNonNull(handler, "handler");
    methods.addAll(Map.of(name, FunctionTargets.async(name, handler, mapper)));
  }

  /**
   * Registers {@code "fully.qualified.Class#method"} under {@code name}; the class is loaded on the
   * first call. A static method is called as is; an instance method on one instance made with the
   * class's public no-argument constructor.
   */
  public void addLazyMethod(String name, String reference) {
    methods.addAll(Map.of(name, (Target) new LazyTarget(name, reference, classLoader, mapper)));
  }

  /** Unregisters a method; true if there was one. */
  public boolean removeMethod(String name) {
    return methods.remove(name);
  }

  /** The names of all registered methods, sorted. */
  public Set<String> methodNames() {
    return methods.names();
  }

  // ---- lifecycle ------------------------------------------------------------------------------

  /** Answers every new request with -32097 Service unavailable; calls in flight finish normally. */
  public void stopServing() {
    stopServing(ErrorObject.SERVICE_UNAVAILABLE);
  }

  /** Answers every new request with {@code error}; calls in flight finish normally. */
  public void stopServing(ErrorObject error) {
    dispatcher.stopServing(Objects.requireNonNull(error, "error"));
  }

  /**
   * Answers every new request with the error of a {@link JsonRpcException} subclass, made once with
   * its no-argument constructor (txjason's {@code stopServing(CustomError)}).
   *
   * @throws IllegalArgumentException if the class has no accessible no-argument constructor
   */
  public void stopServing(Class<? extends JsonRpcException> errorType) {
    try {
      var constructor = errorType.getDeclaredConstructor();
      constructor.setAccessible(true);
      stopServing(constructor.newInstance().error());
    } catch (ReflectiveOperationException | RuntimeException e) {
      throw new IllegalArgumentException(
          errorType.getName() + " needs a no-argument constructor to be served by stopServing", e);
    }
  }

  /** Serves requests again after {@link #stopServing}. */
  public void startServing() {
    dispatcher.startServing();
  }

  public boolean isServing() {
    return dispatcher.isServing();
  }

  /**
   * Cancels every call in flight: each caller gets -32096 Request cancelled at once (nothing for
   * notifications), blocking methods are interrupted and async ones have their future cancelled.
   *
   * @return how many calls were cancelled
   */
  public int cancelPending() {
    return dispatcher.cancelPending(ErrorObject.CANCELLED);
  }

  /**
   * Cancels the requests in flight that came with {@code transport}, the context a transport made
   * for one connection (compared by identity), as {@link #cancelPending()} does for all: their
   * callers get -32096 Request cancelled, blocking methods are interrupted and async ones have
   * their future cancelled. A transport calls it when that connection is gone, as nobody is left to
   * read the answers. Notifications go on: their work is what the caller asked for. Methods marked
   * {@link NonBlocking} that are still running on the transport's thread are not reached.
   *
   * @return how many calls were cancelled
   */
  public int cancelPending(TransportContext transport) {
    return dispatcher.cancelPending(
        Objects.requireNonNull(transport, "transport"), ErrorObject.CANCELLED);
  }

  /** The number of method calls running now. */
  public int inFlightCount() {
    return dispatcher.inFlightCount();
  }

  /** The mapper params are bound with: a copy of the configured one, with strict coercion. */
  public ObjectMapper mapper() {
    return mapper;
  }

  // Params are bound strictly: "42" is not an int, 1.5 is not an int and 7 is not a String, so a
  // caller who sends the wrong type hears about it as -32602 instead of getting a guess.
  private static ObjectMapper strictCopy(ObjectMapper configured) {
    ObjectMapper copy = configured.copy();
    copy.enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES);
    copy.disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT);
    for (LogicalType type : List.of(LogicalType.Integer, LogicalType.Float, LogicalType.Boolean)) {
      copy.coercionConfigFor(type).setCoercion(CoercionInputShape.String, CoercionAction.Fail);
    }
    copy.coercionConfigFor(LogicalType.Boolean)
        .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail);
    copy.coercionConfigFor(LogicalType.Textual)
        .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
        .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
        .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail);
    return copy;
  }

  /** Configures a {@link JsonRpcService}. Not thread-safe; {@link #build()} may be called again. */
  public static final class Builder {
    private final List<Consumer<JsonRpcService>> registrations = new ArrayList<>();
    private final Map<Class<? extends Throwable>, Function<Throwable, ErrorObject>> errorTable =
        new LinkedHashMap<>();
    private ObjectMapper mapper = JsonMapper.builder().build();
    private JsonLimits limits = JsonLimits.DEFAULTS;
    private @Nullable Executor executor;
    private @Nullable Duration timeout;
    private Duration blockedThreadWarning = Duration.ofSeconds(1);
    private boolean exposeExceptionDetails;
    private ClassLoader classLoader = JsonRpcService.class.getClassLoader();

    private Builder() {}

    /** Exports the annotated methods of {@code handler} under their own names. */
    public Builder handler(Object handler) {
      return handler(null, handler);
    }

    /** Exports the annotated methods of {@code handler} as {@code namespace.name}. */
    public Builder handler(@Nullable String namespace, Object handler) {
      Objects.requireNonNull(handler, "handler");
      registrations.add(service -> service.addHandler(namespace, handler));
      return this;
    }

    /**
     * Every public method {@code type} declares, annotated or not (see {@link #addPublicMethods}).
     */
    public Builder publicMethods(@Nullable String namespace, Class<?> type) {
      Objects.requireNonNull(type, "type");
      registrations.add(service -> service.addPublicMethods(namespace, type));
      return this;
    }

    /** A function that may block, under {@code name}. */
    public Builder method(String name, MethodHandler handler) {
      Objects.requireNonNull(handler, "handler");
      registrations.add(service -> service.addMethod(name, handler));
      return this;
    }

    /** A function that answers with a stage and must not block, under {@code name}. */
    public Builder asyncMethod(String name, AsyncMethodHandler handler) {
      Objects.requireNonNull(handler, "handler");
      registrations.add(service -> service.addAsyncMethod(name, handler));
      return this;
    }

    /** {@code "fully.qualified.Class#method"}, loaded on the first call. */
    public Builder lazyMethod(String name, String reference) {
      Objects.requireNonNull(reference, "reference");
      registrations.add(service -> service.addLazyMethod(name, reference));
      return this;
    }

    /**
     * Answers an exception of {@code type} (or a subclass) with {@code code} and the exception's
     * message. The most specific registered type wins.
     */
    public Builder errorCode(Class<? extends Throwable> type, int code) {
      return errorMapping(type, t -> ErrorObject.of(code, ErrorMapping.messageOf(t)));
    }

    /**
     * Answers an exception of {@code type} (or a subclass) with the error {@code mapping} makes.
     */
    public <T extends Throwable> Builder errorMapping(
        Class<T> type, Function<? super T, ErrorObject> mapping) {
      Objects.requireNonNull(mapping, "mapping");
      errorTable.put(type, t -> mapping.apply(type.cast(t)));
      return this;
    }

    /**
     * Puts the exception class and message into the {@code data} of -32603 Internal error replies.
     * Off by default: such details help an attacker more than a user.
     */
    public Builder exposeExceptionDetails(boolean expose) {
      this.exposeExceptionDetails = expose;
      return this;
    }

    /**
     * How long a method called on a thread that must not block (an I/O thread: methods returning a
     * {@code CompletionStage}, {@code @NonBlocking} ones) may hold it before a WARN naming the
     * method and showing the thread's stack is logged on {@code io.jsonrpc2.server}. Default 1 s;
     * {@link Duration#ZERO} turns the warning off. The call itself goes on: the warning only says
     * which method holds up every other call of that thread.
     */
    public Builder blockedThreadWarning(Duration threshold) {
      Objects.requireNonNull(threshold, "threshold");
      if (threshold.isNegative()) {
        throw new IllegalArgumentException("threshold must not be negative, got " + threshold);
      }
      this.blockedThreadWarning = threshold;
      return this;
    }

    /** Ends calls that take longer with -32098 Timeout error and cancels their work. */
    public Builder timeout(@Nullable Duration timeout) {
      if (timeout != null && (timeout.isNegative() || timeout.isZero())) {
        throw new IllegalArgumentException("timeout must be positive, got " + timeout);
      }
      this.timeout = timeout;
      return this;
    }

    /**
     * Where blocking methods run. Default: virtual threads on Java 21+, a pool of daemon threads
     * otherwise. {@code Runnable::run} runs them on the caller's thread, for code that never
     * blocks.
     */
    public Builder executor(Executor executor) {
      this.executor = Objects.requireNonNull(executor, "executor");
      return this;
    }

    /** The mapper for params and results; it is copied, never changed. */
    public Builder mapper(ObjectMapper mapper) {
      this.mapper = Objects.requireNonNull(mapper, "mapper");
      return this;
    }

    public Builder limits(JsonLimits limits) {
      this.limits = Objects.requireNonNull(limits, "limits");
      return this;
    }

    /**
     * Lets the peer cancel its own calls (off by default): the notification {@code method} (such as
     * {@link #CANCEL_METHOD}, or LSP's {@code $/cancelRequest}) with params {@code {"id": ID}}
     * cancels the request with that id that came on the same connection, if it is still running: a
     * blocking method is interrupted, an async one has its future cancelled, and the request is
     * answered -32096 Request cancelled. The notification is handled as soon as it is read, unless
     * the connection is holding messages back at its in-flight cap. A client or connection built
     * with the same name sends it when a caller cancels a call or its timeout fires.
     */
    public Builder cancellation(String method) {
      Objects.requireNonNull(method, "method");
      registrations.add(service -> service.addCancellation(method));
      return this;
    }

    /**
     * Lets methods publish streams of items to their caller (off by default): a method that returns
     * a {@link java.util.concurrent.Flow.Publisher} answers with a subscription id, and its items
     * follow as notifications on the same connection until it completes, fails, is unsubscribed, or
     * the connection closes (which cancels it). Each subscription asks its publisher for everything
     * and holds at most {@link SubscriptionOptions#bufferSize()} items while the connection cannot
     * take more, applying {@link SubscriptionOptions#overflow()} past that. The unsubscribe method
     * is registered under its name. Over a transport without connections (HTTP, ZeroMQ REQ/REP)
     * such a method answers -32601. See {@link SubscriptionOptions} for the messages, and {@link
     * JsonRpcClient#subscribe} for the side that subscribes.
     */
    public Builder subscriptions(SubscriptionOptions options) {
      Objects.requireNonNull(options, "options");
      registrations.add(service -> service.addSubscriptions(options));
      return this;
    }

    /** Where lazy methods' classes are loaded from. */
    public Builder classLoader(ClassLoader classLoader) {
      this.classLoader = Objects.requireNonNull(classLoader, "classLoader");
      return this;
    }

    /**
     * Builds the service and registers everything given.
     *
     * @throws IllegalArgumentException on a duplicate or reserved name, or a handler that cannot be
     *     exported; the message names the culprit
     */
    public JsonRpcService build() {
      return new JsonRpcService(this);
    }
  }
}
