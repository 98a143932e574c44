package io.jsonrpc2.servlet;

import io.jsonrpc2.http.HeaderMap;
import io.jsonrpc2.http.HttpAnswer;
import io.jsonrpc2.http.RefusalEnding;
import jakarta.servlet.AsyncContext;
import jakarta.servlet.AsyncEvent;
import jakarta.servlet.AsyncListener;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.net.UnknownHostException;
import java.util.Enumeration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import org.jspecify.annotations.Nullable;

/** The servlet API side of an exchange: headers in, body in, {@link HttpAnswer} out. */
final class Exchanges {
  private Exchanges() {}

  static HeaderMap headersOf(HttpServletRequest request) {
    HeaderMap headers = new HeaderMap();
    Enumeration<String> names = request.getHeaderNames();
    while (names != null && names.hasMoreElements()) {
      String name = names.nextElement();
      Enumeration<String> values = request.getHeaders(name);
      while (values.hasMoreElements()) {
        headers.add(name, values.nextElement());
      }
    }
    return headers.seal();
  }

  /** The peer; the container gives its IP as text, which is parsed here, never looked up. */
  static @Nullable SocketAddress remoteAddressOf(HttpServletRequest request) {
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
  static byte @Nullable [] parseIpv4(String text) {
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
  static byte @Nullable [] readBody(HttpServletRequest request, long max) throws IOException {
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
   * Sends a refusal decided before the body was read, ended as {@link RefusalEnding} says. For
   * {@link RefusalEnding#DRAIN} the body is read and dropped first (up to {@code max} bytes), so
   * that the connection stays usable for the client's next request: a container that finds unread
   * content after the response may close the connection under a client that is already reusing it.
   * A body over {@code max} gets {@link #answerAndLinger}, like {@link RefusalEnding#LINGER}.
   */
  static void refuse(
      HttpServletRequest request,
      HttpServletResponse response,
      HttpAnswer answer,
      Map<String, List<String>> headers,
      long max)
      throws IOException {
    RefusalEnding ending = RefusalEnding.of(answer, headers);
    if (ending == RefusalEnding.CLOSE) {
      response.setHeader("Connection", "close");
      write(response, answer);
    } else if (ending == RefusalEnding.DRAIN && drain(request, max)) {
      write(response, answer);
    } else {
      answerAndLinger(request, response, answer);
    }
  }

  /**
   * Sends an answer that closes the connection while the client may still be sending the body (a
   * 413): the answer goes out at once, then the rest of the body is read and dropped, up to {@value
   * RefusalEnding#LINGER_BYTES} bytes or {@value RefusalEnding#LINGER_MILLIS} ms, before the
   * container closes the connection. Closing with unread bytes makes TCP reset the connection, and
   * a client still sending may then lose the answer. The dropping is asynchronous when the servlet
   * supports async (no container thread waits for a slow client); otherwise it blocks, bounded in
   * bytes.
   */
  static void answerAndLinger(
      HttpServletRequest request, HttpServletResponse response, HttpAnswer answer)
      throws IOException {
    response.setHeader("Connection", "close");
    write(response, answer);
    response.flushBuffer();
    if (!hasBody(request)) {
      return;
    }
    ServletInputStream in = request.getInputStream();
    if (!request.isAsyncSupported()) {
      drain(in, RefusalEnding.LINGER_BYTES);
      return;
    }
    AsyncContext async = request.startAsync();
    async.setTimeout(RefusalEnding.LINGER_MILLIS);
    AtomicBoolean done = new AtomicBoolean();
    Runnable finish =
        () -> {
          if (done.compareAndSet(false, true)) {
            async.complete();
          }
        };
    async.addListener(
        new AsyncListener() {
          @Override
          public void onTimeout(AsyncEvent event) {
            finish.run();
          }

          @Override
          public void onError(AsyncEvent event) {
            finish.run();
          }

          @Override
          public void onComplete(AsyncEvent event) {}

          @Override
          public void onStartAsync(AsyncEvent event) {}
        });
    in.setReadListener(
        new ReadListener() {
          private final byte[] sink = new byte[8192];
          private long dropped;

          @Override
          public void onDataAvailable() throws IOException {
            while (in.isReady()) {
              int read = in.read(sink);
              if (read < 0) {
                return; // onAllDataRead follows
              }
              dropped += read;
              if (dropped > RefusalEnding.LINGER_BYTES) {
                finish.run();
                return;
              }
            }
          }

          @Override
          public void onAllDataRead() {
            finish.run();
          }

          @Override
          public void onError(Throwable failure) {
            finish.run();
          }
        });
  }

  private static boolean hasBody(HttpServletRequest request) {
    long declared = request.getContentLengthLong();
    return declared > 0 || (declared < 0 && request.getHeader("Transfer-Encoding") != null);
  }

  /** Reads and drops the body; false if it is longer than {@code max}. */
  private static boolean drain(HttpServletRequest request, long max) throws IOException {
    if (!hasBody(request)) {
      return true;
    }
    if (request.getContentLengthLong() > max) {
      return false;
    }
    return drain(request.getInputStream(), max);
  }

  /**
   * Reads and drops what {@code in} has left; false, having read just over {@code max}, if that is
   * more.
   */
  private static boolean drain(InputStream in, long max) throws IOException {
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
