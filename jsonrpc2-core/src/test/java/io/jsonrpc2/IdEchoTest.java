package io.jsonrpc2;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jsonrpc2.message.Id;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Ids come back byte for byte, whatever their form. */
class IdEchoTest {
  private final JsonRpcService service =
      JsonRpcService.builder().method("ping", (params, ctx) -> "pong").build();

  @ParameterizedTest
  @ValueSource(
      strings = {
        "1",
        "0",
        "-7",
        "1.5",
        "1.0",
        "-0",
        "1e3",
        "2E-2",
        "123456789012345678901234567890",
        "-123456789012345678901234567890.000000001",
        "\"\"",
        "\"abc\"",
        "\"with \\\"quotes\\\" and \\\\ \\n\"",
        "\"\\u00e9t\\u00e9\"",
        "\"\u00e9t\u00e9 \uD83D\uDE00\"",
        "null"
      })
  void idsAreEchoedExactly(String idJson) {
    String reply =
        service.handle("{\"jsonrpc\":\"2.0\",\"method\":\"ping\",\"id\":" + idJson + "}").join();

    if (Replies.parse(idJson).isTextual()) {
      // A string id is the same string; its escapes may be written differently.
      assertThat(Replies.parse(reply).get("id")).isEqualTo(Replies.parse(idJson));
    } else {
      assertThat(reply)
          .isEqualTo("{\"jsonrpc\":\"2.0\",\"result\":\"pong\",\"id\":" + idJson + "}");
    }
  }

  @Test
  void numberIdsKeepTheirText() {
    assertThat(Id.ofNumberText("1.50").text()).isEqualTo("1.50");
    assertThat(Id.ofNumberText("1"))
        .isEqualTo(Id.of(1))
        .isNotEqualTo(Id.of("1"))
        .isNotEqualTo(Id.ofNumberText("1.0"));
    for (String bad : new String[] {"01", "1.", ".5", "+1", "1e", "--1", "", "NaN", "0x10"}) {
      assertThatThrownBy(() -> Id.ofNumberText(bad))
          .as(bad)
          .isInstanceOf(IllegalArgumentException.class);
    }
  }

  @Test
  void stringIdsAreWrittenAsJson() {
    assertThat(Id.of("a\"b\\c\n").toJson()).isEqualTo("\"a\\\"b\\\\c\\n\"");
    assertThat(Id.NULL.toJson()).isEqualTo("null");
  }
}
