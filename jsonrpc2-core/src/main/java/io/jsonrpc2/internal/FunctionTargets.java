package io.jsonrpc2.internal;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.util.TokenBuffer;
import io.jsonrpc2.AsyncMethodHandler;
import io.jsonrpc2.CallContext;
import io.jsonrpc2.MethodHandler;
import org.jspecify.annotations.Nullable;

/** Targets for methods registered as functions. */
public final class FunctionTargets {
  private FunctionTargets() {}

  public static Target blocking(String name, MethodHandler handler, ObjectMapper mapper) {
    return new Target() {
      @Override
      public Invocation prepare(@Nullable TokenBuffer params, CallContext context) {
        TokenParams view = new TokenParams(params, mapper, name);
        return () -> handler.handle(view, context);
      }

      @Override
      public boolean async() {
        return false;
      }
    };
  }

  public static Target async(String name, AsyncMethodHandler handler, ObjectMapper mapper) {
    return new Target() {
      @Override
      public Invocation prepare(@Nullable TokenBuffer params, CallContext context) {
        TokenParams view = new TokenParams(params, mapper, name);
        return () -> handler.handle(view, context);
      }

      @Override
      public boolean async() {
        return true;
      }
    };
  }
}
