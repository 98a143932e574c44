package io.jsonrpc2.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jsonrpc2.message.Id;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

class IdGeneratorsTest {
  private static List<Id> take(IdGenerator generator, int count) {
    List<Id> ids = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      ids.add(generator.next());
    }
    return ids;
  }

  @Test
  void decimalCountsFromOneAsNumbers() {
    assertThat(take(IdGenerators.decimal(), 3)).containsExactly(Id.of(1), Id.of(2), Id.of(3));
  }

  @Test
  void hexCountsInLowerCaseHexStrings() {
    List<Id> ids = take(IdGenerators.hex(), 17);
    assertThat(ids.get(0)).isEqualTo(Id.of("1"));
    assertThat(ids.get(9)).isEqualTo(Id.of("a"));
    assertThat(ids.get(15)).isEqualTo(Id.of("10"));
    assertThat(ids.get(16).kind()).isEqualTo(Id.Kind.STRING);
  }

  @Test
  void uuidsAreVersion4Strings() {
    Id id = IdGenerators.uuid().next();
    assertThat(id.kind()).isEqualTo(Id.Kind.STRING);
    assertThat(java.util.UUID.fromString(id.text()).version()).isEqualTo(4);
  }

  @Test
  void randomDefaultsToEightLowerAlphanumerics() {
    for (Id id : take(IdGenerators.random(), 100)) {
      assertThat(id.text()).matches("[0-9a-z]{8}");
    }
  }

  @Test
  void randomUsesTheGivenLengthAndAlphabetOnly() {
    List<Id> ids = take(IdGenerators.random(16, "abc123"), 200);
    for (Id id : ids) {
      assertThat(id.text()).matches("[abc123]{16}");
    }
    // Every character of the alphabet turns up: the draw is over all of it.
    String all = String.join("", ids.stream().map(Id::text).toList());
    assertThat(all.chars().distinct().count()).isEqualTo(6);
  }

  @Test
  void randomRejectsUselessArguments() {
    assertThatThrownBy(() -> IdGenerators.random(0, "ab"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> IdGenerators.random(8, "aaaa"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("two distinct");
    assertThatThrownBy(() -> IdGenerators.random(8, null)).isInstanceOf(NullPointerException.class);
  }

  @Test
  @Timeout(30)
  void everyGeneratorIsUniqueAcrossThreads() throws Exception {
    List<Supplier<IdGenerator>> kinds =
        List.of(
            IdGenerators::decimal,
            IdGenerators::hex,
            IdGenerators::uuid,
            () -> IdGenerators.random(24, IdGenerators.LOWER_ALPHANUMERIC));
    for (Supplier<IdGenerator> kind : kinds) {
      assertUniqueUnderThreads(kind.get(), 8, 5_000);
    }
  }

  private static void assertUniqueUnderThreads(IdGenerator generator, int threads, int perThread)
      throws Exception {
    Set<Id> seen = ConcurrentHashMap.newKeySet();
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    CountDownLatch start = new CountDownLatch(1);
    try {
      List<Future<Integer>> done = new ArrayList<>();
      for (int t = 0; t < threads; t++) {
        done.add(
            pool.submit(
                () -> {
                  start.await();
                  int duplicates = 0;
                  for (int i = 0; i < perThread; i++) {
                    if (!seen.add(generator.next())) {
                      duplicates++;
                    }
                  }
                  return duplicates;
                }));
      }
      start.countDown();
      for (Future<Integer> f : done) {
        assertThat(f.get(20, TimeUnit.SECONDS)).as("duplicates").isZero();
      }
      assertThat(seen).hasSize(threads * perThread);
    } finally {
      pool.shutdownNow();
    }
  }
}
