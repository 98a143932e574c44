package io.jsonrpc2.netty.netstring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.handler.codec.CorruptedFrameException;
import io.netty.handler.codec.TooLongFrameException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class NetstringCodecTest {

  private static ByteBuf bytes(String text) {
    return Unpooled.copiedBuffer(text, StandardCharsets.UTF_8);
  }

  /** Reads every frame the channel produced, releasing the buffers. */
  private static List<String> frames(EmbeddedChannel channel) {
    List<String> frames = new ArrayList<>();
    ByteBuf frame;
    while ((frame = channel.readInbound()) != null) {
      frames.add(frame.toString(StandardCharsets.UTF_8));
      frame.release();
    }
    return frames;
  }

  @Test
  void decodesOneFrame() {
    EmbeddedChannel channel = new EmbeddedChannel(new NetstringDecoder(100));
    channel.writeInbound(bytes("5:hello,"));
    assertThat(frames(channel)).containsExactly("hello");
    assertThat(channel.finish()).isFalse();
  }

  @Test
  void decodesSeveralFramesFromOneRead() {
    EmbeddedChannel channel = new EmbeddedChannel(new NetstringDecoder(100));
    channel.writeInbound(bytes("3:abc,0:,12:hello world!,"));
    assertThat(frames(channel)).containsExactly("abc", "", "hello world!");
  }

  @Test
  void decodesFramesSplitAnywhere() {
    String stream = "3:abc,11:{\"a\":[1,2]},0:,";
    for (int cut = 1; cut < stream.length(); cut++) {
      EmbeddedChannel channel = new EmbeddedChannel(new NetstringDecoder(100));
      channel.writeInbound(bytes(stream.substring(0, cut)));
      channel.writeInbound(bytes(stream.substring(cut)));
      assertThat(frames(channel)).as("cut at %d", cut).containsExactly("abc", "{\"a\":[1,2]}", "");
    }
  }

  @Test
  void decodesOneByteAtATime() {
    EmbeddedChannel channel = new EmbeddedChannel(new NetstringDecoder(100));
    byte[] stream = "14:h\u00e9llo, w\u00f6rld,2:[],".getBytes(StandardCharsets.UTF_8);
    for (byte b : stream) {
      channel.writeInbound(Unpooled.wrappedBuffer(new byte[] {b}));
    }
    assertThat(frames(channel)).containsExactly("h\u00e9llo, w\u00f6rld", "[]");
  }

  @Test
  void acceptsAFrameOfExactlyTheLimit() {
    EmbeddedChannel channel = new EmbeddedChannel(new NetstringDecoder(5));
    channel.writeInbound(bytes("5:12345,"));
    assertThat(frames(channel)).containsExactly("12345");
  }

  @Test
  void rejectsAnOversizeLengthBeforeThePayloadArrives() {
    EmbeddedChannel channel = new EmbeddedChannel(new NetstringDecoder(99_999));
    // only the prefix is sent: the decoder must not wait for (or buffer) 100 000 bytes
    assertThatThrownBy(() -> channel.writeInbound(bytes("100000")))
        .isInstanceOf(TooLongFrameException.class)
        .hasMessageContaining("99999");
    assertThat(frames(channel)).isEmpty();
  }

  @Test
  void rejectsAHugeLengthWithoutOverflow() {
    EmbeddedChannel channel = new EmbeddedChannel(new NetstringDecoder(Integer.MAX_VALUE));
    assertThatThrownBy(() -> channel.writeInbound(bytes("99999999999999999999:")))
        .isInstanceOf(TooLongFrameException.class);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "x:abc,",
        "-1:a,",
        " 3:abc,",
        "3 :abc,",
        ":abc,",
        "01:a,",
        "00:,",
        "3;abc,",
        "{\"jsonrpc\"}"
      })
  void rejectsABadLengthPrefix(String stream) {
    EmbeddedChannel channel = new EmbeddedChannel(new NetstringDecoder(100));
    assertThatThrownBy(() -> channel.writeInbound(bytes(stream)))
        .isInstanceOf(CorruptedFrameException.class);
    assertThat(frames(channel)).isEmpty();
  }

  @Test
  void rejectsAMissingComma() {
    EmbeddedChannel channel = new EmbeddedChannel(new NetstringDecoder(100));
    assertThatThrownBy(() -> channel.writeInbound(bytes("3:abc;4:next,")))
        .isInstanceOf(CorruptedFrameException.class)
        .hasMessageContaining("','");
    assertThat(frames(channel)).isEmpty();
  }

  @Test
  void emitsTheGoodFramesBeforeABadOneAndNothingAfter() {
    EmbeddedChannel channel = new EmbeddedChannel(new NetstringDecoder(100));
    assertThatThrownBy(() -> channel.writeInbound(bytes("2:ok,2:no!3:abc,")))
        .isInstanceOf(CorruptedFrameException.class);
    assertThat(frames(channel)).containsExactly("ok");
    // the stream cannot be trusted any more: later bytes are discarded, even well-formed ones
    channel.writeInbound(bytes("3:abc,"));
    assertThat(frames(channel)).isEmpty();
  }

  @Test
  void encodesAsTwistedDoes() {
    EmbeddedChannel channel = new EmbeddedChannel(NetstringEncoder.INSTANCE);
    channel.writeOutbound(bytes("hello"), bytes(""), bytes("h\u00e9"));
    List<String> written = new ArrayList<>();
    ByteBuf out;
    while ((out = channel.readOutbound()) != null) {
      written.add(out.toString(StandardCharsets.UTF_8));
      out.release();
    }
    assertThat(written).containsExactly("5:hello,", "0:,", "3:h\u00e9,");
  }

  @Test
  void encoderAndDecoderRoundTripLargeFrames() {
    String payload = "x".repeat(1_234_567);
    EmbeddedChannel writer = new EmbeddedChannel(NetstringEncoder.INSTANCE);
    writer.writeOutbound(bytes(payload));
    ByteBuf wire = writer.readOutbound();
    assertThat(wire.readableBytes()).isEqualTo(NetstringEncoder.frameSize(payload.length()));
    EmbeddedChannel reader = new EmbeddedChannel(new NetstringDecoder(2_000_000));
    reader.writeInbound(wire);
    assertThat(frames(reader)).containsExactly(payload);
  }
}
