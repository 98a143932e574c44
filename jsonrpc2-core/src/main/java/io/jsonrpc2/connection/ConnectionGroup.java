package io.jsonrpc2.connection;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.jsonrpc2.OverflowPolicy;
import io.jsonrpc2.internal.CallWriter;
import io.jsonrpc2.internal.DefaultMapper;
import io.jsonrpc2.message.Notification;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The open connections of a server: for counting them, closing them, and broadcasting to all of
 * them. A connection leaves the group by itself when it closes.
 *
 * <p>A broadcast is encoded once and handed to every connection without waiting for any: each
 * connection keeps at most {@code bufferSize} broadcasts while its peer reads too slowly (its
 * network buffer full), and past that applies the group's {@link OverflowPolicy} ({@code FAIL}
 * closes that connection). A slow reader costs the sender a bounded amount of memory and delays
 * nobody else. Thread-safe.
 */
public final class ConnectionGroup {
  /** The default bound of broadcasts waiting per connection. */
  public static final int DEFAULT_BUFFER_SIZE = 1024;

  private final Set<JsonRpcConnection> open = ConcurrentHashMap.newKeySet();
  private final CallWriter writer;
  private final int bufferSize;
  private final OverflowPolicy overflow;

  /**
   * @param mapper writes the params of broadcasts
   * @param bufferSize broadcasts that may wait per connection, at least 1
   * @param overflow what one more does to a connection with that many waiting
   */
  public ConnectionGroup(ObjectMapper mapper, int bufferSize, OverflowPolicy overflow) {
    if (bufferSize < 1) {
      throw new IllegalArgumentException("bufferSize must be at least 1, got " + bufferSize);
    }
    this.writer = new CallWriter(Objects.requireNonNull(mapper, "mapper"));
    this.bufferSize = bufferSize;
    this.overflow = Objects.requireNonNull(overflow, "overflow");
  }

  /**
   * A group whose broadcasts are written by the default mapper, with {@value #DEFAULT_BUFFER_SIZE}
   * waiting per connection at most, the oldest dropped past that.
   */
  public ConnectionGroup() {
    this(DefaultMapper.shared(), DEFAULT_BUFFER_SIZE, OverflowPolicy.DROP_OLDEST);
  }

  /** Adds an open connection; it leaves the group when it closes. */
  public void add(JsonRpcConnection connection) {
    open.add(connection);
    connection.closeFuture().whenComplete((closed, failure) -> open.remove(connection));
    if (connection.isClosed()) {
      open.remove(connection);
    }
  }

  /** Builds the connection, adds it and starts it: how a server opens each accepted connection. */
  public JsonRpcConnection open(JsonRpcConnection.Builder connection) {
    JsonRpcConnection built = connection.build();
    add(built);
    return built.start();
  }

  /** A snapshot of the open connections; any of them may close at any moment. */
  public List<JsonRpcConnection> connections() {
    return List.copyOf(open);
  }

  /** How many connections are open. */
  public int size() {
    return open.size();
  }

  /**
   * Sends the notification {@code method(args)} to every open connection.
   *
   * @return how many connections it was handed to
   * @throws IllegalArgumentException if the args cannot be written as JSON
   */
  public int broadcast(String method, Object... args) {
    return broadcast(Notification.of(method, args));
  }

  /** {@link #broadcast(String, Object...)} with named params. */
  public int broadcast(String method, Map<String, ?> namedArgs) {
    return broadcast(Notification.named(method, namedArgs));
  }

  private int broadcast(Notification notification) {
    byte[] message = writer.write(List.of(notification), false);
    int reached = 0;
    for (JsonRpcConnection connection : open) {
      connection.push(message, bufferSize, overflow);
      reached++;
    }
    return reached;
  }

  /**
   * Asks every connection to close once its calls in flight are answered, within {@code grace}.
   *
   * @return completes when all of them are closed
   */
  public CompletableFuture<Void> shutdownAll(Duration grace) {
    return CompletableFuture.allOf(
        open.stream()
            .map(connection -> connection.shutdown(grace))
            .toArray(CompletableFuture[]::new));
  }

  /** Closes every connection now, calls in flight or not. */
  public void closeAll() {
    open.forEach(JsonRpcConnection::close);
  }
}
