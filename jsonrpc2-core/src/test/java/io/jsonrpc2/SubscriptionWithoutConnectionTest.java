package io.jsonrpc2;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.jsonrpc2.message.ErrorCodes;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Flow;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

/**
 * A subscription needs a connection to carry its items: called where there is none (a direct {@code
 * handle}, as HTTP and ZeroMQ REQ/REP call it) it is refused and its publisher is never subscribed
 * to.
 */
class SubscriptionWithoutConnectionTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  private final AtomicBoolean subscribed = new AtomicBoolean();

  private final Flow.Publisher<Integer> publisher = subscriber -> subscribed.set(true);

  @Test
  void aSubscriptionCalledWithoutAConnectionIsMethodNotFoundSayingWhy() throws Exception {
    JsonRpcService service =
        JsonRpcService.builder()
            .asyncMethod("ticks", (params, call) -> CompletableFuture.completedFuture(publisher))
            .subscriptions(SubscriptionOptions.defaults())
            .build();

    JsonNode reply =
        JSON.readTree(service.handle("{\"jsonrpc\":\"2.0\",\"method\":\"ticks\",\"id\":1}").join());

    assertThat(reply.path("error").path("code").asInt()).isEqualTo(ErrorCodes.METHOD_NOT_FOUND);
    assertThat(reply.path("error").path("message").asText()).contains("over a connection");
    assertThat(subscribed).isFalse();
  }

  @Test
  void theOptionsRefuseNamesAndBuffersThatCannotWork() {
    assertThatThrownBy(() -> SubscriptionOptions.defaults().withNames("same", "same"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> SubscriptionOptions.defaults().withBuffer(0, OverflowPolicy.FAIL))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
