package io.jsonrpc2;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every request of {@link ReplyExchanges} gets exactly its reply, byte for byte: the binder, the
 * encoder and the dispatcher's fast paths must never change what goes over the wire.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Timeout(30)
class ServiceRepliesTest {
  private final JsonRpcService service = ReplyFixtures.service();
  private final Map<String, Object> values = Map.of("user", "u1");

  Stream<Arguments> exchanges() {
    return Arrays.stream(ReplyExchanges.EXCHANGES).map(e -> Arguments.of(e[0], e[1]));
  }

  @ParameterizedTest
  @MethodSource("exchanges")
  void repliesExactly(String request, String reply) throws Exception {
    assertThat(handle(request)).isEqualTo(reply);
  }

  @ParameterizedTest
  @MethodSource("exchanges")
  void readsOnlyTheGivenSliceOfTheArray(String request, String reply) throws Exception {
    byte[] message = request.getBytes(StandardCharsets.UTF_8);
    byte[] padded = new byte[message.length + 7];
    Arrays.fill(padded, (byte) '{');
    System.arraycopy(message, 0, padded, 3, message.length);
    byte[] answer =
        service
            .handle(padded, 3, message.length, ReplyFixtures.TRANSPORT, values)
            .get(10, TimeUnit.SECONDS);
    assertThat(answer == null ? null : new String(answer, StandardCharsets.UTF_8)).isEqualTo(reply);
  }

  @Test
  void repliesExactlyWhenManyThreadsCallAtOnce() throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(8);
    try {
      List<Future<?>> runs = new ArrayList<>();
      for (int thread = 0; thread < 8; thread++) {
        runs.add(
            pool.submit(
                () -> {
                  for (int round = 0; round < 20; round++) {
                    for (String[] exchange : ReplyExchanges.EXCHANGES) {
                      assertThat(handle(exchange[0])).isEqualTo(exchange[1]);
                    }
                  }
                  return null;
                }));
      }
      for (Future<?> run : runs) {
        run.get(25, TimeUnit.SECONDS);
      }
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void stringHandleGivesTheSameReplies() {
    JsonRpcService plain = ReplyFixtures.service();
    assertThat(
            plain
                .handle("{\"jsonrpc\":\"2.0\",\"method\":\"echo\",\"params\":[\"hi\"],\"id\":1}")
                .join())
        .isEqualTo("{\"jsonrpc\":\"2.0\",\"result\":\"hi\",\"id\":1}");
    assertThat(plain.handle("{\"jsonrpc\":\"2.0\",\"method\":\"echo\",\"params\":[\"hi\"]}").join())
        .isNull();
  }

  @Test
  void aLongStringIsEchoedWhole() throws Exception {
    String value = "x\u00e9\"".repeat(40_000);
    String escaped = value.replace("\"", "\\\"");
    assertThat(
            handle(
                "{\"jsonrpc\":\"2.0\",\"method\":\"echo\",\"params\":[\""
                    + escaped
                    + "\"],\"id\":1}"))
        .isEqualTo("{\"jsonrpc\":\"2.0\",\"result\":\"" + escaped + "\",\"id\":1}");
  }

  @Test
  void aLargeBatchKeepsItsOrder() throws Exception {
    StringBuilder request = new StringBuilder("[");
    StringBuilder reply = new StringBuilder("[");
    for (int id = 1; id <= 300; id++) {
      String method = id % 3 == 0 ? "later" : id % 3 == 1 ? "echo" : "blockingEcho";
      String suffix = id % 3 == 0 ? "!" : "";
      request
          .append(id == 1 ? "" : ",")
          .append("{\"jsonrpc\":\"2.0\",\"method\":\"")
          .append(method)
          .append("\",\"params\":[\"v")
          .append(id)
          .append("\"],\"id\":")
          .append(id)
          .append('}');
      reply
          .append(id == 1 ? "" : ",")
          .append("{\"jsonrpc\":\"2.0\",\"result\":\"v")
          .append(id)
          .append(suffix)
          .append("\",\"id\":")
          .append(id)
          .append('}');
    }
    assertThat(handle(request.append(']').toString())).isEqualTo(reply.append(']').toString());
  }

  private String handle(String request) throws Exception {
    CompletableFuture<byte[]> reply =
        service.handle(request.getBytes(StandardCharsets.UTF_8), ReplyFixtures.TRANSPORT, values);
    byte[] bytes = reply.get(10, TimeUnit.SECONDS);
    return bytes == null ? null : new String(bytes, StandardCharsets.UTF_8);
  }

  @AfterAll
  void noCallIsLeftInFlight() {
    assertThat(service.inFlightCount()).isZero();
  }
}
