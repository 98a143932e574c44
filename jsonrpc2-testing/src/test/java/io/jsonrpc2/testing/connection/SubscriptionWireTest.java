package io.jsonrpc2.testing.connection;

import static io.jsonrpc2.testing.JsonAssertions.assertSameJson;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.jsonrpc2.JsonRpcService;
import io.jsonrpc2.OverflowPolicy;
import io.jsonrpc2.SubscriptionOptions;
import io.jsonrpc2.connection.JsonRpcConnection;
import io.jsonrpc2.connection.MessageChannel;
import io.jsonrpc2.message.ErrorCodes;
import io.jsonrpc2.testing.InMemoryChannel;
import io.jsonrpc2.testing.ManualPublisher;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Flow;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Subscriptions as the peer sees them on the wire: the id comes before the first item, items and
 * the end have the documented shape, and a peer that cannot take more gets what the overflow policy
 * keeps.
 */
@Timeout(20)
class SubscriptionWireTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  private final List<JsonRpcConnection> opened = new ArrayList<>();
  private final ManualPublisher<Integer> feed = new ManualPublisher<>();

  @AfterEach
  void closeAll() {
    opened.forEach(JsonRpcConnection::close);
  }

  private RawPeer serve(MessageChannel serverEnd, MessageChannel peerEnd, JsonRpcService service) {
    opened.add(JsonRpcConnection.builder(serverEnd).service(service).build().start());
    return RawPeer.on(peerEnd);
  }

  private JsonRpcService.Builder publishing() {
    return JsonRpcService.builder()
        .asyncMethod("three", (params, call) -> CompletableFuture.completedFuture(three()))
        .method("feed", (params, call) -> feed);
  }

  /** Sends 1, 2 and 3 the moment it is subscribed to, before its id can have gone out. */
  private static Flow.Publisher<Integer> three() {
    return ManualPublisher.of(List.of(1, 2, 3));
  }

  @Test
  void theIdGoesOutBeforeTheFirstItemAndItemsHaveTheirDocumentedShape() throws Exception {
    InMemoryChannel.Pair pair = InMemoryChannel.pair();
    RawPeer peer =
        serve(
            pair.left(),
            pair.right(),
            publishing().subscriptions(SubscriptionOptions.defaults()).build());

    peer.send("{\"jsonrpc\":\"2.0\",\"method\":\"three\",\"id\":1}");
    JsonNode reply = JSON.readTree(peer.next());
    String id = reply.path("result").textValue();
    assertThat(id).as("the first message is the reply, with the id: %s", reply).isNotNull();
    assertThat(reply.path("id").asInt()).isEqualTo(1);
    for (int item = 1; item <= 3; item++) {
      assertSameJson(
          peer.next(),
          "{\"jsonrpc\":\"2.0\",\"method\":\"rpc.subscription\",\"params\":{\"subscription\":\""
              + id
              + "\",\"result\":"
              + item
              + "}}");
    }
    assertSameJson(
        peer.next(),
        "{\"jsonrpc\":\"2.0\",\"method\":\"rpc.subscription\",\"params\":{\"subscription\":\""
            + id
            + "\",\"complete\":true}}");
  }

  @Test
  void unsubscribeEndsTheSubscriptionAndAnswersWhetherItWasLive() throws Exception {
    InMemoryChannel.Pair pair = InMemoryChannel.pair();
    RawPeer peer =
        serve(
            pair.left(),
            pair.right(),
            publishing()
                .subscriptions(SubscriptionOptions.defaults().withNames("feed.item", "feed.stop"))
                .build());
    peer.send("{\"jsonrpc\":\"2.0\",\"method\":\"feed\",\"id\":1}");
    String id = JSON.readTree(peer.next()).path("result").textValue();
    feed.subscribed.get(10, TimeUnit.SECONDS);
    feed.emit(5);
    assertThat(JSON.readTree(peer.next()).path("method").textValue()).isEqualTo("feed.item");

    peer.send(
        "{\"jsonrpc\":\"2.0\",\"method\":\"feed.stop\",\"params\":{\"subscription\":\""
            + id
            + "\"},\"id\":2}");
    assertSameJson(peer.next(), "{\"jsonrpc\":\"2.0\",\"result\":true,\"id\":2}");
    feed.cancelled.get(10, TimeUnit.SECONDS);
    peer.send(
        "{\"jsonrpc\":\"2.0\",\"method\":\"feed.stop\",\"params\":[\"" + id + "\"],\"id\":3}");
    assertSameJson(peer.next(), "{\"jsonrpc\":\"2.0\",\"result\":false,\"id\":3}");
    peer.send("{\"jsonrpc\":\"2.0\",\"method\":\"feed.stop\",\"params\":[5],\"id\":4}");
    assertThat(JSON.readTree(peer.next()).path("error").path("code").asInt())
        .isEqualTo(ErrorCodes.INVALID_PARAMS);
  }

  @Test
  void withoutSubscriptionsAPublisherIsAnInternalErrorAndUnsubscribeIsUnknown() throws Exception {
    InMemoryChannel.Pair pair = InMemoryChannel.pair();
    RawPeer peer = serve(pair.left(), pair.right(), publishing().build());

    peer.send("{\"jsonrpc\":\"2.0\",\"method\":\"three\",\"id\":1}");
    assertThat(JSON.readTree(peer.next()).path("error").path("code").asInt())
        .isEqualTo(ErrorCodes.INTERNAL_ERROR);
    peer.send("{\"jsonrpc\":\"2.0\",\"method\":\"rpc.unsubscribe\",\"params\":[\"0x1\"],\"id\":2}");
    assertThat(JSON.readTree(peer.next()).path("error").path("code").asInt())
        .isEqualTo(ErrorCodes.METHOD_NOT_FOUND);
  }

  @Test
  void aSlowPeerGetsTheNewestItemsUnderDropOldest() throws Exception {
    assertThat(itemsAfterASlowSpell(OverflowPolicy.DROP_OLDEST)).containsExactly("7", "8", "9");
  }

  @Test
  void aSlowPeerGetsTheOldestItemsUnderDropNewest() throws Exception {
    assertThat(itemsAfterASlowSpell(OverflowPolicy.DROP_NEWEST)).containsExactly("0", "1", "2");
  }

  @Test
  void aSlowPeerLosesTheSubscriptionWithAnErrorUnderFail() throws Exception {
    List<String> items = itemsAfterASlowSpell(OverflowPolicy.FAIL);
    assertThat(items).hasSize(1);
    JsonNode error = JSON.readTree(items.get(0));
    assertThat(error.path("code").asInt()).isEqualTo(ErrorCodes.OVERFLOW);
    assertThat(feed.cancelled).isDone();
  }

  /**
   * Ten items while the connection is not writable, with room for three: what the peer gets once it
   * is writable again (each item's {@code result}, or the {@code error} that ended it).
   */
  private List<String> itemsAfterASlowSpell(OverflowPolicy policy) throws Exception {
    InMemoryChannel.Pair pair = InMemoryChannel.pair();
    Gated gated = new Gated(pair.left());
    RawPeer peer =
        serve(
            gated,
            pair.right(),
            publishing()
                .subscriptions(SubscriptionOptions.defaults().withBuffer(3, policy))
                .build());
    peer.send("{\"jsonrpc\":\"2.0\",\"method\":\"feed\",\"id\":1}");
    peer.next();
    feed.subscribed.get(10, TimeUnit.SECONDS);
    // Once one item came through, the subscription is past its wait for the reply.
    feed.emit(-1);
    assertThat(JSON.readTree(peer.next()).path("params").path("result").asInt()).isEqualTo(-1);

    gated.writable = false;
    for (int i = 0; i < 10; i++) {
      feed.emit(i);
    }
    gated.becomeWritable();
    // The end marks where the items stop: a call answered after them.
    peer.send(
        "{\"jsonrpc\":\"2.0\",\"method\":\"rpc.unsubscribe\",\"params\":[\"none\"],\"id\":9}");
    List<String> items = new ArrayList<>();
    while (true) {
      JsonNode message = JSON.readTree(peer.next());
      if (message.has("id")) {
        return items;
      }
      JsonNode params = message.path("params");
      items.add(
          params.has("result") ? params.get("result").toString() : params.get("error").toString());
    }
  }

  /** A channel whose writability the test sets. */
  private static final class Gated implements MessageChannel {
    private final MessageChannel delegate;
    private @Nullable Listener listener;
    volatile boolean writable = true;

    Gated(MessageChannel delegate) {
      this.delegate = delegate;
    }

    void becomeWritable() {
      writable = true;
      if (listener != null) {
        listener.onWritable();
      }
    }

    @Override
    public void start(Listener listener) {
      this.listener = listener;
      delegate.start(listener);
    }

    @Override
    public CompletableFuture<Void> send(byte[] message) {
      return delegate.send(message);
    }

    @Override
    public void pauseReading() {
      delegate.pauseReading();
    }

    @Override
    public void resumeReading() {
      delegate.resumeReading();
    }

    @Override
    public void close() {
      delegate.close();
    }

    @Override
    public boolean isWritable() {
      return writable;
    }

    @Override
    public String description() {
      return delegate.description();
    }
  }
}
