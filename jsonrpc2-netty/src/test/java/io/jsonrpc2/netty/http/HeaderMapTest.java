package io.jsonrpc2.netty.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.jsonrpc2.server.TransportContext;
import io.netty.handler.codec.http.DefaultHttpHeaders;
import io.netty.handler.codec.http.HttpHeaders;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class HeaderMapTest {
  private final HttpHeaders headers =
      new DefaultHttpHeaders().add("Content-Type", "application/json").add("X-Tag", "a").add("x-tag", "b");
  private final HeaderMap map = new HeaderMap(headers);

  @Test
  void looksUpWithoutRegardToCase() {
    assertThat(map.get("content-type")).containsExactly("application/json");
    assertThat(map.get("X-TAG")).containsExactly("a", "b");
    assertThat(map.get("Missing")).isNull();
    assertThat(map.get(42)).isNull();
    assertThat(map.containsKey("CONTENT-TYPE")).isTrue();
    assertThat(map.containsKey("Missing")).isFalse();
  }

  @Test
  void walkingItGivesEveryValueOnceUnderTheTransportContext() {
    TransportContext context = new TransportContext("http", null, map, null, Map.of());
    assertThat(context.headers().get("x-tag")).containsExactly("a", "b");
    assertThat(context.header("Content-Type")).hasValue("application/json");
    assertThat(map.entrySet()).allSatisfy(entry -> assertThat(entry.getValue()).isNotEmpty());
    assertThat(map.entrySet()).isSameAs(map.entrySet());
    assertThat(map.get("x-tag")).isInstanceOf(List.class);
  }
}
