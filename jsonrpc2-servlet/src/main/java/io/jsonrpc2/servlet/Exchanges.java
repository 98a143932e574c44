package io.jsonrpc2.servlet;

import io.jsonrpc2.server.HttpAnswer;
import io.jsonrpc2.server.HttpRules;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Enumeration;
import java.util.List;
import java.util.Map;

/** The servlet API side of an exchange: headers in, body in, {@link HttpAnswer} out. */
final class Exchanges {
  private Exchanges() {}

  static Map<String, List<String>> headersOf(HttpServletRequest request) {
    Map<String, List<String>> headers = HttpRules.newHeaderMap();
    Enumeration<String> names = request.getHeaderNames();
    while (names.hasMoreElements()) {
      String name = names.nextElement();
      Enumeration<String> values = request.getHeaders(name);
      String first = values.nextElement();
      if (!values.hasMoreElements()) {
        headers.put(name, List.of(first));
      } else {
        List<String> all = new ArrayList<>();
        all.add(first);
        all.addAll(Collections.list(values));
        headers.put(name, List.copyOf(all));
      }
    }
    return headers;
  }

  /** The peer; the container gives its IP as text, which is parsed, never looked up. */
  static SocketAddress remoteAddressOf(HttpServletRequest request) {
    String ip = request.getRemoteAddr();
    if (ip == null) {
      return null;
    }
    try {
      // A literal address is parsed without DNS; only a container that hands out host names
      // (none known) would cause a lookup here.
      return new InetSocketAddress(InetAddress.getByName(ip), request.getRemotePort());
    } catch (UnknownHostException e) {
      return InetSocketAddress.createUnresolved(ip, request.getRemotePort());
    }
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
