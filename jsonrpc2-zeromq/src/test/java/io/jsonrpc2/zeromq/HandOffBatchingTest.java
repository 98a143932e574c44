package io.jsonrpc2.zeromq;

import static org.assertj.core.api.Assertions.assertThat;

import io.jsonrpc2.JsonRpcService;
import io.jsonrpc2.testing.CountingInlineExecutor;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.zeromq.SocketType;

/** The server's loop hands the blocking calls of what one read takes off together. */
@Timeout(30)
class HandOffBatchingTest {
  private static String call(String method, int id) {
    return "{\"jsonrpc\":\"2.0\",\"method\":\""
        + method
        + "\",\"params\":[\"m\"],\"id\":"
        + id
        + "}";
  }

  @Test
  void requestsWaitingTogetherAreOneHandOff() throws Exception {
    CountDownLatch othersSent = new CountDownLatch(1);
    // Runs each hand-off at once, on the server's loop: while "hold" waits, the loop reads
    // nothing, so the ten requests sent meanwhile are waiting together when it reads again.
    CountingInlineExecutor handOffs = new CountingInlineExecutor();
    JsonRpcService service =
        JsonRpcService.builder()
            .method(
                "hold",
                (params, context) -> {
                  othersSent.await(10, TimeUnit.SECONDS);
                  return "held";
                })
            .method("echo", (params, context) -> params.get(0, String.class))
            .executor(handOffs)
            .build();
    try (ZmqServer server =
            ZmqServer.builder(service)
                .socketType(SocketType.ROUTER)
                .bind("tcp://127.0.0.1:0")
                .start();
        RawPeer peer = new RawPeer(SocketType.DEALER, server.endpoint())) {
      peer.send(new byte[0], call("hold", 0).getBytes(java.nio.charset.StandardCharsets.UTF_8));
      for (int i = 1; i <= 10; i++) {
        peer.send(new byte[0], call("echo", i).getBytes(java.nio.charset.StandardCharsets.UTF_8));
      }
      othersSent.countDown();
      for (int i = 0; i <= 10; i++) {
        assertThat(peer.receive()).contains("\"result\"");
      }
    }

    // All in one, or "hold" apart and the ten in one or a few reads: never one per request.
    assertThat(handOffs.count()).isBetween(1, 4);
  }
}
