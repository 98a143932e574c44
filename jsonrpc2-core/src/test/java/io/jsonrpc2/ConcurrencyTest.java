package io.jsonrpc2;

import static io.jsonrpc2.Replies.request;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(30)
class ConcurrencyTest {
  public static class Methods {
    @JsonRpcMethod
    public int subtract(int minuend, int subtrahend) {
      return minuend - subtrahend;
    }

    @NonBlocking
    @JsonRpcMethod
    public String tag(String caller, int n) {
      return caller + ":" + n;
    }

    @JsonRpcMethod
    public CompletableFuture<Integer> later(int n) {
      return CompletableFuture.supplyAsync(() -> n * 2);
    }
  }

  @Test
  void manyThreadsCallingHandleAtOnceEachGetTheirOwnAnswers() throws Exception {
    JsonRpcService service = JsonRpcService.builder().handler(new Methods()).build();
    int threads = 16;
    int calls = 300;
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    CountDownLatch start = new CountDownLatch(1);
    List<Future<Integer>> results = new ArrayList<>();
    for (int t = 0; t < threads; t++) {
      String caller = "t" + t;
      results.add(
          pool.submit(
              () -> {
                start.await();
                int checked = 0;
                for (int i = 0; i < calls; i++) {
                  String id = caller + "-" + i;
                  String method =
                      switch (i % 3) {
                        case 0 -> request("subtract", "[" + i + ", 1]", id);
                        case 1 -> request("tag", "[\"" + caller + "\", " + i + "]", id);
                        default ->
                            "["
                                + request("later", "[" + i + "]", id)
                                + ","
                                + "{\"jsonrpc\":\"2.0\",\"method\":\"tag\",\"params\":[\"x\",1]}]";
                      };
                  JsonNode reply = Replies.parse(service.handle(method).get(10, TimeUnit.SECONDS));
                  JsonNode single = reply.isArray() ? reply.get(0) : reply;
                  assertThat(reply.isArray() ? reply.size() : 1).isEqualTo(1);
                  assertThat(single.get("id").asText()).isEqualTo(id);
                  switch (i % 3) {
                    case 0 -> assertThat(single.get("result").asInt()).isEqualTo(i - 1);
                    case 1 -> assertThat(single.get("result").asText()).isEqualTo(caller + ":" + i);
                    default -> assertThat(single.get("result").asInt()).isEqualTo(2 * i);
                  }
                  checked++;
                }
                return checked;
              }));
    }
    start.countDown();
    int total = 0;
    for (Future<Integer> r : results) {
      total += r.get(25, TimeUnit.SECONDS);
    }
    pool.shutdown();
    assertThat(total).isEqualTo(threads * calls);
    assertThat(service.inFlightCount()).isZero();
  }
}
