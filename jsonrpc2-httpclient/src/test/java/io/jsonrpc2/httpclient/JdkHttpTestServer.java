package io.jsonrpc2.httpclient;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import io.jsonrpc2.JsonRpcService;
import io.jsonrpc2.server.TransportContext;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.TreeMap;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLContext;

/**
 * A test-only JSON-RPC server on the JDK's built-in HTTP server, on 127.0.0.1 and a free port: it
 * hands each POST body to {@link JsonRpcService#handle} and writes back the reply (200 with an
 * empty body when none is due). A test can script the next replies (status, headers, body) or hold
 * the next exchange on a latch, and reads what the server received from {@link #takeReceived()}.
 */
final class JdkHttpTestServer implements AutoCloseable {
  static final String PATH = "/rpc";
  private static final long WAIT_SECONDS = 10;

  /** One request as the server got it; header names are matched without regard to case. */
  record Received(String method, String path, Map<String, List<String>> headers, String body) {
    String header(String name) {
      List<String> values = headers.get(name);
      return values == null ? null : String.join(",", values);
    }
  }

  private sealed interface Action {}

  private record Scripted(int status, Map<String, String> headers, byte[] body, boolean chunked)
      implements Action {}

  private record Hold(CountDownLatch release) implements Action {}

  private final HttpServer server;
  private final ExecutorService executor;
  private final JsonRpcService service;
  private final String scheme;
  private final BlockingQueue<Received> received = new LinkedBlockingQueue<>();
  private final Queue<Action> script = new ConcurrentLinkedQueue<>();
  private volatile boolean emptyRepliesAre204;

  private JdkHttpTestServer(HttpServer server, JsonRpcService service, String scheme) {
    this.server = server;
    this.service = service;
    this.scheme = scheme;
    this.executor =
        Executors.newCachedThreadPool(
            task -> {
              Thread thread = new Thread(task, "test-http-server");
              thread.setDaemon(true);
              return thread;
            });
    server.setExecutor(executor);
    server.createContext(PATH, this::handle);
    server.start();
  }

  static JdkHttpTestServer serve(JsonRpcService service) throws IOException {
    return new JdkHttpTestServer(HttpServer.create(loopback(), 0), service, "http");
  }

  static JdkHttpTestServer serveTls(JsonRpcService service, SSLContext context) throws IOException {
    HttpsServer server = HttpsServer.create(loopback(), 0);
    server.setHttpsConfigurator(new HttpsConfigurator(context));
    return new JdkHttpTestServer(server, service, "https");
  }

  private static InetSocketAddress loopback() {
    return new InetSocketAddress(InetAddress.getLoopbackAddress(), 0);
  }

  URI uri() {
    return URI.create(scheme + "://127.0.0.1:" + server.getAddress().getPort() + PATH);
  }

  /**
   * The next unscripted exchange is answered with {@code status}, a content type and {@code body}.
   */
  JdkHttpTestServer reply(int status, String contentType, String body) {
    return reply(status, Map.of("Content-Type", contentType), body);
  }

  /** The next exchange is answered as given instead of by the service; a null body sends none. */
  JdkHttpTestServer reply(int status, Map<String, String> headers, String body) {
    script.add(
        new Scripted(
            status, headers, body == null ? null : body.getBytes(StandardCharsets.UTF_8), false));
    return this;
  }

  /** As {@link #reply(int, String, String)}, sent chunked: without a Content-Length. */
  JdkHttpTestServer replyChunked(int status, String contentType, String body) {
    script.add(
        new Scripted(
            status,
            Map.of("Content-Type", contentType),
            body.getBytes(StandardCharsets.UTF_8),
            true));
    return this;
  }

  /** The next exchange waits for {@code release} (at most 10 s), then is served normally. */
  JdkHttpTestServer hold(CountDownLatch release) {
    script.add(new Hold(release));
    return this;
  }

  /** Answers messages that need no reply with 204 instead of 200 and an empty body. */
  JdkHttpTestServer answerEmptyWith204() {
    emptyRepliesAre204 = true;
    return this;
  }

  /** The oldest request not yet taken; fails if none arrives within 10 s. */
  Received takeReceived() throws InterruptedException {
    Received next = received.poll(WAIT_SECONDS, TimeUnit.SECONDS);
    if (next == null) {
      throw new AssertionError("the server received no request within " + WAIT_SECONDS + " s");
    }
    return next;
  }

  /** How many requests wait in {@link #takeReceived()}'s queue. */
  int receivedCount() {
    return received.size();
  }

  private void handle(HttpExchange exchange) throws IOException {
    try {
      byte[] body = exchange.getRequestBody().readAllBytes();
      Map<String, List<String>> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
      exchange
          .getRequestHeaders()
          .forEach((name, values) -> headers.put(name, List.copyOf(values)));
      received.add(
          new Received(
              exchange.getRequestMethod(),
              exchange.getRequestURI().getPath(),
              headers,
              new String(body, StandardCharsets.UTF_8)));
      Action action = script.poll();
      if (action instanceof Scripted scripted) {
        scripted.headers().forEach((name, value) -> exchange.getResponseHeaders().set(name, value));
        if (scripted.chunked()) {
          exchange.sendResponseHeaders(scripted.status(), 0);
          exchange.getResponseBody().write(scripted.body());
        } else {
          send(exchange, scripted.status(), scripted.body());
        }
        return;
      }
      if (action instanceof Hold hold) {
        hold.release().await(WAIT_SECONDS, TimeUnit.SECONDS);
      }
      TransportContext context =
          TransportContext.builder("http")
              .remoteAddress(exchange.getRemoteAddress())
              .headers(headers)
              .build();
      byte[] reply = service.handle(body, context).get(WAIT_SECONDS, TimeUnit.SECONDS);
      if (reply == null) {
        send(exchange, emptyRepliesAre204 ? 204 : 200, null);
      } else {
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        send(exchange, 200, reply);
      }
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
