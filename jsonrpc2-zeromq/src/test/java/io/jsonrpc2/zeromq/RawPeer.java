package io.jsonrpc2.zeromq;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.zeromq.SocketType;
import org.zeromq.ZContext;
import org.zeromq.ZMQ;

/**
 * A bare JeroMQ socket that speaks to a server frame by frame, for the tests that send what the
 * client transport never would. Single-threaded, like the socket.
 */
final class RawPeer implements AutoCloseable {
  private final ZContext context = new ZContext(1);
  private final ZMQ.Socket socket;

  RawPeer(SocketType type, String endpoint) {
    socket = context.createSocket(type);
    socket.setLinger(0);
    socket.setReceiveTimeOut(10_000);
    socket.setHandshakeIvl(
        1_000); // see ClientSocket: JeroMQ may stall a fresh connection's handshake
    socket.connect(endpoint);
  }

  ZMQ.Socket socket() {
    return socket;
  }

  ZContext context() {
    return context;
  }

  /** Sends the frames as one message. */
  RawPeer send(byte[]... frames) {
    for (int i = 0; i < frames.length; i++) {
      boolean sent = socket.send(frames[i], i < frames.length - 1 ? ZMQ.SNDMORE : 0);
      if (!sent) {
        throw new IllegalStateException("the test socket did not send");
      }
    }
    return this;
  }

  RawPeer send(String text) {
    return send(text.getBytes(StandardCharsets.UTF_8));
  }

  /** The frames of the next message; fails after 10 s without one. */
  List<byte[]> receiveFrames() {
    List<byte[]> frames = new ArrayList<>();
    do {
      byte[] frame = socket.recv(0);
      if (frame == null) {
        throw new AssertionError("no reply within 10 s");
      }
      frames.add(frame);
    } while (socket.hasReceiveMore());
    return frames;
  }

  /** The last frame of the next message, as text. */
  String receive() {
    List<byte[]> frames = receiveFrames();
    return new String(frames.get(frames.size() - 1), StandardCharsets.UTF_8);
  }

  static byte[] utf8(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }

  @Override
  public void close() {
    context.close();
  }
}
