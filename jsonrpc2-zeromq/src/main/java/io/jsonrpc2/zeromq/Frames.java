package io.jsonrpc2.zeromq;

import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.zeromq.SocketType;
import org.zeromq.ZMQ;
import zmq.Msg;
import zmq.io.Metadata;

/**
 * One ZeroMQ message split into its routing envelope and its payload frames.
 *
 * <p>The envelope is what must be sent back in front of a reply so that it finds its way: for a
 * ROUTER socket the peer's routing id, then every frame up to and including the last empty
 * delimiter frame (a REQ peer and every hop of a broker put them there); a DEALER socket sees no
 * routing id of its own but may see the frames a broker added. A REP socket strips the envelope
 * itself, so there it is empty.
 *
 * @param envelope the frames to send back before the reply, in order
 * @param payload the frames after the envelope; one for a well-formed JSON-RPC message
 * @param peerAddress the TCP peer's "host:port" as ZeroMQ reports it, or null when unknown
 */
record Frames(List<byte[]> envelope, List<byte[]> payload, @Nullable String peerAddress) {
  private static final byte[] EMPTY = new byte[0];

  /**
   * True when the peer waits for an answer to every message: a REQ socket, or a broker before one.
   */
  boolean peerAlwaysWaits(SocketType socketType) {
    return socketType == SocketType.REP
        || (!envelope.isEmpty() && envelope.get(envelope.size() - 1).length == 0);
  }

  /** The single payload frame, or an empty array when the message had no payload frame at all. */
  byte[] body() {
    return payload.isEmpty() ? EMPTY : payload.get(0);
  }

  /** The payload's total size in bytes. */
  long payloadSize() {
    long size = 0;
    for (byte[] frame : payload) {
      size += frame.length;
    }
    return size;
  }

  /**
   * Reads the next whole message without waiting, or returns null when none is there. The parts of
   * a multi-part message arrive together, so only the first is waited for.
   */
  static @Nullable Frames receive(ZMQ.Socket socket, SocketType socketType) {
    Msg first = socket.recvMsg(ZMQ.DONTWAIT);
    if (first == null) {
      return null;
    }
    List<byte[]> frames = new ArrayList<>(4);
    String peer = null;
    Msg part = first;
    while (true) {
      frames.add(part.data() == null ? EMPTY : part.data());
      Metadata metadata = part.getMetadata();
      if (peer == null && metadata != null) {
        peer = metadata.get(Metadata.PEER_ADDRESS);
      }
      if (!part.hasMore()) {
        break;
      }
      part = socket.recvMsg(0);
      if (part == null) {
        break;
      }
    }
    int payloadStart = envelopeLength(frames, socketType);
    return new Frames(
        List.copyOf(frames.subList(0, payloadStart)),
        List.copyOf(frames.subList(payloadStart, frames.size())),
        peer);
  }

  private static int envelopeLength(List<byte[]> frames, SocketType socketType) {
    if (socketType == SocketType.REP || socketType == SocketType.REQ) {
      return 0;
    }
    // The last frame is the body even when it is empty, so the delimiter is looked for before it.
    for (int i = frames.size() - 2; i >= 0; i--) {
      if (frames.get(i).length == 0) {
        return i + 1;
      }
    }
    // No delimiter (a DEALER peer): a ROUTER still owes the peer its routing id.
    return socketType == SocketType.ROUTER ? Math.min(1, frames.size()) : 0;
  }

  /**
   * Sends {@code envelope} then {@code body} as one message without waiting; false when the socket
   * would have had to wait (no peer, or the peer's queue is full).
   */
  static boolean send(ZMQ.Socket socket, List<byte[]> envelope, byte[] body) {
    for (byte[] frame : envelope) {
      if (!socket.send(frame, ZMQ.SNDMORE | ZMQ.DONTWAIT)) {
        return false;
      }
    }
    return socket.send(body, ZMQ.DONTWAIT);
  }
}
