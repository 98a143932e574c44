package io.jsonrpc2.testing;

import static io.jsonrpc2.testing.JsonAssertions.assertSameJson;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jsonrpc2.JsonRpcService;
import io.jsonrpc2.server.JsonRpcServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The lifecycle that {@link JsonRpcServer} promises, the same on every server: built unstarted,
 * started once on the port asked for (0 for a free one), shut down once with a grace that lets the
 * calls in flight answer, closed idempotently, its port free again afterwards.
 *
 * <p>A server's test extends this class and says how to build its server unstarted on 127.0.0.1 and
 * how to send it one request.
 */
@Timeout(60)
public abstract class ServerLifecycleConformanceTest {
  private static final String ECHO =
      "{\"jsonrpc\":\"2.0\",\"method\":\"echo\",\"params\":[\"hi\"],\"id\":1}";
  private static final String ECHOED = "{\"jsonrpc\":\"2.0\",\"result\":\"hi\",\"id\":1}";
  private static final String HOLD = "{\"jsonrpc\":\"2.0\",\"method\":\"hold\",\"id\":2}";

  private static final HttpClient HTTP =
      HttpClient.newBuilder()
          .version(HttpClient.Version.HTTP_1_1)
          .connectTimeout(Duration.ofSeconds(5))
          .build();

  /** Opens when a {@code hold} call has begun. */
  private final CountDownLatch holding = new CountDownLatch(1);

  /** Lets the {@code hold} calls return. */
  private final CountDownLatch release = new CountDownLatch(1);

  // Not the common pool: a blocked exchange there can starve the transports under test.
  private final ExecutorService senders = Executors.newCachedThreadPool();
  private final List<JsonRpcServer> servers = new ArrayList<>();

  /**
   * A server of the type under test for {@code service}, on 127.0.0.1 and {@code port}, unstarted.
   */
  protected abstract JsonRpcServer newServer(JsonRpcService service, int port) throws Exception;

  /**
   * Sends {@code request} to {@code server} on a new connection (where the transport has them) and
   * returns the reply; throws when none can come (the connection was refused or dropped, or no
   * reply came within a few seconds).
   */
  protected abstract String exchange(JsonRpcServer server, String request) throws Exception;

  /** {@link #exchange} for an HTTP server: POSTs {@code request} to {@code endpoint}. */
  protected static String post(URI endpoint, String request)
      throws IOException, InterruptedException {
    HttpRequest post =
        HttpRequest.newBuilder(endpoint)
            .header("Content-Type", "application/json")
            .timeout(Duration.ofSeconds(10))
            .POST(HttpRequest.BodyPublishers.ofString(request))
            .build();
    return HTTP.send(post, HttpResponse.BodyHandlers.ofString()).body();
  }

  private JsonRpcService service() {
    return JsonRpcService.builder()
        .method("echo", (params, call) -> params.require(0, String.class))
        .method(
            "hold",
            (params, call) -> {
              holding.countDown();
              return release.await(30, TimeUnit.SECONDS) ? "released" : "never released";
            })
        .build();
  }

  private JsonRpcServer server(int port) throws Exception {
    JsonRpcServer server = newServer(service(), port);
    servers.add(server);
    return server;
  }

  private CompletableFuture<String> sendAsync(JsonRpcServer server, String request) {
    CompletableFuture<String> reply = new CompletableFuture<>();
    senders.execute(
        () -> {
          try {
            reply.complete(exchange(server, request));
          } catch (Throwable e) {
            reply.completeExceptionally(e);
          }
        });
    return reply;
  }

  @AfterEach
  void closeEverything() {
    release.countDown();
    servers.forEach(JsonRpcServer::close);
    senders.shutdownNow();
  }

  @Test
  void startOnPortZeroBindsAFreePortAndServes() throws Exception {
    JsonRpcServer server = server(0);
    assertThat(server.start()).isSameAs(server);

    assertThat(server.port()).isPositive();
    assertThat(server.address()).isInstanceOf(InetSocketAddress.class);
    assertThat(((InetSocketAddress) server.address()).getPort()).isEqualTo(server.port());
    assertSameJson(exchange(server, ECHO), ECHOED);
  }

  @Test
  void theAddressIsUnknownBeforeStart() throws Exception {
    JsonRpcServer server = server(0);

    assertThatThrownBy(server::address).isInstanceOf(IllegalStateException.class);
    assertThatThrownBy(server::port).isInstanceOf(IllegalStateException.class);
  }

  @Test
  void aServerStartsOnce() throws Exception {
    JsonRpcServer server = server(0).start();

    assertThatThrownBy(server::start).isInstanceOf(IllegalStateException.class);
    assertSameJson(exchange(server, ECHO), ECHOED);
  }

  @Test
  void aPortInUseFailsStartAndLeavesTheServerStopped() throws Exception {
    try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      JsonRpcServer server = server(taken.getLocalPort());

      assertThatThrownBy(server::start).isInstanceOf(UncheckedIOException.class);
      assertThat(server.shutdown(Duration.ofSeconds(1))).succeedsWithin(Duration.ofSeconds(10));
    }
  }

  @Test
  void shutdownLetsACallInFlightAnswer() throws Exception {
    JsonRpcServer server = server(0).start();
    CompletableFuture<String> held = sendAsync(server, HOLD);
    assertThat(holding.await(10, TimeUnit.SECONDS)).as("the call has begun").isTrue();

    CompletableFuture<Void> stopped = server.shutdown(Duration.ofSeconds(20));
    Thread.sleep(200); // time enough to stop early, which would be wrong
    assertThat(stopped).as("stopped with a call in flight").isNotDone();
    release.countDown();

    assertThat(held)
        .succeedsWithin(Duration.ofSeconds(10))
        .satisfies(
            reply ->
                assertSameJson(reply, "{\"jsonrpc\":\"2.0\",\"result\":\"released\",\"id\":2}"));
    assertThat(stopped).succeedsWithin(Duration.ofSeconds(10));
  }

  @Test
  void whenTheGraceRunsOutTheServerStopsAnyway() throws Exception {
    JsonRpcServer server = server(0).start();
    CompletableFuture<String> held = sendAsync(server, HOLD);
    assertThat(holding.await(10, TimeUnit.SECONDS)).as("the call has begun").isTrue();

    long begun = System.nanoTime();
    assertThat(server.shutdown(Duration.ofMillis(300))).succeedsWithin(Duration.ofSeconds(10));

    assertThat(Duration.ofNanos(System.nanoTime() - begun)).isLessThan(Duration.ofSeconds(10));
    assertThat(held)
        .as("a call cut off by the end of the grace")
        .failsWithin(Duration.ofSeconds(20));
  }

  @Test
  void shutdownGivesTheSameFutureEveryTime() throws Exception {
    JsonRpcServer server = server(0).start();

    CompletableFuture<Void> first = server.shutdown(Duration.ofSeconds(1));
    assertThat(server.shutdown(Duration.ofSeconds(5))).isSameAs(first);
    assertThat(first).succeedsWithin(Duration.ofSeconds(10));
    assertThat(server.shutdown(Duration.ofSeconds(5))).isSameAs(first);
  }

  @Test
  void aStoppedServerServesNoMore() throws Exception {
    JsonRpcServer server = server(0).start();
    assertSameJson(exchange(server, ECHO), ECHOED);

    server.close();

    assertThat(sendAsync(server, ECHO)).failsWithin(Duration.ofSeconds(20));
    assertThatThrownBy(server::start).isInstanceOf(IllegalStateException.class);
  }

  @Test
  void closeIsIdempotentAndFreesThePort() throws Exception {
    JsonRpcServer server = server(0).start();
    int port = server.port();

    server.close();
    server.close();

    try (ServerSocket again = new ServerSocket()) {
      again.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
    } catch (IOException e) {
      throw new AssertionError("port " + port + " is still taken after close", e);
    }
    JsonRpcServer next = server(port).start();
    assertSameJson(exchange(next, ECHO), ECHOED);
  }

  @Test
  void shutdownOfAServerNeverStartedCompletesAtOnce() throws Exception {
    JsonRpcServer server = server(0);

    assertThat(server.shutdown(Duration.ofSeconds(30))).succeedsWithin(Duration.ofSeconds(5));
    assertThatThrownBy(server::start).isInstanceOf(IllegalStateException.class);
    server.close();
  }
}
