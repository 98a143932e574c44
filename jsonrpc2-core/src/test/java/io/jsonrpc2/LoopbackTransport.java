package io.jsonrpc2;

import io.jsonrpc2.client.ClientTransport;
import io.jsonrpc2.client.OutboundMessage;
import io.jsonrpc2.client.TransportReply;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A request-response transport for core tests that hands each message to a real {@link
 * JsonRpcService} and records what was sent. (jsonrpc2-testing's InMemoryTransport is out of reach
 * here: that module depends on this one.)
 */
final class LoopbackTransport implements ClientTransport {
  private final JsonRpcService service;
  private final Map<String, String> details;
  final List<byte[]> sent = new CopyOnWriteArrayList<>();

  LoopbackTransport(JsonRpcService service, Map<String, String> details) {
    this.service = service;
    this.details = details;
  }

  @Override
  public void start(Receiver receiver) {}

  @Override
  public CompletableFuture<TransportReply> send(OutboundMessage message) {
    sent.add(message.payload());
    return service.handle(message.payload()).thenApply(reply -> new TransportReply(reply, details));
  }

  @Override
  public boolean isRequestResponse() {
    return true;
  }

  @Override
  public String endpoint() {
    return "loop://test";
  }

  @Override
  public void close() {}
}
