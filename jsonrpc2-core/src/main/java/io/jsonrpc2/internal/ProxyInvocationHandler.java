package io.jsonrpc2.internal;

import io.jsonrpc2.JsonRpcClient;
import io.jsonrpc2.JsonRpcNamespace;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.Proxy;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.jspecify.annotations.Nullable;

/**
 * The handler behind {@link JsonRpcClient#proxy}: {@code Object} methods answer for the proxy
 * itself, default methods run as written, and every abstract method is a remote call, parsed once
 * when the proxy is made (so a bad interface fails at once, naming the method).
 */
public final class ProxyInvocationHandler implements InvocationHandler {
  private final JsonRpcClient client;
  private final Class<?> type;
  private final Map<Method, ProxyMethod> methods;
  private final Map<Method, MethodHandle> defaults = new ConcurrentHashMap<>();

  private ProxyInvocationHandler(
      JsonRpcClient client, Class<?> type, Map<Method, ProxyMethod> methods) {
    this.client = client;
    this.type = type;
    this.methods = methods;
  }

  /**
   * A proxy of {@code type} whose calls go through {@code client}.
   *
   * @param namespace the namespace for every remote name, replacing the interfaces' {@link
   *     JsonRpcNamespace}; null to use those annotations, empty for none
   * @throws IllegalArgumentException if {@code type} is not an interface or one of its methods
   *     cannot be called remotely; the message names the method
   */
  public static <T> T create(JsonRpcClient client, Class<T> type, @Nullable String namespace) {
    if (!type.isInterface()) {
      throw new IllegalArgumentException(
          type.getName() + " is not an interface; only interfaces can be proxied");
    }
    Map<Method, ProxyMethod> methods = new HashMap<>();
    Map<String, Method> byName = new HashMap<>();
    for (Method method : type.getMethods()) {
      if (method.isDefault() || Modifier.isStatic(method.getModifiers())) {
        continue;
      }
      String prefix =
          namespace != null ? namespace : annotatedNamespace(method.getDeclaringClass(), type);
      ProxyMethod parsed =
          ProxyMethod.parse(type, method, prefix, client.mapper().getTypeFactory());
      Method previous = byName.put(parsed.remoteName(), method);
      if (previous != null) {
        throw new IllegalArgumentException(
            "'"
                + parsed.remoteName()
                + "' is called by both "
                + previous
                + " and "
                + method
                + "; one name must map to one method");
      }
      methods.put(method, parsed);
    }
    Object proxy =
        Proxy.newProxyInstance(
            type.getClassLoader(),
            new Class<?>[] {type},
            new ProxyInvocationHandler(client, type, methods));
    return type.cast(proxy);
  }

  /**
   * As on the server: the namespace of the interface declaring the method, else the proxied one's.
   */
  private static @Nullable String annotatedNamespace(Class<?> declaring, Class<?> proxied) {
    JsonRpcNamespace annotation = declaring.getAnnotation(JsonRpcNamespace.class);
    if (annotation == null) {
      annotation = proxied.getAnnotation(JsonRpcNamespace.class);
    }
    return annotation == null ? null : annotation.value();
  }

  // InvocationHandler.invokeDefault refuses interfaces this package cannot access (a
  // package-private
  // interface of the caller's); a private lookup in the interface itself reaches them all.
  private static MethodHandle special(Method method) {
    try {
      Class<?> declaring = method.getDeclaringClass();
      return MethodHandles.privateLookupIn(declaring, MethodHandles.lookup())
          .unreflectSpecial(method, declaring);
    } catch (IllegalAccessException e) {
      throw new IllegalStateException(
          "cannot call the default method " + method + ": " + e.getMessage(), e);
    }
  }

  @Override
  public Object invoke(Object proxy, Method method, Object[] args) throws Throwable {
    if (method.getDeclaringClass() == Object.class) {
      return switch (method.getName()) {
        case "equals" -> proxy == args[0];
        case "hashCode" -> System.identityHashCode(proxy);
        case "toString" -> "JsonRpcClient proxy of " + type.getName() + " at " + client.endpoint();
        default -> throw new IllegalStateException("unexpected Object method " + method);
      };
    }
    if (method.isDefault()) {
      return defaults
          .computeIfAbsent(method, ProxyInvocationHandler::special)
          .bindTo(proxy)
          .invokeWithArguments(args == null ? new Object[0] : args);
    }
    ProxyMethod remote = methods.get(method);
    if (remote == null) {
      throw new IllegalStateException("no remote call for " + method);
    }
    return remote.invoke(client, args);
  }
}
