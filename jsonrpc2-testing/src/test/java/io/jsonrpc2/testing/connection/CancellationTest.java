package io.jsonrpc2.testing.connection;

import static io.jsonrpc2.testing.JsonAssertions.assertSameJson;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jsonrpc2.JsonRpcService;
import io.jsonrpc2.client.CallTimeoutException;
import io.jsonrpc2.connection.JsonRpcConnection;
import io.jsonrpc2.testing.InMemoryChannel;
import io.jsonrpc2.testing.UntilInterrupted;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Cancellation that reaches the peer: a caller that gives up a call sends {@code rpc.cancel}, and
 * the service that receives it stops the call's work. Off on both sides by default.
 */
@Timeout(20)
class CancellationTest {
  private final List<JsonRpcConnection> opened = new ArrayList<>();
  private final UntilInterrupted block = new UntilInterrupted();
  private final CountDownLatch started = block.started;
  private final CountDownLatch interrupted = block.interrupted;

  @AfterEach
  void closeAll() {
    opened.forEach(JsonRpcConnection::close);
  }

  /** A service whose {@code block} runs until it is interrupted. */
  private JsonRpcService.Builder blocking() {
    return JsonRpcService.builder().method("block", block);
  }

  private JsonRpcConnection open(JsonRpcConnection.Builder builder) {
    JsonRpcConnection connection = builder.build().start();
    opened.add(connection);
    return connection;
  }

  @Test
  void aCallItsCallerCancelsIsCancelledOnThePeer() throws Exception {
    InMemoryChannel.Pair pair = InMemoryChannel.pair();
    open(
        JsonRpcConnection.builder(pair.right())
            .service(blocking().cancellation(JsonRpcService.CANCEL_METHOD).build()));
    JsonRpcConnection caller =
        open(JsonRpcConnection.builder(pair.left()).cancellation(JsonRpcService.CANCEL_METHOD));

    CompletableFuture<String> call = caller.peer().callAsync("block", String.class);
    assertThat(started.await(10, TimeUnit.SECONDS)).isTrue();
    call.cancel(true);

    assertThat(interrupted.await(10, TimeUnit.SECONDS)).as("the peer's work stopped").isTrue();
  }

  @Test
  void aCallWhoseTimeoutFiresIsCancelledOnThePeer() throws Exception {
    InMemoryChannel.Pair pair = InMemoryChannel.pair();
    open(
        JsonRpcConnection.builder(pair.right())
            .service(blocking().cancellation("$/cancelRequest").build()));
    JsonRpcConnection caller =
        open(
            JsonRpcConnection.builder(pair.left())
                .cancellation("$/cancelRequest")
                .timeout(Duration.ofMillis(200)));

    assertThatThrownBy(() -> caller.peer().call("block", String.class))
        .isInstanceOf(CallTimeoutException.class);
    assertThat(interrupted.await(10, TimeUnit.SECONDS)).as("the peer's work stopped").isTrue();
  }

  @Test
  void aConnectionWhoseServiceTakesCancellationSendsItForItsOwnCalls() throws Exception {
    InMemoryChannel.Pair pair = InMemoryChannel.pair();
    JsonRpcService server =
        JsonRpcService.builder()
            .method(
                "relay",
                (params, call) ->
                    call.peer().withTimeout(Duration.ofMillis(200)).call("block", String.class))
            .cancellation(JsonRpcService.CANCEL_METHOD)
            .build();
    open(JsonRpcConnection.builder(pair.right()).service(server));
    JsonRpcConnection caller =
        open(
            JsonRpcConnection.builder(pair.left())
                .service(blocking().cancellation(JsonRpcService.CANCEL_METHOD).build()));

    CompletableFuture<String> relayed = caller.peer().callAsync("relay", String.class);
    assertThat(interrupted.await(10, TimeUnit.SECONDS))
        .as("the caller's work for the server's timed-out call stopped")
        .isTrue();
    // The server's method failed with the timeout of its own call: an internal error to its caller.
    assertThatThrownBy(() -> relayed.get(10, TimeUnit.SECONDS)).hasMessageContaining("-32603");
  }

  @Test
  void theCancelledRequestIsAnsweredRequestCancelled() throws Exception {
    InMemoryChannel.Pair pair = InMemoryChannel.pair();
    open(
        JsonRpcConnection.builder(pair.right())
            .service(blocking().cancellation(JsonRpcService.CANCEL_METHOD).build()));
    RawPeer raw = RawPeer.on(pair.left());

    raw.send("{\"jsonrpc\":\"2.0\",\"method\":\"block\",\"id\":\"b-7\"}");
    assertThat(started.await(10, TimeUnit.SECONDS)).isTrue();
    raw.send("{\"jsonrpc\":\"2.0\",\"method\":\"rpc.cancel\",\"params\":{\"id\":\"b-7\"}}");

    assertSameJson(
        raw.next(),
        "{\"jsonrpc\":\"2.0\",\"error\":{\"code\":-32096,\"message\":\"Request cancelled\"},"
            + "\"id\":\"b-7\"}");
    assertThat(interrupted.await(10, TimeUnit.SECONDS)).isTrue();
  }

  @Test
  void aCancelForAnotherIdOrWithBadParamsCancelsNothing() throws Exception {
    InMemoryChannel.Pair pair = InMemoryChannel.pair();
    open(
        JsonRpcConnection.builder(pair.right())
            .service(
                blocking()
                    .method("echo", (params, context) -> params.get(0, String.class))
                    .cancellation(JsonRpcService.CANCEL_METHOD)
                    .build()));
    RawPeer raw = RawPeer.on(pair.left());

    raw.send("{\"jsonrpc\":\"2.0\",\"method\":\"block\",\"id\":1}");
    assertThat(started.await(10, TimeUnit.SECONDS)).isTrue();
    raw.send("{\"jsonrpc\":\"2.0\",\"method\":\"rpc.cancel\",\"params\":{\"id\":2}}");
    raw.send("{\"jsonrpc\":\"2.0\",\"method\":\"rpc.cancel\",\"params\":[1],\"id\":3}");
    assertThat(raw.next()).contains("-32602", "\"id\":3");
    raw.send("{\"jsonrpc\":\"2.0\",\"method\":\"echo\",\"params\":[\"still here\"],\"id\":4}");
    assertSameJson(raw.next(), "{\"jsonrpc\":\"2.0\",\"result\":\"still here\",\"id\":4}");
    assertThat(interrupted.getCount()).as("block still runs").isEqualTo(1);
  }

  @Test
  void withoutCancellationTheNameIsAnUnknownMethodAndTheCallerSendsNothing() throws Exception {
    InMemoryChannel.Pair pair = InMemoryChannel.pair();
    open(JsonRpcConnection.builder(pair.right()).service(blocking().build()));
    RawPeer raw = RawPeer.on(pair.left());
    raw.send("{\"jsonrpc\":\"2.0\",\"method\":\"rpc.cancel\",\"params\":{\"id\":1},\"id\":9}");
    assertThat(raw.next()).contains("-32601", "\"id\":9");

    InMemoryChannel.Pair other = InMemoryChannel.pair();
    RawPeer listening = RawPeer.on(other.right());
    JsonRpcConnection caller = open(JsonRpcConnection.builder(other.left()));
    CompletableFuture<String> call = caller.peer().callAsync("block", String.class);
    assertThat(listening.next()).contains("\"method\":\"block\"");
    call.cancel(true);
    caller.peer().notify("after");
    assertThat(listening.next()).as("no cancel notification came first").contains("\"after\"");
  }
}
