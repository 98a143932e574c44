package io.jsonrpc2.cli;

import io.jsonrpc2.client.ClientTransport;
import io.jsonrpc2.client.OutboundMessage;
import io.jsonrpc2.client.TransportReply;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletableFuture;

/**
 * Shows the messages on the wire, as jsonrpcclient's log does: {@code --> message} for each one
 * sent and {@code <-- message} for each reply, on the given writer (the command's stderr, so the
 * result on stdout stays clean for scripts). An empty reply (an HTTP answer to a notification)
 * prints nothing. Thread-safe: lines are written whole.
 */
final class VerboseTransport extends ForwardingTransport {
  private final PrintWriter log;

  VerboseTransport(ClientTransport wire, PrintWriter log) {
    super(wire);
    this.log = log;
  }

  @Override
  public void start(Receiver receiver) {
    wire.start(
        new Receiver() {
          @Override
          public void onMessage(byte[] message) {
            print("<-- ", message);
            receiver.onMessage(message);
          }

          @Override
          public void onConnectionLost(Throwable cause) {
            receiver.onConnectionLost(cause);
          }
        });
  }

  @Override
  public CompletableFuture<TransportReply> send(OutboundMessage message) {
    print("--> ", message.payload());
    return wire.send(message)
        .thenApply(
            reply -> {
              if (reply != null && !reply.isEmpty()) {
                print("<-- ", reply.body());
              }
              return reply;
            });
  }

  private void print(String arrow, byte[] message) {
    synchronized (log) {
      log.println(arrow + new String(message, StandardCharsets.UTF_8));
      log.flush();
    }
  }
}
