package io.jsonrpc2.internal;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.util.TokenBuffer;
import io.jsonrpc2.CallContext;
import io.jsonrpc2.JsonRpcException;
import io.jsonrpc2.message.ErrorObject;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A method given as {@code "com.example.Type#method"}: the class is loaded on the first call. An
 * entry that cannot be loaded answers every call with an internal error and is logged once.
 */
public final class LazyTarget implements Target {
  private static final Logger LOG = LoggerFactory.getLogger(LazyTarget.class);

  private final String name;
  private final String reference;
  private final ClassLoader loader;
  private final ObjectMapper mapper;
  private volatile @Nullable Target resolved;
  private volatile @Nullable JsonRpcException failure;

  public LazyTarget(String name, String reference, ClassLoader loader, ObjectMapper mapper) {
    int hash = reference.indexOf('#');
    if (hash <= 0 || hash == reference.length() - 1 || reference.indexOf('#', hash + 1) >= 0) {
      throw new IllegalArgumentException(
          "lazy method '"
              + name
              + "' must be given as \"fully.qualified.Class#method\", got \""
              + reference
              + "\"");
    }
    this.name = name;
    this.reference = reference;
    this.loader = loader;
    this.mapper = mapper;
  }

  @Override
  public Invocation prepare(@Nullable TokenBuffer params, CallContext context) {
    return resolve().prepare(params, context);
  }

  @Override
  public boolean async() {
    // Until loaded, the method is treated as blocking: loading a class may itself block.
    Target target = resolved;
    return target != null && target.async();
  }

  @Override
  public @Nullable ReflectiveTarget bound() {
    // Only once loaded: loading may block, and must not happen while a request is decoded.
    Target target = resolved;
    return target == null ? null : target.bound();
  }

  private Target resolve() {
    Target target = resolved;
    if (target != null) {
      return target;
    }
    synchronized (this) {
      target = resolved;
      if (target == null && failure == null) {
        int hash = reference.indexOf('#');
        try {
          Class<?> type = Class.forName(reference.substring(0, hash), true, loader);
          target = MethodBinder.bindMethod(name, type, reference.substring(hash + 1), mapper);
          resolved = target;
        } catch (ReflectiveOperationException | RuntimeException | LinkageError e) {
          LOG.error("Lazy method '{}' could not be loaded from \"{}\"", name, reference, e);
          failure =
              new JsonRpcException(
                  ErrorObject.INTERNAL_ERROR.withDetail(
                      "method '" + name + "' could not be loaded"));
        }
      }
      JsonRpcException failed = failure;
      if (failed != null) {
        throw failed;
      }
      return Objects.requireNonNull(target, "a lazy method is either loaded or failed");
    }
  }
}
