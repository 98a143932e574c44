package io.jsonrpc2.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.NullNode;
import io.jsonrpc2.JsonLimits;
import io.jsonrpc2.client.InvalidResponseException;
import io.jsonrpc2.client.ParseResponseException;
import io.jsonrpc2.message.ErrorObject;
import io.jsonrpc2.message.Id;
import io.jsonrpc2.message.Response;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ResponseReaderTest {
  private final ResponseReader strict =
      new ResponseReader(new ObjectMapper(), JsonLimits.DEFAULTS, true);
  private final ResponseReader lenient =
      new ResponseReader(new ObjectMapper(), JsonLimits.DEFAULTS, false);

  private static List<ResponseReader.Reply> read(ResponseReader reader, String json) {
    return reader.read(json.getBytes(StandardCharsets.UTF_8));
  }

  private static Response valid(ResponseReader reader, String json) {
    List<ResponseReader.Reply> replies = read(reader, json);
    assertThat(replies).hasSize(1).first().isInstanceOf(ResponseReader.Valid.class);
    return ((ResponseReader.Valid) replies.get(0)).response();
  }

  private static ResponseReader.Bad bad(ResponseReader reader, String json) {
    List<ResponseReader.Reply> replies = read(reader, json);
    assertThat(replies).hasSize(1).first().isInstanceOf(ResponseReader.Bad.class);
    return (ResponseReader.Bad) replies.get(0);
  }

  @Test
  void successAndError() {
    assertThat(valid(strict, "{\"jsonrpc\":\"2.0\",\"result\":19,\"id\":1}"))
        .isEqualTo(Response.success(Id.of(1), new ObjectMapper().valueToTree(19)));
    Response error =
        valid(
            strict,
            "{\"jsonrpc\":\"2.0\",\"error\":{\"code\":-32601,\"message\":\"Method not found\",\"data\":[1]},\"id\":\"a\"}");
    assertThat(error.id()).isEqualTo(Id.of("a"));
    assertThat(error.error().code()).isEqualTo(-32601);
    assertThat(error.error().message()).isEqualTo("Method not found");
    assertThat(error.error().data().toString()).isEqualTo("[1]");
  }

  @Test
  void nullResultIsANullNode() {
    assertThat(valid(strict, "{\"jsonrpc\":\"2.0\",\"result\":null,\"id\":1}").result())
        .isEqualTo(NullNode.getInstance());
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      quoteCharacter = '`', // the rows hold JSON and messages with both ' and "
      value = {
        "1.50|1.50",
        "-0|-0",
        "1e2|1e2",
        "123456789012345678901234567890|123456789012345678901234567890",
        "\"x\"|x",
      })
  void idsKeepTheirExactText(String idJson, String text) {
    Response response = valid(strict, "{\"jsonrpc\":\"2.0\",\"result\":0,\"id\":" + idJson + "}");
    assertThat(response.id().text()).isEqualTo(text);
  }

  @Test
  void aBatchReplyIsReadElementByElement() {
    List<ResponseReader.Reply> replies =
        read(
            strict,
            "[{\"jsonrpc\":\"2.0\",\"result\":1,\"id\":1}, 7, {\"jsonrpc\":\"2.0\",\"result\":2}]");
    assertThat(replies).hasSize(3);
    assertThat(replies.get(0)).isInstanceOf(ResponseReader.Valid.class);
    assertThat(((ResponseReader.Bad) replies.get(1)).problem())
        .hasMessageContaining("must be an object");
    assertThat(((ResponseReader.Bad) replies.get(2)).problem()).hasMessageContaining("'id' member");
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      quoteCharacter = '`', // the rows hold JSON and messages with both ' and "
      value = {
        "{\"result\":1,\"id\":1}|'jsonrpc' member must be \"2.0\"",
        "{\"jsonrpc\":\"1.0\",\"result\":1,\"id\":1}|'jsonrpc' member must be \"2.0\"",
        "{\"jsonrpc\":2.0,\"result\":1,\"id\":1}|'jsonrpc' member must be \"2.0\"",
        "{\"jsonrpc\":\"2.0\",\"id\":1}|exactly one of 'result' and 'error'",
        "{\"jsonrpc\":\"2.0\",\"result\":1,\"error\":{\"code\":1,\"message\":\"m\"},\"id\":1}|exactly one of",
        "{\"jsonrpc\":\"2.0\",\"error\":{\"code\":\"x\",\"message\":\"m\"},\"id\":1}|malformed error object",
        "{\"jsonrpc\":\"2.0\",\"error\":{\"code\":1.5,\"message\":\"m\"},\"id\":1}|malformed error object",
        "{\"jsonrpc\":\"2.0\",\"error\":{\"code\":1},\"id\":1}|malformed error object",
        "{\"jsonrpc\":\"2.0\",\"error\":{\"code\":1,\"message\":7},\"id\":1}|malformed error object",
        "{\"jsonrpc\":\"2.0\",\"error\":\"boom\",\"id\":1}|malformed error object",
        "{\"jsonrpc\":\"2.0\",\"error\":null,\"id\":1}|malformed error object",
        "{\"jsonrpc\":\"2.0\",\"result\":1,\"result\":2,\"id\":1}|twice",
      })
  void invalidResponsesAreReportedForTheirId(String json, String problem) {
    ResponseReader.Bad bad = bad(strict, json);
    assertThat(bad.id()).isEqualTo(Id.of(1));
    assertThat(bad.problem())
        .isInstanceOf(InvalidResponseException.class)
        .hasMessageContaining(problem);
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      quoteCharacter = '`', // the rows hold JSON and messages with both ' and "
      value = {
        "{\"jsonrpc\":\"2.0\",\"result\":1}|'id' member",
        "{\"jsonrpc\":\"2.0\",\"result\":1,\"id\":true}|must be a string, a number or null, got true",
        "{\"jsonrpc\":\"2.0\",\"result\":1,\"id\":[1]}|got [1]",
        "\"hello\"|must be an object",
      })
  void invalidResponsesWithoutAReadableId(String json, String problem) {
    ResponseReader.Bad bad = bad(strict, json);
    assertThat(bad.id()).isNull();
    assertThat(bad.problem()).hasMessageContaining(problem);
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "{\"jsonrpc\":\"2.0\",\"result\":1,|not JSON",
        "meow|not JSON",
        "''|empty",
        "{\"jsonrpc\":\"2.0\",\"result\":1,\"id\":1} {}|content after",
      })
  void repliesThatAreNotJsonAreParseErrors(String text, String problem) {
    assertThatThrownBy(() -> read(strict, text))
        .isInstanceOf(ParseResponseException.class)
        .hasMessageContaining(problem);
  }

  @Test
  void anEmptyArrayIsInvalid() {
    assertThatThrownBy(() -> read(strict, "[]")).isInstanceOf(InvalidResponseException.class);
  }

  @Test
  void limitsApplyToReplies() {
    ResponseReader shallow =
        new ResponseReader(new ObjectMapper(), JsonLimits.DEFAULTS.withMaxNestingDepth(4), true);
    assertThatThrownBy(() -> read(shallow, "{\"jsonrpc\":\"2.0\",\"result\":[[[[[1]]]]],\"id\":1}"))
        .isInstanceOf(ParseResponseException.class);
  }

  @Test
  void messagesWithAMethodAreCallsFromThePeer() {
    assertThat(read(strict, "{\"jsonrpc\":\"2.0\",\"method\":\"ping\",\"id\":1}").get(0))
        .isInstanceOf(ResponseReader.PeerCall.class);
  }

  @Test
  void withoutValidationWhatCanBeUnderstoodIsTaken() {
    assertThat(valid(lenient, "{\"result\":1,\"id\":1}").result().intValue()).isEqualTo(1);
    assertThat(valid(lenient, "{\"jsonrpc\":\"2.0\",\"id\":1}").result())
        .isEqualTo(NullNode.getInstance());
    Response both =
        valid(lenient, "{\"result\":1,\"error\":{\"code\":5,\"message\":\"m\"},\"id\":1}");
    assertThat(both.error()).isEqualTo(ErrorObject.of(5, "m"));
    Response malformed = valid(lenient, "{\"error\":{\"code\":7},\"id\":1}");
    assertThat(malformed.error()).isEqualTo(ErrorObject.of(7, ""));
    assertThat(valid(lenient, "{\"error\":null,\"result\":3,\"id\":1}").result().intValue())
        .isEqualTo(3);
    // Still not acceptable: an error that is not an object at all.
    assertThat(read(lenient, "{\"error\":\"boom\",\"id\":1}").get(0))
        .isInstanceOf(ResponseReader.Bad.class);
  }
}
