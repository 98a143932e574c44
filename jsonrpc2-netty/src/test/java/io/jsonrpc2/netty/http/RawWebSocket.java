package io.jsonrpc2.netty.http;

import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * A hand-written RFC 6455 client on a plain socket, to send exactly the frames a test needs
 * (fragments, binary, pings, nothing at all) and to see exactly what the server sends back.
 */
final class RawWebSocket implements AutoCloseable {
  static final int CONTINUATION = 0x0;
  static final int TEXT = 0x1;
  static final int BINARY = 0x2;
  static final int CLOSE = 0x8;
  static final int PING = 0x9;
  static final int PONG = 0xA;

  /** One frame as read. */
  record Frame(int opcode, boolean fin, byte[] payload) {
    String text() {
      return new String(payload, StandardCharsets.UTF_8);
    }

    /** The status code of a close frame. */
    int closeCode() {
      return ((payload[0] & 0xff) << 8) | (payload[1] & 0xff);
    }
  }

  /** The status line and headers of the answer to the upgrade request. */
  record Handshake(int status, Map<String, String> headers, String body) {}

  private static final SecureRandom RANDOM = new SecureRandom();

  private final Socket socket;
  private final DataInputStream in;
  private final OutputStream out;
  final Handshake handshake;

  private RawWebSocket(Socket socket, Handshake handshake, DataInputStream in) throws IOException {
    this.socket = socket;
    this.in = in;
    this.out = socket.getOutputStream();
    this.handshake = handshake;
  }

  /** Connects and sends the upgrade request with {@code headers} (name, value, name, value...). */
  static RawWebSocket connect(int port, String path, String... headers) throws IOException {
    return connect(new Socket("127.0.0.1", port), port, path, headers);
  }

  static RawWebSocket connect(Socket socket, int port, String path, String... headers)
      throws IOException {
    socket.setSoTimeout(10_000);
    byte[] nonce = new byte[16];
    RANDOM.nextBytes(nonce);
    StringBuilder request =
        new StringBuilder()
            .append("GET ")
            .append(path)
            .append(" HTTP/1.1\r\nHost: 127.0.0.1:")
            .append(port)
            .append("\r\nUpgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Key: ")
            .append(Base64.getEncoder().encodeToString(nonce))
            .append("\r\nSec-WebSocket-Version: 13\r\n");
    for (int i = 0; i < headers.length; i += 2) {
      request.append(headers[i]).append(": ").append(headers[i + 1]).append("\r\n");
    }
    request.append("\r\n");
    socket.getOutputStream().write(request.toString().getBytes(StandardCharsets.US_ASCII));
    socket.getOutputStream().flush();
    DataInputStream in = new DataInputStream(socket.getInputStream());
    String statusLine = readLine(in);
    int status = Integer.parseInt(statusLine.split(" ")[1]);
    Map<String, String> answerHeaders = new LinkedHashMap<>();
    for (String line = readLine(in); !line.isEmpty(); line = readLine(in)) {
      int colon = line.indexOf(':');
      answerHeaders.put(
          line.substring(0, colon).strip().toLowerCase(Locale.ROOT),
          line.substring(colon + 1).strip());
    }
    String body = "";
    String length = answerHeaders.get("content-length");
    if (status != 101 && length != null) {
      byte[] bytes = new byte[Integer.parseInt(length)];
      in.readFully(bytes);
      body = new String(bytes, StandardCharsets.UTF_8);
    }
    return new RawWebSocket(socket, new Handshake(status, answerHeaders, body), in);
  }

  private static String readLine(DataInputStream in) throws IOException {
    ByteArrayOutputStream line = new ByteArrayOutputStream();
    int b;
    while ((b = in.read()) != '\n') {
      if (b < 0) {
        throw new IOException("connection closed in the handshake answer");
      }
      if (b != '\r') {
        line.write(b);
      }
    }
    return line.toString(StandardCharsets.US_ASCII);
  }

  void sendText(String text) throws IOException {
    send(TEXT, true, text.getBytes(StandardCharsets.UTF_8));
  }

  /** Sends one masked frame, as a client must. */
  void send(int opcode, boolean fin, byte[] payload) throws IOException {
    ByteArrayOutputStream frame = new ByteArrayOutputStream();
    frame.write((fin ? 0x80 : 0) | opcode);
    int length = payload.length;
    if (length < 126) {
      frame.write(0x80 | length);
    } else if (length < 65536) {
      frame.write(0x80 | 126);
      frame.write(length >>> 8);
      frame.write(length);
    } else {
      frame.write(0x80 | 127);
      for (int shift = 56; shift >= 0; shift -= 8) {
        frame.write((int) ((long) length >>> shift));
      }
    }
    byte[] mask = new byte[4];
    RANDOM.nextBytes(mask);
    frame.write(mask);
    for (int i = 0; i < length; i++) {
      frame.write(payload[i] ^ mask[i & 3]);
    }
    out.write(frame.toByteArray());
    out.flush();
  }

  /** The next frame; fails after 10 s without one. */
  Frame read() throws IOException {
    int first = in.readUnsignedByte();
    int second = in.readUnsignedByte();
    long length = second & 0x7f;
    if (length == 126) {
      length = in.readUnsignedShort();
    } else if (length == 127) {
      length = in.readLong();
    }
    byte[] payload = new byte[(int) length];
    in.readFully(payload);
    return new Frame(first & 0x0f, (first & 0x80) != 0, payload);
  }

  /** The next text frame, answering pings on the way. */
  String readText() throws IOException {
    while (true) {
      Frame frame = read();
      if (frame.opcode() == TEXT) {
        return frame.text();
      }
      if (frame.opcode() == PING) {
        send(PONG, true, frame.payload());
      } else if (frame.opcode() == CLOSE) {
        throw new IOException("closed by the server with " + frame.closeCode());
      }
    }
  }

  /** The next text frame within {@code millis}, or null when none comes in time. */
  String readTextWithin(int millis) throws IOException {
    socket.setSoTimeout(millis);
    try {
      return readText();
    } catch (SocketTimeoutException e) {
      return null;
    } finally {
      socket.setSoTimeout(10_000);
    }
  }

  /** Whether the server has closed the TCP connection (reads end), within 10 s. */
  boolean isClosedByServer() throws IOException {
    try {
      while (in.read() >= 0) {
        // skip what is left
      }
      return true;
    } catch (SocketTimeoutException e) {
      return false;
    }
  }

  @Override
  public void close() throws IOException {
    socket.close();
  }
}
