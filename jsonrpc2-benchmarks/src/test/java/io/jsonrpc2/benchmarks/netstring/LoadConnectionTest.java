package io.jsonrpc2.benchmarks.netstring;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** A load connection counts only replies that carry an awaited id and no error. */
class LoadConnectionTest {

  @Test
  void wrongIdsAndErrorsAreCountedAsErrors() {
    LoadStats stats = new LoadStats();
    EmbeddedChannel channel = new EmbeddedChannel(new LoadConnection(2, stats));
    assertThat(drainOutbound(channel)).isEqualTo(2);

    channel.writeInbound(reply("{\"jsonrpc\":\"2.0\",\"result\":\"hello\",\"id\":1}"));
    assertThat(drainOutbound(channel)).as("the next request of slot 1").isEqualTo(1);
    channel.writeInbound(reply("{\"jsonrpc\":\"2.0\",\"result\":\"hello\",\"id\":7}"));
    channel.writeInbound(reply("{\"jsonrpc\":\"2.0\",\"result\":\"hello\",\"id\":null}"));
    channel.writeInbound(
        reply("{\"jsonrpc\":\"2.0\",\"error\":{\"code\":-32601,\"message\":\"no\"},\"id\":0}"));

    LoadStats.Snapshot snapshot = stats.snapshot();
    assertThat(snapshot.count()).isEqualTo(4);
    assertThat(snapshot.errors()).isEqualTo(3);
    channel.finishAndReleaseAll();
  }

  private static ByteBuf reply(String json) {
    return Unpooled.copiedBuffer(json, StandardCharsets.UTF_8);
  }

  private static int drainOutbound(EmbeddedChannel channel) {
    int frames = 0;
    for (Object out; (out = channel.readOutbound()) != null; frames++) {
      ((ByteBuf) out).release();
    }
    return frames;
  }
}
