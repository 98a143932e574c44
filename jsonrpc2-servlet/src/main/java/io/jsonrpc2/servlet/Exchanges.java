package io.jsonrpc2.servlet;

import io.jsonrpc2.server.HttpAnswer;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.net.UnknownHostException;

/** The servlet API side of an exchange: headers in, body in, {@link HttpAnswer} out. */
final class Exchanges {
  private Exchanges() {}

  /** The peer; the container gives its IP as text, which is parsed here, never looked up. */
  static SocketAddress remoteAddressOf(HttpServletRequest request) {
    String ip = request.getRemoteAddr();
    if (ip == null) {
      return null;
    }
    int port = request.getRemotePort();
    byte[] v4 = parseIpv4(ip);
    try {
      // getByName parses a literal without DNS; IPv4, the common case, skips even that.
      InetAddress address = v4 != null ? InetAddress.getByAddress(v4) : InetAddress.getByName(ip);
      return new InetSocketAddress(address, port);
    } catch (UnknownHostException e) {
      return InetSocketAddress.createUnresolved(ip, port);
    }
  }

  /** The four bytes of a dotted-quad IPv4 literal, or null for anything else. */
  static byte[] parseIpv4(String text) {
    byte[] bytes = new byte[4];
    int part = 0;
    int value = -1;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c >= '0' && c <= '9') {
        value = (value < 0 ? 0 : value * 10) + (c - '0');
        if (value > 255) {
          return null;
        }
      } else if (c == '.' && value >= 0 && part < 3) {
        bytes[part++] = (byte) value;
        value = -1;
      } else {
        return null;
      }
    }
    if (part != 3 || value < 0) {
      return null;
    }
    bytes[3] = (byte) value;
    return bytes;
  }

  /** The body, or null when it is longer than {@code max}. */
  static byte[] readBody(HttpServletRequest request, long max) throws IOException {
    long declared = request.getContentLengthLong();
    if (declared > max) {
      return null;
    }
    InputStream in = request.getInputStream();
    if (declared >= 0) {
      return in.readNBytes((int) declared);
    }
    ByteArrayOutputStream body = new ByteArrayOutputStream(1024);
    byte[] chunk = new byte[8192];
    int read;
    while ((read = in.read(chunk)) >= 0) {
      if (body.size() + (long) read > max) {
        return null;
      }
      body.write(chunk, 0, read);
    }
    return body.toByteArray();
  }

  /**
   * Sends a refusal decided before the body was read. The body is read and dropped first (up to
   * {@code max} bytes), so that the connection stays usable for the client's next request: a
   * container that finds unread content after the response may close the connection under a
   * client that is already reusing it. A body the client has not sent yet because it waits for
   * {@code 100 Continue}, or one over {@code max}, is not read: the connection is closed instead.
   */
  static void refuse(HttpServletRequest request, HttpServletResponse response, HttpAnswer answer, long max)
      throws IOException {
    boolean waitsForContinue = "100-continue".equalsIgnoreCase(request.getHeader("Expect"));
    if (answer.status() == 413 || waitsForContinue || !drain(request, max)) {
      response.setHeader("Connection", "close");
    }
    write(response, answer);
  }

  /** Reads and drops the body; false if it is longer than {@code max}. */
  private static boolean drain(HttpServletRequest request, long max) throws IOException {
    long declared = request.getContentLengthLong();
    if (declared == 0 || (declared < 0 && request.getHeader("Transfer-Encoding") == null)) {
      return true;
    }
    if (declared > max) {
      return false;
    }
    InputStream in = request.getInputStream();
    byte[] sink = new byte[8192];
    long total = 0;
    int read;
    while ((read = in.read(sink)) >= 0) {
      total += read;
      if (total > max) {
        return false;
      }
    }
    return true;
  }

  static void write(HttpServletResponse response, HttpAnswer answer) throws IOException {
    response.setStatus(answer.status());
    answer.headers().forEach(response::setHeader);
    if (answer.hasBody()) {
      response.setContentLength(answer.body().length);
      response.getOutputStream().write(answer.body());
    } else if (answer.status() != 204) {
      response.setContentLength(0);
    }
  }
}
