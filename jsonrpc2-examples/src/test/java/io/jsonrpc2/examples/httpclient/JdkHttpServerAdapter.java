package io.jsonrpc2.examples.httpclient;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import io.jsonrpc2.JsonRpcService;
import io.jsonrpc2.server.TransportContext;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.TreeMap;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLContext;

/**
 * A minimal test-only HTTP server for the examples, on the JDK's built-in server at 127.0.0.1 and a
 * free port: POST bodies go to {@link JsonRpcService#handle}. It records what it received and can
 * answer the next exchange with a scripted status and body instead.
 */
final class JdkHttpServerAdapter implements AutoCloseable {
  private static final long WAIT_SECONDS = 10;

  /** A request as received; header names are matched without regard to case. */
  record Received(Map<String, List<String>> headers, String body) {
    String header(String name) {
      List<String> values = headers.get(name);
      return values == null ? null : String.join(",", values);
    }
  }

  private record Scripted(int status, String contentType, byte[] body) {}

  private final HttpServer server;
  private final String scheme;
  private final JsonRpcService service;
  private final ExecutorService executor =
      Executors.newCachedThreadPool(JdkHttpServerAdapter::daemon);
  private final BlockingQueue<Received> received = new LinkedBlockingQueue<>();
  private final Queue<Scripted> script = new ConcurrentLinkedQueue<>();

  private JdkHttpServerAdapter(HttpServer server, String scheme, JsonRpcService service) {
    this.server = server;
    this.scheme = scheme;
    this.service = service;
    server.setExecutor(executor);
    server.createContext("/rpc", this::handle);
    server.start();
  }

  static JdkHttpServerAdapter serve(JsonRpcService service) throws IOException {
    return new JdkHttpServerAdapter(HttpServer.create(loopback(), 0), "http", service);
  }

  static JdkHttpServerAdapter serveTls(JsonRpcService service, SSLContext tls) throws IOException {
    HttpsServer server = HttpsServer.create(loopback(), 0);
    server.setHttpsConfigurator(new HttpsConfigurator(tls));
    return new JdkHttpServerAdapter(server, "https", service);
  }

  private static InetSocketAddress loopback() {
    return new InetSocketAddress(InetAddress.getLoopbackAddress(), 0);
  }

  private static Thread daemon(Runnable task) {
    Thread thread = new Thread(task, "examples-http-server");
    thread.setDaemon(true);
    return thread;
  }

  String url() {
    return scheme + "://127.0.0.1:" + server.getAddress().getPort() + "/rpc";
  }

  /** The next exchange gets this status and body instead of the service's reply. */
  void replyNext(int status, String contentType, String body) {
    script.add(new Scripted(status, contentType, body.getBytes(StandardCharsets.UTF_8)));
  }

  /** The oldest request not yet taken; fails if none arrives within 10 s. */
  Received takeReceived() throws InterruptedException {
    Received next = received.poll(WAIT_SECONDS, TimeUnit.SECONDS);
    if (next == null) {
      throw new AssertionError("the server received no request within " + WAIT_SECONDS + " s");
    }
    return next;
  }

  private void handle(HttpExchange exchange) throws IOException {
    try {
      byte[] body = exchange.getRequestBody().readAllBytes();
      Map<String, List<String>> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
      exchange
          .getRequestHeaders()
          .forEach((name, values) -> headers.put(name, List.copyOf(values)));
      received.add(new Received(headers, new String(body, StandardCharsets.UTF_8)));
      Scripted scripted = script.poll();
      if (scripted != null) {
        exchange.getResponseHeaders().set("Content-Type", scripted.contentType());
        send(exchange, scripted.status(), scripted.body());
        return;
      }
      TransportContext context = TransportContext.builder("http").headers(headers).build();
      byte[] reply = service.handle(body, context).get(WAIT_SECONDS, TimeUnit.SECONDS);
      exchange.getResponseHeaders().set("Content-Type", "application/json");
      send(exchange, 200, reply);
    } catch (Exception e) {
      send(exchange, 500, ("test server failed: " + e).getBytes(StandardCharsets.UTF_8));
    } finally {
      exchange.close();
    }
  }

  private static void send(HttpExchange exchange, int status, byte[] body) throws IOException {
    if (body == null || body.length == 0) {
      exchange.sendResponseHeaders(status, -1);
    } else {
      exchange.sendResponseHeaders(status, body.length);
      exchange.getResponseBody().write(body);
    }
  }

  @Override
  public void close() {
    server.stop(0);
    executor.shutdownNow();
  }
}
