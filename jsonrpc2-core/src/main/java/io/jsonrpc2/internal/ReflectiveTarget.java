package io.jsonrpc2.internal;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.util.TokenBuffer;
import io.jsonrpc2.CallContext;
import io.jsonrpc2.NonBlocking;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.concurrent.CompletionStage;
import org.jspecify.annotations.Nullable;

/** A Java method bound to its object (null for a static method). */
public final class ReflectiveTarget implements Target {
  private final @Nullable Object instance;
  private final Method method;
  private final ParamBinder binder;
  private final boolean async;

  ReflectiveTarget(
      String exportedName, @Nullable Object instance, Method method, ObjectMapper mapper) {
    this.instance = instance;
    this.method = method;
    this.binder = new ParamBinder(exportedName, method, mapper);
    this.async =
        CompletionStage.class.isAssignableFrom(method.getReturnType())
            || method.isAnnotationPresent(NonBlocking.class);
    try {
      method.setAccessible(true);
    } catch (RuntimeException e) {
      // Public methods of public types need no help; others fail at call time with a clear error.
    }
  }

  @Override
  public Invocation prepare(@Nullable TokenBuffer params, CallContext context) {
    Object[] args = binder.bind(params, context);
    return () -> invoke(args);
  }

  /** Calls the method with complete arguments; what it throws is thrown as is. */
  Object invoke(Object[] args) throws Throwable {
    try {
      return method.invoke(instance, args);
    } catch (InvocationTargetException e) {
      throw e.getCause();
    }
  }

  ParamBinder binder() {
    return binder;
  }

  @Override
  public boolean async() {
    return async;
  }

  @Override
  public ReflectiveTarget bound() {
    return this;
  }
}
