package io.jsonrpc2.testing;

import static java.util.Objects.requireNonNull;

import io.jsonrpc2.client.ClientTransport;
import io.jsonrpc2.client.JsonRpcClientException;
import io.jsonrpc2.client.OutboundMessage;
import io.jsonrpc2.client.TransportReply;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.UnaryOperator;
import org.jspecify.annotations.Nullable;

/**
 * A client transport that answers from a script instead of a server, and records what it was sent:
 * the way to test how a client treats bad replies.
 *
 * <p>It comes in both kinds of {@link ClientTransport}: {@link #ScriptedTransport() the default} is
 * request-response (the scripted reply completes {@code send}, like HTTP); {@link #connection()}
 * hands the scripted reply to the receiver right after the message is taken, like a socket, and can
 * {@link #push} messages at any time.
 *
 * <p>Each reply is a function of the request text, so a script can echo the request's id; the
 * placeholder {@code $ID} in a {@link #reply(String) fixed reply} is replaced with the id of the
 * (last) request in the message, as written. A message with no scripted reply left gets none (an
 * empty reply, or nothing on a connection). A script that throws fails the {@code send}, as a
 * broken network would.
 */
public final class ScriptedTransport implements ClientTransport {
  private final Queue<UnaryOperator<String>> replies = new ConcurrentLinkedQueue<>();
  private final List<String> sent = new CopyOnWriteArrayList<>();
  private final List<JsonRpcClientException> aborts = new CopyOnWriteArrayList<>();
  private final boolean requestResponse;
  private volatile Map<String, String> details = Map.of();
  private volatile @Nullable Receiver receiver;

  private Receiver receiver() {
    return requireNonNull(receiver, "the client has not started this transport");
  }

  /** A request-response transport. */
  public ScriptedTransport() {
    this(true);
  }

  private ScriptedTransport(boolean requestResponse) {
    this.requestResponse = requestResponse;
  }

  /** A connection transport: replies arrive through the receiver. */
  public static ScriptedTransport connection() {
    return new ScriptedTransport(false);
  }

  /** Answers the next message with {@code json}, {@code $ID} replaced by the request's id. */
  public ScriptedTransport reply(String json) {
    replies.add(request -> json.replace("$ID", idOf(request)));
    return this;
  }

  /**
   * Answers the next message with what {@code script} makes of the request text (null: nothing).
   */
  public ScriptedTransport reply(UnaryOperator<String> script) {
    replies.add(script);
    return this;
  }

  /** Fails the {@code send} of the next message with {@code failure}. */
  public ScriptedTransport fail(RuntimeException failure) {
    replies.add(
        request -> {
          throw failure;
        });
    return this;
  }

  /** The details of every later reply (request-response only), such as {@code http_status}. */
  public ScriptedTransport details(Map<String, String> replyDetails) {
    this.details = Map.copyOf(replyDetails);
    return this;
  }

  /** Delivers {@code json} to the client now, as if the peer had sent it (connection only). */
  public void push(String json) {
    if (requestResponse) {
      throw new IllegalStateException("a request-response transport cannot push; use connection()");
    }
    receiver().onMessage(json.getBytes(StandardCharsets.UTF_8));
  }

  /** Everything sent so far, as text, in order. */
  public List<String> sent() {
    return List.copyOf(sent);
  }

  /** The causes the client gave, in order, each time it dropped the connection ({@link #abort}). */
  public List<JsonRpcClientException> aborts() {
    return List.copyOf(aborts);
  }

  @Override
  public void abort(JsonRpcClientException cause) {
    aborts.add(cause);
  }

  @Override
  public void start(Receiver receiver) {
    this.receiver = receiver;
  }

  @Override
  public CompletableFuture<TransportReply> send(OutboundMessage message) {
    String request = new String(message.payload(), StandardCharsets.UTF_8);
    sent.add(request);
    UnaryOperator<String> script = replies.poll();
    String reply;
    try {
      reply = script == null ? null : script.apply(request);
    } catch (RuntimeException e) {
      return CompletableFuture.failedFuture(e);
    }
    byte[] body = reply == null ? null : reply.getBytes(StandardCharsets.UTF_8);
    if (requestResponse) {
      return CompletableFuture.completedFuture(
          new TransportReply(body == null ? new byte[0] : body, details));
    }
    if (body != null) {
      receiver().onMessage(body);
    }
    return CompletableFuture.completedFuture(null);
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
    return requestResponse;
  }

  @Override
  public String endpoint() {
    return "scripted";
  }

  @Override
  public void close() {}
}
