package io.jsonrpc2.internal;

import com.fasterxml.jackson.databind.util.TokenBuffer;
import io.jsonrpc2.CallContext;
import org.jspecify.annotations.Nullable;

/** A registered method, however it was registered: bound Java method, function or lazy entry. */
public interface Target {
  /**
   * Binds the params for one call.
   *
   * @param params the params tokens, or null when absent
   * @throws io.jsonrpc2.JsonRpcException -32602 when the params do not fit
   */
  Invocation prepare(@Nullable TokenBuffer params, CallContext context);

  /**
   * True when the method answers with a stage and must be called on the caller's thread; false when
   * it may block and runs on the service's executor.
   */
  boolean async();

  /**
   * The bound Java method behind this target, whose binder can read params while the request is
   * decoded (see {@link ParamBinder#isDirect()} and {@link ParamBinder#readsPlainly()}); null when
   * there is none yet, and params are buffered.
   */
  default @Nullable ReflectiveTarget bound() {
    return null;
  }

  /** One prepared call. */
  @FunctionalInterface
  interface Invocation {
    /** Runs the method: returns its result, which may be a {@code CompletionStage}, or throws. */
    @Nullable Object run() throws Throwable;
  }
}
