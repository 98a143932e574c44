package io.jsonrpc2.examples.zeromq;

import static org.assertj.core.api.Assertions.assertThat;

import io.jsonrpc2.zeromq.ZmqServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.zeromq.SocketType;

/** Runs the ZeroMQ examples that docs/zeromq.md quotes. */
@Timeout(60)
class ZeroMqExamplesTest {

  @Test
  void theClientExamplesGetTheirAnswers() {
    Animals animals = new Animals();
    try (ZmqServer server =
        ZmqServerExample.start("tcp://127.0.0.1:0", SocketType.ROUTER, animals)) {
      assertThat(ZmqClientExample.run(server.endpoint()))
          .containsExactly(
              "cat: meow",
              "cube(0) = 0",
              "cube(1) = 1",
              "cube(2) = 8",
              "cube(3) = 27",
              "cube(4) = 64",
              "cube(5) = 125",
              "cube(6) = 216",
              "cube(7) = 343",
              "cube(8) = 512",
              "cube(9) = 729",
              "dealer: 24502500",
              "timeout: meow");
      // The REQ socket had the notification's empty answer before the example went on.
      assertThat(animals.logged()).containsExactly("ten cubes done");
    }
  }

  @Test
  void theClientExamplesWorkAgainstARepServerToo() {
    try (ZmqServer server =
        ZmqServerExample.start("tcp://127.0.0.1:0", SocketType.REP, new Animals())) {
      assertThat(ZmqClientExample.run(server.endpoint()))
          .startsWith("cat: meow")
          .endsWith("timeout: meow");
    }
  }

  @Test
  void theBrokerSpreadsCallsOverBothWorkers() {
    assertThat(ZmqBrokerExample.demo()).containsExactly("worker-1", "worker-2");
  }
}
