package io.jsonrpc2.client;

import static org.assertj.core.api.Assertions.assertThat;

import io.jsonrpc2.JsonRpcClient;
import io.jsonrpc2.message.Request;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Over a connection the replies can arrive before the transport reports the write done (the JDK
 * WebSocket does this): the client then cancels the send it no longer waits for, and that must not
 * fail a batch that was answered in full.
 */
@Timeout(10)
class ReplyBeforeWriteTest {
  /** Answers each message on the spot, and reports its write done only when it is cancelled. */
  private static final class RepliesFirst implements ClientTransport {
    private @Nullable Receiver receiver;
    private final CompletableFuture<TransportReply> written = new CompletableFuture<>();

    @Override
    public void start(Receiver receiver) {
      this.receiver = receiver;
    }

    @Override
    public CompletableFuture<TransportReply> send(OutboundMessage message) {
      String replies =
          "[{\"jsonrpc\":\"2.0\",\"result\":1,\"id\":1},{\"jsonrpc\":\"2.0\",\"result\":2,\"id\":2}]";
      if (receiver != null) {
        receiver.onMessage(replies.getBytes(StandardCharsets.UTF_8));
      }
      return written;
    }

    @Override
    public boolean isRequestResponse() {
      return false;
    }

    @Override
    public String endpoint() {
      return "test://replies-first";
    }

    @Override
    public void close() {}
  }

  @Test
  void aBatchAnsweredBeforeItsWriteIsReportedCompletesInFull() throws Exception {
    RepliesFirst transport = new RepliesFirst();
    try (JsonRpcClient client = JsonRpcClient.builder().transport(transport).build()) {
      BatchResponse batch =
          client
              .sendAsync(List.of(Request.of("one").withId(1), Request.of("two").withId(2)))
              .get(5, TimeUnit.SECONDS);

      assertThat(batch.responses()).hasSize(2);
      assertThat(transport.written).isCancelled();
    }
  }
}
