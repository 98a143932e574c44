package io.jsonrpc2.netty.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.jsonrpc2.server.TransportContext;
import io.netty.handler.codec.http.DefaultHttpHeaders;
import io.netty.handler.codec.http.HttpHeaders;
import java.util.Map;
import org.junit.jupiter.api.Test;

class HeaderMapTest {
  private final HttpHeaders headers =
      new DefaultHttpHeaders().add("Content-Type", "application/json").add("X-Tag", "a").add("x-tag", "b");
  private final HeaderMap map = new HeaderMap(headers);

  @Test
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
  }

  @Test
  void walkingItGivesEveryNameOnceToTheTransportContext() {
    TransportContext context = new TransportContext("http", null, map, null, Map.of());
    assertThat(context.headers()).hasSize(2);
    assertThat(context.headers().get("x-tag")).containsExactly("a", "b");
    assertThat(context.header("Content-Type")).hasValue("application/json");
  }

  @Test
  void manyHeadersAreIndexed() {
    HttpHeaders many = new DefaultHttpHeaders();
    for (int i = 0; i < 500; i++) {
      many.add("X-H" + i, "v" + i);
    }
    many.add("x-h7", "again");
    HeaderMap big = new HeaderMap(many);
    assertThat(big).hasSize(500);
    assertThat(big.get("X-H499")).containsExactly("v499");
    assertThat(big.get("X-H7")).containsExactly("v7", "again");
    assertThat(big.entrySet()).hasSize(500);
  }
}
