package io.jsonrpc2.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.core.JsonFactory;
import io.jsonrpc2.message.Id;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RawMessageTest {
  private static RawMessage inspect(String json) {
    return RawMessage.inspect(json.getBytes(StandardCharsets.UTF_8), new JsonFactory());
  }

  @Test
  void findsTheIdsOfTheRequestsExactly() {
    RawMessage single =
        inspect(
            "{\"jsonrpc\":\"2.0\",\"method\":\"cat\",\"params\":{\"name\":\"Mittens\"},\"id\":5}");
    assertThat(single.batch()).isFalse();
    assertThat(single.requestIds()).containsExactly(Id.of(5));

    RawMessage batch =
        inspect(
            "[{\"jsonrpc\":\"2.0\",\"method\":\"a\",\"id\":\"x\"},{\"jsonrpc\":\"2.0\",\"method\":\"n\"},"
                + "{\"jsonrpc\":\"2.0\",\"method\":\"b\",\"id\":1.50},{\"jsonrpc\":\"2.0\",\"method\":\"c\",\"id\":null}]");
    assertThat(batch.batch()).isTrue();
    assertThat(batch.requestIds()).containsExactly(Id.of("x"), Id.ofNumberText("1.50"), Id.NULL);
  }

  @Test
  void notificationsHaveNoIds() {
    assertThat(inspect("{\"jsonrpc\":\"2.0\",\"method\":\"n\"}").requestIds()).isEmpty();
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      quoteCharacter = '`', // the rows hold JSON and messages with both ' and "
      value = {
        "{\"method\":|not JSON",
        "[]|empty batch",
        "42|not a request",
        "[1]|element 0 is not a request",
        "{\"id\":1}|no string 'method'",
        "{\"method\":7,\"id\":1}|no string 'method'",
        "{\"method\":\"m\",\"id\":{}}|'id' must be",
        "[{\"method\":\"m\",\"id\":1},{\"method\":\"m\",\"id\":1}]|appears twice",
        "{\"method\":\"m\"} []|content after",
      })
  void refusesWhatIsNotAMessage(String json, String problem) {
    assertThatThrownBy(() -> inspect(json))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining(problem);
  }
}
