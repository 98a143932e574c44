package io.jsonrpc2.testing;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;

/**
 * One plain TCP connection to an HTTP server, for tests that need what an HTTP client library
 * hides: exact bytes on the wire, several requests on one connection, pipelining, HTTP/1.0, and
 * seeing whether the server closed the connection.
 *
 * <p>Not thread-safe. Reads time out after 10 seconds so a test never hangs.
 */
public final class RawHttpConnection implements AutoCloseable {
  private final Socket socket;
  private final InputStream in;
  private final OutputStream out;

  /**
   * An HTTP response as read from the wire.
   *
   * @param status the status code
   * @param headers header values by lower-case name (the last value when repeated)
   * @param body the body, de-chunked
   */
  // Read once by the test that sent the request; never compared or kept.
  @SuppressWarnings("ArrayRecordComponent")
  public record Response(int status, Map<String, String> headers, byte[] body) {
    public String bodyText() {
      return new String(body, StandardCharsets.UTF_8);
    }

    /** A header's value, the name matched without regard to case, or null. */
    public @Nullable String header(String name) {
      return headers.get(name.toLowerCase(Locale.ROOT));
    }
  }

  public RawHttpConnection(String host, int port) throws IOException {
    socket = new Socket();
    socket.connect(new InetSocketAddress(host, port), 5_000);
    socket.setSoTimeout(10_000);
    in = socket.getInputStream();
    out = socket.getOutputStream();
  }

  /** Writes bytes as they are. */
  public RawHttpConnection send(String raw) throws IOException {
    out.write(raw.getBytes(StandardCharsets.UTF_8));
    out.flush();
    return this;
  }

  /** A request with a Content-Length body, the given extra header lines ("Name: value"). */
  public static String post(String path, String body, String... headerLines) {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    StringBuilder request = new StringBuilder("POST " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\n");
    for (String line : headerLines) {
      request.append(line).append("\r\n");
    }
    return request
        .append("Content-Length: ")
        .append(bytes.length)
        .append("\r\n\r\n")
        .append(body)
        .toString();
  }

  /** Reads one response; the body by Content-Length, chunked encoding, or up to the close. */
  public Response read() throws IOException {
    String statusLine = readLine();
    if (statusLine == null) {
      throw new IOException("the server closed the connection before answering");
    }
    int status = Integer.parseInt(statusLine.split(" ", 3)[1]);
    Map<String, String> headers = new TreeMap<>();
    String line;
    while ((line = readLine()) != null && !line.isEmpty()) {
      int colon = line.indexOf(':');
      headers.put(
          line.substring(0, colon).strip().toLowerCase(Locale.ROOT),
          line.substring(colon + 1).strip());
    }
    if (status == 100) {
      return new Response(status, headers, new byte[0]);
    }
    byte[] body;
    if ("chunked".equalsIgnoreCase(headers.get("transfer-encoding"))) {
      body = readChunked();
    } else if (headers.containsKey("content-length")) {
      body = in.readNBytes(Integer.parseInt(headers.get("content-length")));
    } else if (status == 204 || status == 304) {
      body = new byte[0];
    } else {
      body = in.readAllBytes();
    }
    return new Response(status, headers, body);
  }

  /** True when the server has closed the connection (reads end of stream). */
  public boolean isClosedByServer() throws IOException {
    try {
      return in.read() < 0;
    } catch (java.net.SocketException reset) {
      return true; // a reset is a close too
    }
  }

  private byte[] readChunked() throws IOException {
    ByteArrayOutputStream body = new ByteArrayOutputStream();
    while (true) {
      String sizeLine = lineBeforeClose();
      int size = Integer.parseInt(sizeLine.split(";", 2)[0].strip(), 16);
      if (size == 0) {
        while (!lineBeforeClose().isEmpty()) {
          // trailers: none expected, skipped
        }
        return body.toByteArray();
      }
      body.write(in.readNBytes(size));
      readLine();
    }
  }

  private String lineBeforeClose() throws IOException {
    String line = readLine();
    if (line == null) {
      throw new IOException("the server closed the connection in the middle of a chunked body");
    }
    return line;
  }

  private @Nullable String readLine() throws IOException {
    ByteArrayOutputStream line = new ByteArrayOutputStream();
    int b;
    while ((b = in.read()) >= 0) {
      if (b == '\n') {
        byte[] bytes = line.toByteArray();
        int length =
            bytes.length > 0 && bytes[bytes.length - 1] == '\r' ? bytes.length - 1 : bytes.length;
        return new String(bytes, 0, length, StandardCharsets.ISO_8859_1);
      }
      line.write(b);
    }
    return line.size() == 0 ? null : line.toString(StandardCharsets.ISO_8859_1);
  }

  @Override
  public void close() throws IOException {
    socket.close();
  }
}
