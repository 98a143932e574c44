package io.jsonrpc2.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jsonrpc2.JsonRpcClient;
import io.jsonrpc2.client.CallTimeoutException;
import io.jsonrpc2.client.ClientTransport;
import io.jsonrpc2.client.OutboundMessage;
import io.jsonrpc2.client.TransportReply;
import io.jsonrpc2.message.Request;
import io.jsonrpc2.message.Response;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The client tells a request-response transport when nobody waits for an exchange any more. */
@Timeout(10)
class AbandonedExchangeTest {

  /** Never answers; hands out the futures it returned so the test can watch them. */
  static final class SilentTransport implements ClientTransport {
    final LinkedBlockingQueue<CompletableFuture<TransportReply>> exchanges =
        new LinkedBlockingQueue<>();

    @Override
    public void start(Receiver receiver) {}

    @Override
    public CompletableFuture<TransportReply> send(OutboundMessage message) {
      CompletableFuture<TransportReply> exchange = new CompletableFuture<>();
      exchanges.add(exchange);
      return exchange;
    }

    @Override
    public boolean isRequestResponse() {
      return true;
    }

    @Override
    public String endpoint() {
      return "silent";
    }

    @Override
    public void close() {}
  }

  @Test
  void aTimedOutCallCancelsItsExchange() throws Exception {
    SilentTransport transport = new SilentTransport();
    try (JsonRpcClient client =
        JsonRpcClient.builder().transport(transport).timeout(Duration.ofMillis(100)).build()) {
      CompletableFuture<Integer> call = client.callAsync("sum", Integer.class, 1, 2);
      CompletableFuture<TransportReply> exchange = transport.exchanges.poll(5, TimeUnit.SECONDS);
      assertThat(exchange).isNotNull();
      assertThatThrownBy(call::join).hasCauseInstanceOf(CallTimeoutException.class);
      assertThatThrownBy(() -> exchange.get(5, TimeUnit.SECONDS))
          .isInstanceOf(java.util.concurrent.CancellationException.class);
    }
  }

  @Test
  void aCallerWhoCancelsCancelsTheExchange() throws Exception {
    SilentTransport transport = new SilentTransport();
    try (JsonRpcClient client = JsonRpcClient.builder().transport(transport).build()) {
      CompletableFuture<Response> call = client.sendAsync(Request.of("sum", 1, 2));
      CompletableFuture<TransportReply> exchange = transport.exchanges.poll(5, TimeUnit.SECONDS);
      assertThat(exchange).isNotNull();
      assertThat(exchange).isNotDone();
      call.cancel(false);
      assertThat(exchange).isCancelled();
    }
  }
}
