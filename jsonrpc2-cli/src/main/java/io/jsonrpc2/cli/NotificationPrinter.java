package io.jsonrpc2.cli;

import com.fasterxml.jackson.databind.JsonNode;
import io.jsonrpc2.client.ClientTransport;
import io.jsonrpc2.client.JsonRpcClientException;
import io.jsonrpc2.client.OutboundMessage;
import io.jsonrpc2.client.TransportReply;
import java.io.IOException;
import java.io.PrintWriter;
import java.util.concurrent.CompletableFuture;
import org.jspecify.annotations.Nullable;

/**
 * Prints each notification the server sends while the command waits, one compact JSON per line on
 * the command's stdout, as it arrives (so before the result it precedes), and lets {@link #follow}
 * wait for more after the result. Requests the server sends go on to the client, which answers them
 * -32601: the command serves no methods.
 */
final class NotificationPrinter implements ClientTransport {
  private final ClientTransport wire;
  private final PrintWriter out;
  private final CompletableFuture<Integer> followed = new CompletableFuture<>();
  private volatile @Nullable String followedSubscription;

  NotificationPrinter(ClientTransport wire, PrintWriter out) {
    this.wire = wire;
    this.out = out;
  }

  /**
   * Waits for the notifications that come after the result: until the subscription {@code
   * subscription} (the result, when it is a subscription id) ends, or the connection goes, or the
   * process is stopped.
   *
   * @return the exit code: OK when the subscription completed, ERROR_RESPONSE when it ended with an
   *     error, TRANSPORT when the connection went
   */
  int follow(@Nullable String subscription) {
    followedSubscription = subscription;
    return followed.join();
  }

  @Override
  public void start(Receiver receiver) {
    wire.start(
        new Receiver() {
          @Override
          public void onMessage(byte[] message) {
            printIfNotification(message);
            receiver.onMessage(message);
          }

          @Override
          public void onConnectionLost(Throwable cause) {
            followed.complete(ExitCode.TRANSPORT);
            receiver.onConnectionLost(cause);
          }
        });
  }

  private void printIfNotification(byte[] message) {
    JsonNode node;
    try {
      node = JsonArguments.MAPPER.readTree(message);
    } catch (IOException e) {
      return; // not JSON: the client reports it
    }
    if (node == null || !node.isObject() || !node.has("method") || node.has("id")) {
      return;
    }
    synchronized (out) {
      out.println(node.toString());
      out.flush();
    }
    JsonNode params = node.path("params");
    String subscription = followedSubscription;
    if (subscription != null && subscription.equals(params.path("subscription").textValue())) {
      if (params.path("complete").asBoolean()) {
        followed.complete(ExitCode.OK);
      } else if (params.has("error")) {
        followed.complete(ExitCode.ERROR_RESPONSE);
      }
    }
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
