package io.jsonrpc2.netty.netstring;

import io.jsonrpc2.client.TransportException;
import io.netty.bootstrap.Bootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.EventLoopGroup;
import io.netty.handler.ssl.SslHandler;
import java.net.SocketAddress;
import java.nio.channels.ClosedChannelException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one connection of a {@link NetstringClientTransport}: opened on demand, at most one attempt
 * at a time, consecutive failed attempts spaced by a doubling backoff, a drop reported once.
 * Thread-safe.
 */
final class ClientConnection {
  private static final Logger LOG = LoggerFactory.getLogger(NetstringClientTransport.class);

  private final Bootstrap bootstrap;
  private final SocketAddress address;
  private final String endpoint;
  private final EventLoopGroup group;
  private final long initialBackoffNanos;
  private final long maxBackoffNanos;
  private final Consumer<Channel> onDrop;
  private final Object lock = new Object();
  private volatile @Nullable Channel channel;
  private volatile boolean closed;
  private @Nullable CompletableFuture<Channel> connecting;
  private int consecutiveFailures;
  private long nextAttemptNanos;
  private boolean everConnected;

  ClientConnection(
      Bootstrap bootstrap,
      SocketAddress address,
      String endpoint,
      EventLoopGroup group,
      long initialBackoffNanos,
      long maxBackoffNanos,
      Consumer<Channel> onDrop) {
    this.bootstrap = bootstrap;
    this.address = address;
    this.endpoint = endpoint;
    this.group = group;
    this.initialBackoffNanos = initialBackoffNanos;
    this.maxBackoffNanos = maxBackoffNanos;
    this.onDrop = onDrop;
  }

  /** The open channel, or null. */
  @Nullable Channel current() {
    Channel ready = channel;
    return ready != null && ready.isActive() ? ready : null;
  }

  boolean isClosed() {
    return closed;
  }

  /** The open channel, or the attempt to open one (started now, or once the backoff has passed). */
  CompletableFuture<Channel> open() {
    CompletableFuture<Channel> attempt;
    long delay;
    synchronized (lock) {
      if (closed) {
        return CompletableFuture.failedFuture(
            new TransportException("transport to " + endpoint + " is closed"));
      }
      Channel ready = current();
      if (ready != null) {
        return CompletableFuture.completedFuture(ready);
      }
      if (connecting != null) {
        return connecting;
      }
      attempt = new CompletableFuture<>();
      connecting = attempt;
      delay = Math.max(0, nextAttemptNanos - System.nanoTime());
    }
    if (delay > 0) {
      group.schedule(() -> connect(attempt), delay, TimeUnit.NANOSECONDS);
    } else {
      connect(attempt);
    }
    return attempt;
  }

  /** Closes the channel and fails a pending attempt; later {@link #open} calls fail. */
  void close() {
    CompletableFuture<Channel> attempt;
    synchronized (lock) {
      if (closed) {
        return;
      }
      closed = true;
      attempt = connecting;
      connecting = null;
    }
    if (attempt != null) {
      attempt.completeExceptionally(new TransportException("transport to " + endpoint + " closed"));
    }
    Channel open = channel;
    if (open != null) {
      open.close().awaitUninterruptibly(2, TimeUnit.SECONDS);
    }
  }

  private void connect(CompletableFuture<Channel> attempt) {
    if (closed) {
      failed(attempt, new ClosedChannelException());
      return;
    }
    bootstrap
        .connect(address)
        .addListener(
            (ChannelFuture f) -> {
              if (!f.isSuccess()) {
                failed(attempt, f.cause());
                return;
              }
              SslHandler tls = f.channel().pipeline().get(SslHandler.class);
              if (tls == null) {
                connected(attempt, f.channel());
                return;
              }
              tls.handshakeFuture()
                  .addListener(
                      handshake -> {
                        if (handshake.isSuccess()) {
                          connected(attempt, f.channel());
                        } else {
                          f.channel().close();
                          failed(attempt, handshake.cause());
                        }
                      });
            });
  }

  private void connected(CompletableFuture<Channel> attempt, Channel connection) {
    boolean again;
    synchronized (lock) {
      if (closed) {
        connection.close();
        attempt.completeExceptionally(
            new TransportException("transport to " + endpoint + " closed"));
        return;
      }
      channel = connection;
      connecting = null;
      again = everConnected;
      everConnected = true;
      consecutiveFailures = 0;
      nextAttemptNanos = 0;
    }
    connection.closeFuture().addListener(f -> dropped(connection));
    LOG.info(again ? "Reconnected to {}" : "Connected to {}", endpoint);
    attempt.complete(connection);
  }

  private void failed(CompletableFuture<Channel> attempt, Throwable cause) {
    long backoff;
    synchronized (lock) {
      if (connecting == attempt) {
        connecting = null;
      }
      consecutiveFailures++;
      backoff = backoffNanos(consecutiveFailures);
      nextAttemptNanos = System.nanoTime() + backoff;
    }
    if (!closed) {
      LOG.warn(
          "Cannot connect to {}: {}; next attempt in {} ms at the earliest",
          endpoint,
          cause.toString(),
          TimeUnit.NANOSECONDS.toMillis(backoff));
    }
    attempt.completeExceptionally(
        new TransportException("cannot connect to " + endpoint + ": " + cause, cause));
  }

  private long backoffNanos(int failures) {
    long backoff = initialBackoffNanos;
    for (int i = 1; i < failures && backoff < maxBackoffNanos; i++) {
      backoff *= 2;
    }
    return Math.min(backoff, maxBackoffNanos);
  }

  /**
   * Forgets the open channel at once, so that the next message opens a new one, and closes it. Its
   * close is not reported as a drop: whoever aborts has already failed what waited on it.
   */
  void abort() {
    Channel open;
    synchronized (lock) {
      open = channel;
      channel = null;
    }
    if (open != null) {
      open.close();
    }
  }

  private void dropped(Channel connection) {
    synchronized (lock) {
      if (channel != connection) {
        return;
      }
      channel = null;
    }
    if (closed) {
      LOG.debug("Closed connection to {}", endpoint);
    } else {
      LOG.warn("Disconnected from {}; the next call reconnects", endpoint);
    }
    onDrop.accept(connection);
  }
}
