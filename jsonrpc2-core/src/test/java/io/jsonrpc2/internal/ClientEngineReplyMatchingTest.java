package io.jsonrpc2.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.jsonrpc2.JsonRpcClient;
import io.jsonrpc2.client.ClientTransport;
import io.jsonrpc2.client.OutboundMessage;
import io.jsonrpc2.client.TransportReply;
import io.jsonrpc2.message.Request;
import io.jsonrpc2.message.Response;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * On a request-response transport a reply answers only the calls of its own message: once a call is
 * answered its id may be used again at once, and the rest of that reply's handling must not touch a
 * newer call with the same id.
 */
@Timeout(10)
class ClientEngineReplyMatchingTest {

  /** Answers each message with the reply the test completes for it. */
  private static final class ManualTransport implements ClientTransport {
    final List<CompletableFuture<TransportReply>> replies = new CopyOnWriteArrayList<>();

    @Override
    public void start(Receiver receiver) {}

    @Override
    public CompletableFuture<TransportReply> send(OutboundMessage message) {
      CompletableFuture<TransportReply> reply = new CompletableFuture<>();
      replies.add(reply);
      return reply;
    }

    @Override
    public boolean isRequestResponse() {
      return true;
    }

    @Override
    public String endpoint() {
      return "manual";
    }

    @Override
    public void close() {}
  }

  private static TransportReply reply(String json) {
    return TransportReply.of(json.getBytes(StandardCharsets.UTF_8));
  }

  @Test
  void aCallReusingAnAnsweredIdIsNotFailedByTheEarlierReply() {
    ManualTransport transport = new ManualTransport();
    try (JsonRpcClient client = JsonRpcClient.builder().transport(transport).build()) {
      AtomicReference<CompletableFuture<Response>> second = new AtomicReference<>();
      // The caller sends the next call with the same id as soon as the first is answered, on the
      // thread that delivers the first reply, before that reply's handling has finished.
      CompletableFuture<Response> first = client.sendAsync(Request.of("cat").withId(5));
      first.thenRun(() -> second.set(client.sendAsync(Request.of("dog").withId(5))));

      transport
          .replies
          .get(0)
          .complete(reply("{\"jsonrpc\":\"2.0\",\"result\":\"meow\",\"id\":5}"));

      assertThat(first.join().result().asText()).isEqualTo("meow");
      assertThat(second.get()).isNotDone();
      transport
          .replies
          .get(1)
          .complete(reply("{\"jsonrpc\":\"2.0\",\"result\":\"woof\",\"id\":5}"));
      assertThat(second.get().join().result().asText()).isEqualTo("woof");
    }
  }

  @Test
  void aLateReplyToATimedOutCallDoesNotAnswerANewerCallWithTheSameId() {
    ManualTransport transport = new ManualTransport();
    try (JsonRpcClient client = JsonRpcClient.builder().transport(transport).build()) {
      CompletableFuture<Response> abandoned = client.sendAsync(Request.of("cat").withId(7));
      abandoned.cancel(false);
      CompletableFuture<Response> newer = client.sendAsync(Request.of("dog").withId(7));

      transport
          .replies
          .get(0)
          .complete(reply("{\"jsonrpc\":\"2.0\",\"result\":\"meow\",\"id\":7}"));

      assertThat(newer).isNotDone();
      transport
          .replies
          .get(1)
          .complete(reply("{\"jsonrpc\":\"2.0\",\"result\":\"woof\",\"id\":7}"));
      assertThat(newer.join().result().asText()).isEqualTo("woof");
    }
  }
}
