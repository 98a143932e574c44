package io.jsonrpc2.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jsonrpc2.server.TransportContext;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class HeaderMapTest {
  private final HeaderMap map =
      new HeaderMap().add("Content-Type", "application/json").add("X-Tag", "a").add("x-tag", "b");

  @Test
  @SuppressWarnings("CollectionIncompatibleType") // a key that is no String must find nothing
  void looksUpWithoutRegardToCaseAndGathersRepeatedNames() {
    assertThat(map.get("content-type")).containsExactly("application/json");
    assertThat(map.first("CONTENT-TYPE")).isEqualTo("application/json");
    assertThat(map.get("X-TAG")).containsExactly("a", "b");
    assertThat(map.get("Missing")).isNull();
    assertThat(map.first("Missing")).isNull();
    assertThat(map.get(42)).isNull();
    assertThat(map.containsKey("x-TAG")).isTrue();
    assertThat(map.containsKey("Missing")).isFalse();
    assertThat(map).hasSize(2);
    assertThat(map.keySet()).containsExactly("Content-Type", "X-Tag");
  }

  @Test
  void isReadOnlyWithImmutableValues() {
    assertThatThrownBy(() -> map.put("A", List.of("b")))
        .isInstanceOf(UnsupportedOperationException.class);
    assertThatThrownBy(() -> map.get("x-tag").add("c"))
        .isInstanceOf(UnsupportedOperationException.class);
    assertThatThrownBy(() -> map.add(null, "v")).isInstanceOf(NullPointerException.class);
  }

  @Test
  void walkingItGivesEveryNameOnceToTheTransportContext() {
    TransportContext context = new TransportContext("http", null, map, null, Map.of());
    assertThat(context.headers()).hasSize(2);
    assertThat(context.headers().get("x-tag")).containsExactly("a", "b");
    assertThat(context.header("Content-Type")).hasValue("application/json");
  }

  @Test
  void aTransportContextKeepsASealedMapAndCopiesAnOpenOne() {
    HeaderMap open = new HeaderMap().add("X-Tag", "a");
    TransportContext copied = new TransportContext("http", null, open, null, Map.of());
    open.add("X-Later", "b");
    assertThat(copied.headers()).containsOnlyKeys("X-Tag");

    HeaderMap sealed = new HeaderMap().add("X-Tag", "a").seal();
    assertThat(new TransportContext("http", null, sealed, null, Map.of()).headers())
        .isSameAs(sealed);
    assertThat(sealed.isSealed()).isTrue();
    assertThatThrownBy(() -> sealed.add("X-Later", "b")).isInstanceOf(IllegalStateException.class);
  }

  @Test
  void manyHeadersAreIndexed() {
    HeaderMap many = new HeaderMap();
    for (int i = 0; i < 500; i++) {
      many.add("X-H" + i, "v" + i);
    }
    many.add("x-h7", "again");
    assertThat(many).hasSize(500);
    assertThat(many.get("X-H499")).containsExactly("v499");
    assertThat(many.get("X-H7")).containsExactly("v7", "again");
    assertThat(many.first("x-h0")).isEqualTo("v0");
    assertThat(many.entrySet()).hasSize(500);
  }
}
