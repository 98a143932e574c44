package io.jsonrpc2.cli;

import com.fasterxml.jackson.databind.JsonNode;
import io.jsonrpc2.client.ClientTransport;
import java.io.IOException;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.jspecify.annotations.Nullable;

/**
 * Prints each notification the server sends while the command waits, one compact JSON per line on
 * the command's stdout, as it arrives (so before the result it precedes), and lets {@link #follow}
 * wait for more after the result. Requests the server sends go on to the client, which answers them
 * -32601: the command serves no methods.
 */
final class NotificationPrinter extends ForwardingTransport {
  private final PrintWriter out;
  private final CompletableFuture<Integer> followed = new CompletableFuture<>();
  private volatile @Nullable String followedSubscription;
  // Notifications read after the reply, until the result is printed; null before the reply and
  // once following. Guarded by this.
  private @Nullable List<JsonNode> afterReply;

  NotificationPrinter(ClientTransport wire, PrintWriter out) {
    super(wire);
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
    List<JsonNode> held;
    synchronized (this) {
      held = afterReply == null ? List.of() : afterReply;
      afterReply = null;
    }
    held.forEach(this::print);
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
    if (node == null || !node.isObject()) {
      return;
    }
    if (!node.has("method")) {
      // The reply: what comes after it waits until the result is printed.
      synchronized (this) {
        afterReply = new ArrayList<>();
      }
      return;
    }
    if (node.has("id")) {
      return;
    }
    synchronized (this) {
      if (afterReply != null) {
        afterReply.add(node);
        return;
      }
    }
    print(node);
  }

  private void print(JsonNode notification) {
    synchronized (out) {
      out.println(notification.toString());
      out.flush();
    }
    JsonNode params = notification.path("params");
    String subscription = followedSubscription;
    if (subscription != null && subscription.equals(params.path("subscription").textValue())) {
      if (params.path("complete").asBoolean()) {
        followed.complete(ExitCode.OK);
      } else if (params.has("error")) {
        followed.complete(ExitCode.ERROR_RESPONSE);
      }
    }
  }
}
