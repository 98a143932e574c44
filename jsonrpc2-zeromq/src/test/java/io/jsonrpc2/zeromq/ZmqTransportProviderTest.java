package io.jsonrpc2.zeromq;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jsonrpc2.JsonRpcClient;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** {@code zmq+tcp://} URLs through {@link JsonRpcClient#connect}. */
@Timeout(60)
class ZmqTransportProviderTest {
  @Test
  void aZmqTcpUrlConnectsToARepServer() {
    try (ZmqServer server =
            ZmqServer.builder(TestMethods.service(new TestMethods("server", 1)))
                .bind("tcp://127.0.0.1:0")
                .start();
        JsonRpcClient client =
            JsonRpcClient.connect(server.endpoint().replace("tcp://", "zmq+tcp://"))) {
      assertThat(server.endpoint()).startsWith("tcp://127.0.0.1:");
      assertThat(client.call("echo", String.class, "hello")).isEqualTo("hello");
      assertThat(client.endpoint()).isEqualTo(server.endpoint());
    }
  }

  @Test
  void aUrlWithoutAPortSaysWhatIsNeeded() {
    assertThatThrownBy(() -> JsonRpcClient.connect("zmq+tcp://127.0.0.1"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "'zmq+tcp://127.0.0.1' needs a host and a port, as in zmq+tcp://127.0.0.1:7080");
  }

  @Test
  void anUnknownSchemeNamesTheSchemesOnTheClassPathAndTheModuleToAdd() {
    assertThatThrownBy(() -> JsonRpcClient.connect("https://127.0.0.1:8443/"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("no transport for https:// URLs")
        .hasMessageContaining("add jsonrpc2-httpclient")
        .hasMessageContaining("served here: zmq+tcp://");
  }
}
