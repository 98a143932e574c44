package io.jsonrpc2.cli;

import io.jsonrpc2.client.ClientTransport;
import io.jsonrpc2.client.JsonRpcClientException;
import io.jsonrpc2.client.OutboundMessage;
import io.jsonrpc2.client.TransportReply;
import java.util.concurrent.CompletableFuture;

/** A transport that hands everything to another: the base of the command's wire watchers. */
abstract class ForwardingTransport implements ClientTransport {
  final ClientTransport wire;

  ForwardingTransport(ClientTransport wire) {
    this.wire = wire;
  }

  @Override
  public void start(Receiver receiver) {
    wire.start(receiver);
  }

  @Override
  public CompletableFuture<TransportReply> send(OutboundMessage message) {
    return wire.send(message);
  }

  @Override
  public boolean isRequestResponse() {
    return wire.isRequestResponse();
  }

  @Override
  public String endpoint() {
    return wire.endpoint();
  }

  @Override
  public void abort(JsonRpcClientException cause) {
    wire.abort(cause);
  }

  @Override
  public void pauseReading() {
    wire.pauseReading();
  }

  @Override
  public void resumeReading() {
    wire.resumeReading();
  }

  @Override
  public void close() {
    wire.close();
  }
}
