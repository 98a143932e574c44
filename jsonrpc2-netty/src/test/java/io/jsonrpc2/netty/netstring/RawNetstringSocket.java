package io.jsonrpc2.netty.netstring;

import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;

/**
 * A plain blocking socket that writes and reads netstrings by hand, independent of the codec under
 * test: how tests send malformed bytes and see exactly what the server answers.
 */
final class RawNetstringSocket implements AutoCloseable {
  private final Socket socket;
  private final InputStream in;
  private final OutputStream out;

  RawNetstringSocket(int port) throws IOException {
    socket = new Socket();
    socket.connect(new InetSocketAddress("127.0.0.1", port), 5_000);
    socket.setTcpNoDelay(true);
    socket.setSoTimeout(10_000);
    in = socket.getInputStream();
    out = socket.getOutputStream();
  }

  static byte[] frame(String payload) {
    byte[] body = payload.getBytes(StandardCharsets.UTF_8);
    byte[] prefix = (body.length + ":").getBytes(StandardCharsets.US_ASCII);
    byte[] all = new byte[prefix.length + body.length + 1];
    System.arraycopy(prefix, 0, all, 0, prefix.length);
    System.arraycopy(body, 0, all, prefix.length, body.length);
    all[all.length - 1] = ',';
    return all;
  }

  void send(String payload) throws IOException {
    sendRaw(frame(payload));
  }

  void sendRaw(byte[] bytes) throws IOException {
    out.write(bytes);
    out.flush();
  }

  void sendRaw(String ascii) throws IOException {
    sendRaw(ascii.getBytes(StandardCharsets.UTF_8));
  }

  /** The next frame's payload; fails on EOF or when nothing comes within the socket timeout. */
  String read() throws IOException {
    return readFrame(in);
  }

  /** The next frame's payload from {@code in}, read by hand; fails on EOF or a bad frame. */
  static String readFrame(InputStream in) throws IOException {
    int b = in.read();
    if (b < 0) {
      throw new EOFException("connection closed by the server");
    }
    int length = 0;
    while (b != ':') {
      if (b < '0' || b > '9') {
        throw new IOException("bad length byte from the server: " + b);
      }
      length = length * 10 + (b - '0');
      b = in.read();
    }
    byte[] payload = in.readNBytes(length);
    if (payload.length != length || in.read() != ',') {
      throw new IOException("truncated netstring from the server");
    }
    return new String(payload, StandardCharsets.UTF_8);
  }

  /** The next frame, or null if none arrives within {@code millis}. */
  String readWithin(int millis) throws IOException {
    int saved = socket.getSoTimeout();
    socket.setSoTimeout(millis);
    try {
      return read();
    } catch (SocketTimeoutException e) {
      return null;
    } finally {
      socket.setSoTimeout(saved);
    }
  }

  /** True once the server has closed the connection (waits up to the socket timeout). */
  boolean closedByServer() throws IOException {
    ByteArrayOutputStream unexpected = new ByteArrayOutputStream();
    try {
      int b;
      while ((b = in.read()) >= 0) {
        unexpected.write(b);
      }
      return true;
    } catch (SocketTimeoutException e) {
      return false;
    } catch (IOException e) {
      return true; // reset
    }
  }

  @Override
  public void close() throws IOException {
    socket.close();
  }
}
