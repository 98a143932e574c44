package io.jsonrpc2;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.jsonrpc2.client.ParseResponseException;
import io.jsonrpc2.internal.ResponseReader;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * RFC 8259 requires UTF-8: a message with any byte sequence that is not strict UTF-8 (RFC 3629: no
 * surrogates, no overlong forms, nothing above U+10FFFF) is a parse error wherever it is, and a
 * reply of that kind fails the client's reading of it. Jackson's parser decides it; these cases
 * keep it decided.
 */
class StrictUtf8Test {
  private final JsonRpcService service =
      JsonRpcService.builder()
          .method("echo", (params, context) -> params.get(0, String.class))
          .build();

  /** {@code {"jsonrpc":"2.0","method":"echo","params":["a<bytes>b"],"id":1}}. */
  private static byte[] echoOf(String hex) {
    ByteArrayOutputStream message = new ByteArrayOutputStream();
    message.writeBytes(
        "{\"jsonrpc\":\"2.0\",\"method\":\"echo\",\"params\":[\"a"
            .getBytes(StandardCharsets.UTF_8));
    message.writeBytes(HexFormat.of().parseHex(hex));
    message.writeBytes("b\"],\"id\":1}".getBytes(StandardCharsets.UTF_8));
    return message.toByteArray();
  }

  private JsonNode reply(byte[] message) {
    return Replies.parse(new String(service.handle(message).join(), StandardCharsets.UTF_8));
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(
      strings = {
        "eda080", // U+D800, a lone high surrogate
        "edbfbf", // U+DFFF, a lone low surrogate
        "edb080eda080", // a low surrogate before a high one
        "eda080edb080", // a surrogate pair, encoded as two code points (CESU-8)
        "c0af", // '/' in two bytes: overlong
        "c1bf", // overlong
        "e080af", // '/' in three bytes: overlong
        "f08080af", // '/' in four bytes: overlong
        "f4908080", // U+110000, beyond Unicode
        "f5808080", // a lead byte beyond U+10FFFF
        "ff", // never in UTF-8
        "fe",
        "80", // a continuation byte with no lead
        "e282", // '€' cut short
        "c3", // 'é' cut short
        "e228a1", // a lead byte followed by ASCII
      })
  void aMessageThatIsNotStrictUtf8IsAParseError(String hex) {
    JsonNode reply = reply(echoOf(hex));

    assertThat(reply.get("error").get("code").asInt()).isEqualTo(-32700);
    assertThat(reply.get("id").isNull()).isTrue();
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(
      strings = {
        "7f", // U+007F
        "c280", // U+0080
        "dfbf", // U+07FF
        "e0a080", // U+0800
        "ed9fbf", // U+D7FF, just below the surrogates
        "ee8080", // U+E000, just above them
        "efbfbf", // U+FFFF
        "f0908080", // U+10000
        "f09f9880", // an emoji
        "f48fbfbf", // U+10FFFF, the last code point
      })
  void everyCodePointInStrictUtf8IsEchoed(String hex) {
    byte[] bytes = HexFormat.of().parseHex(hex);
    JsonNode reply = reply(echoOf(hex));

    assertThat(reply.get("result").asText())
        .isEqualTo("a" + new String(bytes, StandardCharsets.UTF_8) + "b");
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"eda080", "c0af", "ff"})
  void aMemberNameThatIsNotUtf8IsAParseErrorToo(String hex) {
    ByteArrayOutputStream message = new ByteArrayOutputStream();
    message.writeBytes(
        "{\"jsonrpc\":\"2.0\",\"method\":\"echo\",\"x".getBytes(StandardCharsets.UTF_8));
    message.writeBytes(HexFormat.of().parseHex(hex));
    message.writeBytes("\":1,\"params\":[\"a\"],\"id\":1}".getBytes(StandardCharsets.UTF_8));

    assertThat(reply(message.toByteArray()).get("error").get("code").asInt()).isEqualTo(-32700);
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"eda080", "f4908080", "ff"})
  void aReplyThatIsNotUtf8FailsTheClientsReadingOfIt(String hex) {
    ByteArrayOutputStream reply = new ByteArrayOutputStream();
    reply.writeBytes("{\"jsonrpc\":\"2.0\",\"result\":\"a".getBytes(StandardCharsets.UTF_8));
    reply.writeBytes(HexFormat.of().parseHex(hex));
    reply.writeBytes("\",\"id\":1}".getBytes(StandardCharsets.UTF_8));
    ResponseReader reader = new ResponseReader(new ObjectMapper(), JsonLimits.DEFAULTS, true);

    assertThatThrownBy(() -> reader.read(reply.toByteArray()))
        .isInstanceOf(ParseResponseException.class)
        .hasMessageContaining("UTF-8");
  }
}
