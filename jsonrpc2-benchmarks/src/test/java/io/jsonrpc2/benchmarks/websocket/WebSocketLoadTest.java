package io.jsonrpc2.benchmarks.websocket;

import static org.assertj.core.api.Assertions.assertThat;

import io.jsonrpc2.benchmarks.netstring.NetstringLoad;
import io.jsonrpc2.netty.NettyTransport;
import io.netty.channel.EventLoopGroup;
import io.netty.util.concurrent.DefaultThreadFactory;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The load generator gets right replies, pipelined and not, from every server the script runs. */
@org.junit.jupiter.api.Timeout(60)
class WebSocketLoadTest {
  private static final NettyTransport TRANSPORT = NettyTransport.best();
  private static EventLoopGroup group;

  @BeforeAll
  static void startLoop() {
    group = TRANSPORT.newEventLoopGroup(1, new DefaultThreadFactory("websocket-load-test"));
  }

  @AfterAll
  static void stopLoop() {
    group.shutdownGracefully(0, 1, TimeUnit.SECONDS).syncUninterruptibly();
  }

  @ParameterizedTest
  @ValueSource(strings = {"raw", "jsonrpc", "plain"})
  void everyReplyCountedIsRight(String mode) throws Exception {
    try (WebSocketLoadServer.Running server = WebSocketLoadServer.start(mode, 0, 1)) {
      for (int[] row : new int[][] {{1, 8}, {4, 1}}) {
        NetstringLoad.Row result =
            NetstringLoad.run(
                group,
                TRANSPORT,
                WebSocketLoad.FRAMING,
                "127.0.0.1",
                server.port(),
                row[0],
                row[1],
                1,
                1,
                ProcessHandle.current().pid(),
                mode);
        assertThat(result.replies().count()).as(result.tableRow()).isPositive();
        assertThat(result.replies().errors()).as(result.tableRow()).isZero();
        assertThat(result.tableRow()).startsWith("| " + mode + " | " + row[0] + " x " + row[1]);
      }
    }
  }
}
