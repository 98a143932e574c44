package io.jsonrpc2.internal;

import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.type.TypeFactory;
import io.jsonrpc2.CallContext;
import io.jsonrpc2.JsonRpcClient;
import io.jsonrpc2.JsonRpcMethod;
import io.jsonrpc2.JsonRpcNamedParams;
import io.jsonrpc2.JsonRpcNotification;
import io.jsonrpc2.JsonRpcParam;
import io.jsonrpc2.message.Notification;
import io.jsonrpc2.message.Request;
import java.lang.reflect.Method;
import java.lang.reflect.Parameter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import org.jspecify.annotations.Nullable;

/**
 * One interface method of a client proxy, worked out once: its remote name, how its arguments
 * become params, whether it is a notification, what it returns and whether it waits.
 */
final class ProxyMethod {
  private static final JavaType JSON_NODE =
      TypeFactory.defaultInstance().constructType(JsonNode.class);

  /** How one Java parameter becomes part of the params; null name for positional params. */
  private record Slot(@Nullable String name, boolean optional, boolean skipped) {}

  private final String remoteName;
  private final boolean named;
  private final Slot[] slots;
  private final boolean notification;
  private final boolean async;
  private final JavaType resultType;
  private final boolean ignoreResult;

  private ProxyMethod(
      String remoteName,
      boolean named,
      Slot[] slots,
      boolean notification,
      boolean async,
      JavaType resultType) {
    this.remoteName = remoteName;
    this.named = named;
    this.slots = slots;
    this.notification = notification;
    this.async = async;
    this.resultType = resultType;
    Class<?> raw = resultType.getRawClass();
    this.ignoreResult = raw == void.class || raw == Void.class;
  }

  /**
   * @param owner the proxied interface, whose type arguments resolve inherited generic methods
   * @param namespace the namespace for the remote name; null or empty for none
   * @throws IllegalArgumentException naming the method when it cannot be proxied
   */
  static ProxyMethod parse(
      Class<?> owner, Method method, @Nullable String namespace, TypeFactory types) {
    JsonRpcMethod annotation = method.getAnnotation(JsonRpcMethod.class);
    String name =
        annotation != null && !annotation.value().isEmpty() ? annotation.value() : method.getName();
    boolean named =
        method.isAnnotationPresent(JsonRpcNamedParams.class)
            || method.getDeclaringClass().isAnnotationPresent(JsonRpcNamedParams.class)
            || owner.isAnnotationPresent(JsonRpcNamedParams.class);
    JavaType declared =
        types.resolveMemberType(
            method.getGenericReturnType(),
            types.constructType(owner).findSuperType(method.getDeclaringClass()).getBindings());
    boolean async = declared.isTypeOrSubTypeOf(CompletionStage.class);
    if (!async && declared.isTypeOrSubTypeOf(java.util.concurrent.Future.class)) {
      throw error(
          method,
          "an async method must return CompletableFuture or CompletionStage, not "
              + declared.toCanonical());
    }
    if (async && !declared.getRawClass().isAssignableFrom(CompletableFuture.class)) {
      throw error(
          method,
          "an async method must return CompletableFuture or CompletionStage, not "
              + declared.toCanonical());
    }
    JavaType result = async ? declared.containedTypeOrUnknown(0) : declared;
    boolean notification = method.isAnnotationPresent(JsonRpcNotification.class);
    if (notification && result.getRawClass() != void.class && result.getRawClass() != Void.class) {
      throw error(
          method,
          "a @JsonRpcNotification method returns void or CompletableFuture<Void>, not "
              + declared.toCanonical());
    }
    Parameter[] parameters = method.getParameters();
    Slot[] slots = new Slot[parameters.length];
    for (int i = 0; i < parameters.length; i++) {
      slots[i] = slot(method, parameters[i], named);
    }
    return new ProxyMethod(
        MethodBinder.qualify(namespace, name), named, slots, notification, async, result);
  }

  private static Slot slot(Method method, Parameter parameter, boolean named) {
    if (parameter.getType() == CallContext.class) {
      // Filled in by the server, never sent: lets the server's implementation share the interface.
      return new Slot(null, true, true);
    }
    JsonRpcParam annotation = parameter.getAnnotation(JsonRpcParam.class);
    boolean optional =
        parameter.getType() == Optional.class || (annotation != null && annotation.optional());
    if (!named) {
      return new Slot(null, optional, false);
    }
    if (annotation != null && !annotation.value().isEmpty()) {
      return new Slot(annotation.value(), optional, false);
    }
    if (!parameter.isNamePresent()) {
      throw error(
          method,
          "named params need parameter names: compile with -parameters or add @JsonRpcParam(\"name\")");
    }
    return new Slot(parameter.getName(), optional, false);
  }

  String remoteName() {
    return remoteName;
  }

  /** Calls the remote method through {@code client}; returns the future or waits for it. */
  Object invoke(JsonRpcClient client, Object[] args) {
    Object params = params(args == null ? new Object[0] : args);
    CompletableFuture<?> future;
    if (notification) {
      future = client.sendAsync(new Notification(remoteName, params));
    } else {
      Request request = new Request(null, remoteName, params);
      if (ignoreResult) {
        CompletableFuture<Object> call = client.invoke(request, JSON_NODE);
        future = Futures.cancelling(call.thenApply(ignored -> null), List.of(call));
      } else {
        future = client.invoke(request, resultType);
      }
    }
    return async ? future : Futures.await(future);
  }

  /** The params member: an object or an array, or null (left out) when the method sends none. */
  private @Nullable Object params(Object[] args) {
    if (Arrays.stream(slots).allMatch(Slot::skipped)) {
      return null;
    }
    if (named) {
      Map<String, Object> params = new LinkedHashMap<>();
      for (int i = 0; i < slots.length; i++) {
        Object value = unwrap(args[i]);
        if (!slots[i].skipped && !(value == null && slots[i].optional)) {
          params.put(slots[i].name, value);
        }
      }
      return params;
    }
    List<Object> params = new ArrayList<>(args.length);
    for (int i = 0; i < slots.length; i++) {
      if (!slots[i].skipped) {
        params.add(unwrap(args[i]));
      }
    }
    return params;
  }

  private static @Nullable Object unwrap(Object arg) {
    return arg instanceof Optional<?> optional ? optional.orElse(null) : arg;
  }

  private static IllegalArgumentException error(Method method, String problem) {
    return new IllegalArgumentException(
        problem
            + "\n    for method "
            + method.getDeclaringClass().getSimpleName()
            + "."
            + method.getName());
  }

  @Override
  public String toString() {
    return remoteName
        + (named ? " (named params)" : "")
        + (notification ? " (notification)" : "")
        + " -> "
        + (async ? "future of " : "")
        + resultType
        + " "
        + Arrays.toString(slots);
  }
}
