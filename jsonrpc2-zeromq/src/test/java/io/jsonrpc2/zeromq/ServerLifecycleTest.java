package io.jsonrpc2.zeromq;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jsonrpc2.JsonRpcClient;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.zeromq.SocketType;

@Timeout(30)
class ServerLifecycleTest {
  private final TestMethods methods = new TestMethods("server", 1);

  @Test
  void portZeroIsResolvedToTheBoundPort() {
    try (ZmqServer server =
        ZmqServer.builder(TestMethods.service(methods)).bind("tcp://127.0.0.1:0").start()) {
      assertThat(server.endpoint()).matches("tcp://127\\.0\\.0\\.1:[1-9]\\d*");
      assertThat(server.endpoints()).containsExactly(server.endpoint());
      assertThat(server.socketType()).isEqualTo(SocketType.REP);
    }
  }

  @Test
  void anEndpointInUseIsAClearError() {
    try (ZmqServer first =
        ZmqServer.builder(TestMethods.service(methods)).bind("tcp://127.0.0.1:0").start()) {
      assertThatThrownBy(
              () -> ZmqServer.builder(TestMethods.service(methods)).bind(first.endpoint()).start())
          .isInstanceOf(java.io.UncheckedIOException.class)
          .hasMessageContaining("did not start");
    }
  }

  @Test
  void aServerNeedsAnEndpoint() {
    assertThatThrownBy(() -> ZmqServer.builder(TestMethods.service(methods)).start())
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("endpoint");
    assertThatThrownBy(
            () -> ZmqServer.builder(TestMethods.service(methods)).socketType(SocketType.PUB))
        .isInstanceOf(IllegalArgumentException.class);
  }

  /** Close stops reading but lets the call in flight answer before the socket goes. */
  @Test
  void closeLetsTheCallsInFlightAnswer() throws Exception {
    ZmqServer server =
        ZmqServer.builder(TestMethods.service(methods))
            .socketType(SocketType.ROUTER)
            .bind("tcp://127.0.0.1:0")
            .shutdownTimeout(Duration.ofSeconds(10))
            .start();
    try (JsonRpcClient client =
        JsonRpcClient.builder()
            .transport(
                ZmqClientTransport.builder(server.endpoint()).socketType(SocketType.DEALER).build())
            .build()) {
      CompletableFuture<String> inFlight = client.callAsync("slow", String.class, 500);
      assertThat(methods.slowStarted.tryAcquire(10, TimeUnit.SECONDS)).isTrue();
      server.close();
      assertThat(inFlight.get(10, TimeUnit.SECONDS)).isEqualTo("slow 500");
    }
  }

  @Test
  void closeIsIdempotent() {
    ZmqServer server =
        ZmqServer.builder(TestMethods.service(methods)).bind("tcp://127.0.0.1:0").start();
    server.close();
    server.close();
    // The port is free again once close returns.
    try (ZmqServer again =
        ZmqServer.builder(TestMethods.service(methods)).bind(server.endpoint()).start()) {
      assertThat(again.endpoint()).isEqualTo(server.endpoint());
    }
  }

  /** A DEALER server (made for brokers) also answers a DEALER client directly. */
  @Test
  void aDealerServerAnswersADealerClient() {
    try (ZmqServer server =
            ZmqServer.builder(TestMethods.service(methods))
                .socketType(SocketType.DEALER)
                .bind("tcp://127.0.0.1:0")
                .start();
        JsonRpcClient client =
            JsonRpcZmq.client(server.endpoint(), SocketType.DEALER, Duration.ofSeconds(20))) {
      assertThat(client.call("echo", String.class, "via dealer")).isEqualTo("via dealer");
    }
  }
}
