package io.jsonrpc2.examples.netstring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jsonrpc2.JsonRpcClient;
import io.jsonrpc2.client.ErrorResponseException;
import io.jsonrpc2.netty.netstring.NetstringClient;
import io.jsonrpc2.netty.netstring.NetstringServer;
import io.jsonrpc2.testing.CollectingSubscriber;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The example server's subscription, {@code main.ticks}, and the client that prints it. */
@Timeout(30)
class TicksExampleTest {
  @Test
  void theTicksClientPrintsEveryTickThenDone() {
    try (NetstringServer server = ExampleServer.start("127.0.0.1", 0)) {
      ByteArrayOutputStream printed = new ByteArrayOutputStream();
      TicksClient.run(
          "127.0.0.1", server.port(), 3, 5, new PrintStream(printed, true, StandardCharsets.UTF_8));

      assertThat(printed.toString(StandardCharsets.UTF_8).lines())
          .containsExactly("tick 0", "tick 1", "tick 2", "done");
    }
  }

  @Test
  void cancellingTheTicksStopsThemAndBadArgumentsAreRefused() throws Exception {
    try (NetstringServer server = ExampleServer.start("127.0.0.1", 0);
        JsonRpcClient client = NetstringClient.create("127.0.0.1", server.port())) {
      CollectingSubscriber<Integer> ticks = CollectingSubscriber.unbounded();
      client.subscribe("main.ticks", Integer.class, 10_000, 1).subscribe(ticks);
      assertThat(ticks.awaitItems(3, 10, TimeUnit.SECONDS)).isTrue();
      ticks.cancel();
      assertThat(client.subscriptionCount()).isZero();
      assertThat(ticks.items.subList(0, 3)).isEqualTo(List.of(0, 1, 2));

      CollectingSubscriber<Integer> refused = CollectingSubscriber.unbounded();
      client.subscribe("main.ticks", Integer.class, -1, 5).subscribe(refused);
      assertThatThrownBy(() -> refused.done.get(10, TimeUnit.SECONDS))
          .hasCauseInstanceOf(ErrorResponseException.class);
    }
  }
}
