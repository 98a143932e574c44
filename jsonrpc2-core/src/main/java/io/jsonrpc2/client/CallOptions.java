package io.jsonrpc2.client;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * Per-call settings: a timeout and options for the transport.
 *
 * <p>Use with {@link io.jsonrpc2.JsonRpcClient#withOptions}: the options of a derived client are
 * merged over the client's own, a transport option of the same name replacing the older one.
 *
 * @param timeout how long to wait for a response, or null to use the client's default
 * @param transportOptions options handed to the transport with each message
 */
public record CallOptions(@Nullable Duration timeout, Map<String, Object> transportOptions) {
  public static final CallOptions DEFAULT = new CallOptions(null, Map.of());

  public CallOptions {
    transportOptions = Map.copyOf(transportOptions);
    if (timeout != null && (timeout.isZero() || timeout.isNegative())) {
      throw new IllegalArgumentException("timeout must be positive, got " + timeout);
    }
  }

  public CallOptions withTimeout(@Nullable Duration newTimeout) {
    return new CallOptions(newTimeout, transportOptions);
  }

  public CallOptions withTransportOption(String name, Object value) {
    Map<String, Object> merged = new HashMap<>(transportOptions);
    merged.put(Objects.requireNonNull(name, "name"), Objects.requireNonNull(value, "value"));
    return new CallOptions(timeout, merged);
  }

  /** These options with {@code override}'s set values on top. */
  public CallOptions mergedWith(CallOptions override) {
    Map<String, Object> merged = new HashMap<>(transportOptions);
    merged.putAll(override.transportOptions);
    return new CallOptions(override.timeout != null ? override.timeout : timeout, merged);
  }
}
