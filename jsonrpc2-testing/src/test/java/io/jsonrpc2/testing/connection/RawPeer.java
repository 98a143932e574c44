package io.jsonrpc2.testing.connection;

import static org.assertj.core.api.Assertions.assertThat;

import io.jsonrpc2.connection.MessageChannel;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;

/**
 * The other end of an in-memory connection, speaking raw messages, for tests that check the wire.
 */
final class RawPeer implements MessageChannel.Listener {
  private final MessageChannel channel;
  private final BlockingQueue<String> received = new LinkedBlockingQueue<>();

  private RawPeer(MessageChannel channel) {
    this.channel = channel;
  }

  static RawPeer on(MessageChannel channel) {
    RawPeer peer = new RawPeer(channel);
    channel.start(peer);
    return peer;
  }

  void send(String message) {
    channel.send(message.getBytes(StandardCharsets.UTF_8)).join();
  }

  String next() throws InterruptedException {
    String message = received.poll(10, TimeUnit.SECONDS);
    assertThat(message).as("a message within 10 s").isNotNull();
    return message;
  }

  @Override
  public void onMessage(byte[] message) {
    received.add(new String(message, StandardCharsets.UTF_8));
  }

  @Override
  public void onClosed(@Nullable Throwable cause) {}
}
