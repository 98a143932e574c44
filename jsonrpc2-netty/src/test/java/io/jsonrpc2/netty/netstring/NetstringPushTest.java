package io.jsonrpc2.netty.netstring;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.jsonrpc2.JsonRpcClient;
import io.jsonrpc2.JsonRpcService;
import io.jsonrpc2.OverflowPolicy;
import io.jsonrpc2.SubscriptionOptions;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Flow;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Pushing to netstring peers: broadcasts to every connection, and a slow reader's bound. */
@Timeout(60)
class NetstringPushTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final int ITEMS = 100_000;
  private static final String KILOBYTE = "x".repeat(1024);

  private final List<AutoCloseable> opened = new ArrayList<>();
  private final CompletableFuture<Integer> publisherSent = new CompletableFuture<>();

  @AfterEach
  void closeAll() throws Exception {
    for (int i = opened.size() - 1; i >= 0; i--) {
      opened.get(i).close();
    }
  }

  @Test
  void aBroadcastReachesEveryOpenConnection() throws Exception {
    NetstringServer server = start(JsonRpcService.builder().method("ping", (p, c) -> "pong"));
    CountDownLatch heard = new CountDownLatch(3);
    List<JsonRpcClient> clients = new ArrayList<>();
    for (int i = 0; i < 3; i++) {
      JsonRpcService local =
          JsonRpcService.builder()
              .asyncMethod(
                  "news",
                  (params, call) -> {
                    if ("extra".equals(params.get(0, String.class))) {
                      heard.countDown();
                    }
                    return CompletableFuture.completedFuture(null);
                  })
              .build();
      JsonRpcClient client =
          JsonRpcClient.builder()
              .transport(NetstringClientTransport.builder("127.0.0.1", server.port()).build())
              .service(local)
              .build();
      opened.add(client);
      assertThat(client.call("ping", String.class)).isEqualTo("pong");
      clients.add(client);
    }

    assertThat(server.broadcast("news", "extra")).isEqualTo(3);
    assertThat(heard.await(10, TimeUnit.SECONDS)).isTrue();
  }

  /**
   * A peer that subscribes and then reads nothing, while the publisher sends 100 MB: the publisher
   * is never held up, the server keeps at most the buffer (plus the socket's), and once the peer
   * reads it gets the newest items, the last one included, then the end.
   */
  @Test
  void aSlowReaderCostsTheServerOnlyItsBuffer() throws Exception {
    NetstringServer server =
        start(
            JsonRpcService.builder()
                .method("flood", (params, call) -> flood())
                .subscriptions(
                    SubscriptionOptions.defaults().withBuffer(256, OverflowPolicy.DROP_OLDEST)));
    long before = usedHeapAfterGc();
    try (Socket socket = new Socket()) {
      socket.setReceiveBufferSize(8192);
      socket.connect(new InetSocketAddress("127.0.0.1", server.port()), 5_000);
      socket.setSoTimeout(20_000);
      socket
          .getOutputStream()
          .write(RawNetstringSocket.frame("{\"jsonrpc\":\"2.0\",\"method\":\"flood\",\"id\":1}"));
      InputStream in = socket.getInputStream();
      assertThat(JSON.readTree(RawNetstringSocket.readFrame(in)).path("result").isTextual())
          .isTrue();

      assertThat(publisherSent.get(30, TimeUnit.SECONDS)).isEqualTo(ITEMS);
      long grown = usedHeapAfterGc() - before;
      assertThat(grown)
          .as("heap grown while %d KB waited for the reader", ITEMS)
          .isLessThan(32L << 20);

      int received = 0;
      int last = -1;
      while (true) {
        JsonNode params = JSON.readTree(RawNetstringSocket.readFrame(in)).path("params");
        if (params.path("complete").asBoolean()) {
          break;
        }
        last = params.path("result").path("n").asInt();
        received++;
      }
      assertThat(last).isEqualTo(ITEMS - 1);
      assertThat(received).isLessThan(ITEMS / 2);
    }
  }

  /** Sends {@link #ITEMS} items of a kilobyte as fast as it can, on its own thread, then ends. */
  private Flow.Publisher<Item> flood() {
    return subscriber -> {
      AtomicBoolean cancelled = new AtomicBoolean();
      subscriber.onSubscribe(
          new Flow.Subscription() {
            @Override
            public void request(long n) {}

            @Override
            public void cancel() {
              cancelled.set(true);
            }
          });
      Thread sender =
          new Thread(
              () -> {
                int sent = 0;
                while (sent < ITEMS && !cancelled.get()) {
                  subscriber.onNext(new Item(sent++, KILOBYTE));
                }
                subscriber.onComplete();
                publisherSent.complete(sent);
              },
              "flood");
      sender.setDaemon(true);
      sender.start();
    };
  }

  /** One item of the flood. */
  record Item(int n, String padding) {}

  private NetstringServer start(JsonRpcService.Builder service) throws Exception {
    NetstringServer server = NetstringServer.builder(service.build()).host("127.0.0.1").start();
    opened.add(server);
    return server;
  }

  private static long usedHeapAfterGc() {
    Runtime runtime = Runtime.getRuntime();
    System.gc();
    System.gc();
    return runtime.totalMemory() - runtime.freeMemory();
  }
}
