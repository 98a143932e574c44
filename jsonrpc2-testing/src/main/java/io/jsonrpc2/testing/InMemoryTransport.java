package io.jsonrpc2.testing;

import static java.util.Objects.requireNonNull;

import io.jsonrpc2.JsonRpcService;
import io.jsonrpc2.client.ClientTransport;
import io.jsonrpc2.client.OutboundMessage;
import io.jsonrpc2.client.TransportException;
import io.jsonrpc2.client.TransportReply;
import io.jsonrpc2.server.TransportContext;
import java.util.concurrent.CompletableFuture;
import org.jspecify.annotations.Nullable;

/**
 * A client transport that hands messages straight to a {@link JsonRpcService} in the same JVM.
 *
 * <p>It comes in both kinds of {@link ClientTransport}: {@link #requestResponse} answers each
 * message through the future of {@code send}, like HTTP; {@link #connection} delivers replies
 * through the receiver as they complete, in any order, like a socket, and can be {@linkplain
 * #disconnect() disconnected}.
 */
public final class InMemoryTransport implements ClientTransport {
  private static final TransportContext CONTEXT = TransportContext.builder("in-memory").build();

  private final JsonRpcService service;
  private final boolean requestResponse;
  private volatile @Nullable Receiver receiver;

  private Receiver receiver() {
    return requireNonNull(receiver, "the client has not started this transport");
  }

  private volatile boolean connected = true;

  private InMemoryTransport(JsonRpcService service, boolean requestResponse) {
    this.service = service;
    this.requestResponse = requestResponse;
  }

  /** Each reply completes the {@code send} of its message. */
  public static InMemoryTransport requestResponse(JsonRpcService service) {
    return new InMemoryTransport(service, true);
  }

  /** Replies arrive through the receiver, like on a socket. */
  public static InMemoryTransport connection(JsonRpcService service) {
    return new InMemoryTransport(service, false);
  }

  @Override
  public void start(Receiver receiver) {
    this.receiver = receiver;
  }

  @Override
  public CompletableFuture<TransportReply> send(OutboundMessage message) {
    if (!connected) {
      return CompletableFuture.failedFuture(
          new TransportException("in-memory connection is closed"));
    }
    CompletableFuture<byte[]> reply = service.handle(message.payload(), CONTEXT);
    if (requestResponse) {
      return reply.thenApply(TransportReply::of);
    }
    reply.thenAccept(
        bytes -> {
          if (bytes != null && connected) {
            receiver().onMessage(bytes);
          }
        });
    return CompletableFuture.completedFuture(null);
  }

  /** Drops the connection: calls waiting for a reply fail now, later replies are lost. */
  public void disconnect() {
    connected = false;
    receiver().onConnectionLost(new TransportException("in-memory connection dropped"));
  }

  /** Makes the transport usable again after {@link #disconnect()}. */
  public void reconnect() {
    connected = true;
  }

  @Override
  public boolean isRequestResponse() {
    return requestResponse;
  }

  @Override
  public String endpoint() {
    return "in-memory";
  }

  @Override
  public void close() {
    connected = false;
  }
}
