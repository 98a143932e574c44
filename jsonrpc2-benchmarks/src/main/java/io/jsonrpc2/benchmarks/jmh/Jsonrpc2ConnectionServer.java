package io.jsonrpc2.benchmarks.jmh;

import io.jsonrpc2.JsonRpcService;
import io.jsonrpc2.connection.JsonRpcConnection;
import io.jsonrpc2.connection.MessageChannel;
import java.util.concurrent.CompletableFuture;
import org.jspecify.annotations.Nullable;

/**
 * This library as a stream transport runs it: each request goes through a {@link JsonRpcConnection}
 * (routing, the in-flight cap, writing the reply) over a channel that keeps the reply in memory.
 * Beside {@link Jsonrpc2Server} it shows what the connection layer costs per message.
 */
public final class Jsonrpc2ConnectionServer implements RpcServer {
  private final InMemory channel = new InMemory();

  public Jsonrpc2ConnectionServer() {
    JsonRpcConnection.builder(channel)
        .service(JsonRpcService.builder().handler(new Jsonrpc2Server.NonBlockingMethods()).build())
        .build()
        .start();
  }

  @Override
  public byte[] handle(byte[] request) {
    channel.reply = null;
    channel.listener().onMessage(request);
    byte[] reply = channel.reply;
    if (reply == null) {
      throw new IllegalStateException("the connection did not answer at once");
    }
    return reply;
  }

  /** Delivers on the caller's thread; the reply of a method that does not block is there after. */
  private static final class InMemory implements MessageChannel {
    private @Nullable Listener listener;
    byte @Nullable [] reply;

    Listener listener() {
      Listener to = listener;
      if (to == null) {
        throw new IllegalStateException("not started");
      }
      return to;
    }

    @Override
    public void start(Listener listener) {
      this.listener = listener;
    }

    @Override
    public CompletableFuture<Void> send(byte[] message) {
      reply = message;
      return CompletableFuture.completedFuture(null);
    }

    @Override
    public void pauseReading() {}

    @Override
    public void resumeReading() {}

    @Override
    public void close() {
      listener().onClosed(null);
    }

    @Override
    public String description() {
      return "in memory";
    }
  }
}
