package io.jsonrpc2.testing;

import io.jsonrpc2.client.ClientTransport;
import io.jsonrpc2.client.OutboundMessage;
import io.jsonrpc2.client.TransportReply;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.UnaryOperator;

/**
 * A request-response client transport that answers from a script instead of a server, and records
 * what it was sent: the way to test how a client treats bad replies.
 *
 * <p>Each reply is a function of the request text, so a script can echo the request's id; the
 * placeholder {@code $ID} in a {@link #reply(String) fixed reply} is replaced with the id the
 * client generated (assuming the default decimal ids).
 */
public final class ScriptedTransport implements ClientTransport {
  private final Queue<UnaryOperator<String>> replies = new ConcurrentLinkedQueue<>();
  private final List<String> sent = new CopyOnWriteArrayList<>();

  /** Answers the next message with {@code json}, {@code $ID} replaced by the request's id. */
  public ScriptedTransport reply(String json) {
    replies.add(request -> json.replace("$ID", idOf(request)));
    return this;
  }

  /** Answers the next message with what {@code script} makes of the request text. */
  public ScriptedTransport reply(UnaryOperator<String> script) {
    replies.add(script);
    return this;
  }

  /** Everything sent so far, as text, in order. */
  public List<String> sent() {
    return List.copyOf(sent);
  }

  @Override
  public void start(Receiver receiver) {}

  @Override
  public CompletableFuture<TransportReply> send(OutboundMessage message) {
    String request = new String(message.payload(), StandardCharsets.UTF_8);
    sent.add(request);
    UnaryOperator<String> script = replies.poll();
    if (script == null) {
      return CompletableFuture.completedFuture(TransportReply.of(null));
    }
    String reply = script.apply(request);
    return CompletableFuture.completedFuture(
        TransportReply.of(reply == null ? null : reply.getBytes(StandardCharsets.UTF_8)));
  }

  private static String idOf(String request) {
    int at = request.lastIndexOf("\"id\":");
    if (at < 0) {
      return "null";
    }
    int end = request.indexOf('}', at);
    return request.substring(at + 5, end).trim();
  }

  @Override
  public boolean isRequestResponse() {
    return true;
  }

  @Override
  public String endpoint() {
    return "scripted";
  }

  @Override
  public void close() {}
}
