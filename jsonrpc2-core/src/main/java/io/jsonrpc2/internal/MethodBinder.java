package io.jsonrpc2.internal;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.jsonrpc2.JsonRpcMethod;
import io.jsonrpc2.JsonRpcNamespace;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Finds the exported methods of a handler object and binds each once.
 *
 * <p>A public method is exported when it, or the method it overrides or implements in any
 * supertype, carries {@link JsonRpcMethod}; so an annotated interface can be implemented by an
 * unannotated class. One exported name maps to one Java method: overloads are rejected.
 *
 * <p>Without an explicit namespace, a method takes the {@link JsonRpcNamespace} of the type whose
 * annotation it carries (say, a shared interface), or else of the handler's class.
 */
public final class MethodBinder {
  private MethodBinder() {}

  /**
   * The exported methods of {@code handler}, by full name (namespace + "." + name).
   *
   * @param namespace the namespace, replacing any {@link JsonRpcNamespace}; null for the
   *     annotations' own, empty for none
   */
  public static Map<String, Target> bindHandler(
      @Nullable String namespace, Object handler, ObjectMapper mapper) {
    Map<String, Target> targets = new LinkedHashMap<>();
    Map<String, Method> chosen = new LinkedHashMap<>();
    for (Method method : handler.getClass().getMethods()) {
      if (method.isBridge() || method.isSynthetic() || Modifier.isStatic(method.getModifiers())) {
        continue;
      }
      Annotated found = findAnnotation(method);
      if (found == null) {
        continue;
      }
      JsonRpcMethod annotation = found.annotation();
      String prefix =
          namespace != null ? namespace : annotatedNamespace(found.namespace(), handler.getClass());
      String name =
          qualify(prefix, annotation.value().isEmpty() ? method.getName() : annotation.value());
      Method previous = chosen.put(name, method);
      if (previous != null) {
        throw new IllegalArgumentException(
            "'"
                + name
                + "' is exported by both "
                + previous
                + " and "
                + method
                + "; one name must map to one method");
      }
      targets.put(name, new ReflectiveTarget(name, handler, method, mapper));
    }
    if (targets.isEmpty()) {
      throw new IllegalArgumentException(
          handler.getClass().getName() + " has no public method annotated with @JsonRpcMethod");
    }
    return targets;
  }

  /**
   * Binds the one public method called {@code methodName} of {@code type}: a static method, or an
   * instance method of a new instance made with the public no-argument constructor.
   */
  public static Target bindMethod(
      String exportedName, Class<?> type, String methodName, ObjectMapper mapper)
      throws ReflectiveOperationException {
    Method found = null;
    for (Method method : type.getMethods()) {
      if (method.getName().equals(methodName) && method.getDeclaringClass() != Object.class) {
        if (found != null) {
          throw new IllegalArgumentException(
              type.getName() + " has more than one public method named '" + methodName + "'");
        }
        found = method;
      }
    }
    if (found == null) {
      throw new NoSuchMethodException(
          type.getName() + " has no public method named '" + methodName + "'");
    }
    Object instance =
        Modifier.isStatic(found.getModifiers()) ? null : type.getConstructor().newInstance();
    return new ReflectiveTarget(exportedName, instance, found, mapper);
  }

  /**
   * Binds every public method that {@code type} itself declares, annotated or not: static ones as
   * they are, instance ones on one instance made with the public no-argument constructor. Methods
   * inherited from supertypes (such as {@code toString}) are never included.
   */
  public static Map<String, Target> bindDeclared(
      @Nullable String namespace, Class<?> type, ObjectMapper mapper)
      throws ReflectiveOperationException {
    Map<String, Target> targets = new LinkedHashMap<>();
    Object instance = null;
    for (Method method : type.getDeclaredMethods()) {
      int modifiers = method.getModifiers();
      if (!Modifier.isPublic(modifiers)
          || method.isBridge()
          || method.isSynthetic()
          || overridesObject(method)) {
        continue;
      }
      JsonRpcMethod annotation = method.getAnnotation(JsonRpcMethod.class);
      String name =
          qualify(
              namespace,
              annotation == null || annotation.value().isEmpty()
                  ? method.getName()
                  : annotation.value());
      if (targets.containsKey(name)) {
        throw new IllegalArgumentException(
            type.getName()
                + " declares more than one public method named '"
                + method.getName()
                + "'; one name must map to one method");
      }
      if (!Modifier.isStatic(modifiers) && instance == null) {
        instance = type.getConstructor().newInstance();
      }
      targets.put(
          name,
          new ReflectiveTarget(
              name, Modifier.isStatic(modifiers) ? null : instance, method, mapper));
    }
    if (targets.isEmpty()) {
      throw new IllegalArgumentException(type.getName() + " declares no public method");
    }
    return targets;
  }

  private static boolean overridesObject(Method method) {
    try {
      Object.class.getMethod(method.getName(), method.getParameterTypes());
      return true;
    } catch (NoSuchMethodException e) {
      return false;
    }
  }

  public static String qualify(@Nullable String namespace, String name) {
    return namespace == null || namespace.isEmpty() ? name : namespace + "." + name;
  }

  /** A method's {@link JsonRpcMethod} and the namespace annotation that applies, if any. */
  private record Annotated(JsonRpcMethod annotation, @Nullable JsonRpcNamespace namespace) {}

  private static @Nullable String annotatedNamespace(
      @Nullable JsonRpcNamespace declared, Class<?> handlerClass) {
    JsonRpcNamespace namespace =
        declared != null ? declared : handlerClass.getAnnotation(JsonRpcNamespace.class);
    return namespace == null ? null : namespace.value();
  }

  /**
   * Looks through the method and every supertype declaring it, nearest first, for its {@link
   * JsonRpcMethod} and for the first of those types that has a {@link JsonRpcNamespace}.
   */
  private static @Nullable Annotated findAnnotation(Method method) {
    Deque<Class<?>> types = new ArrayDeque<>();
    types.add(method.getDeclaringClass());
    Class<?> start = method.getDeclaringClass();
    JsonRpcMethod annotation = null;
    JsonRpcNamespace namespace = null;
    while (!types.isEmpty()) {
      Class<?> type = types.poll();
      try {
        Method candidate =
            type == start
                ? method
                : type.getDeclaredMethod(method.getName(), method.getParameterTypes());
        if (annotation == null) {
          annotation = candidate.getAnnotation(JsonRpcMethod.class);
        }
        if (namespace == null) {
          namespace = type.getDeclaredAnnotation(JsonRpcNamespace.class);
        }
      } catch (NoSuchMethodException e) {
        // not declared on this supertype; keep looking above it
      }
      if (type.getSuperclass() != null) {
        types.add(type.getSuperclass());
      }
      types.addAll(java.util.List.of(type.getInterfaces()));
    }
    return annotation == null ? null : new Annotated(annotation, namespace);
  }
}
