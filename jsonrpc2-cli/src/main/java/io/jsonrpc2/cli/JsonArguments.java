package io.jsonrpc2.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.JsonNodeFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.POJONode;
import com.fasterxml.jackson.databind.node.TextNode;
import com.fasterxml.jackson.databind.util.RawValue;
import java.util.List;

/**
 * Turns command-line words into JSON-RPC params: a word that is JSON ({@code 42}, {@code true},
 * {@code null}, {@code "quoted"}, {@code [1,2]}, {@code {"a":1}}) is that JSON value, any other
 * word is a string. So {@code 42} is a number and {@code '"42"'} is the string "42". A number, an
 * array or an object goes out exactly as typed.
 */
final class JsonArguments {
  /**
   * Numbers keep every digit the user typed (big decimals, not doubles), and a word that starts as
   * JSON but goes on ({@code 1 2}, {@code {} x}) is not JSON.
   */
  static final ObjectMapper MAPPER =
      JsonMapper.builder()
          .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
          .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
          .disable(JsonNodeFeature.STRIP_TRAILING_BIGDECIMAL_ZEROES)
          .build();

  private JsonArguments() {}

  /** The JSON value {@code word} is, or the string {@code word} when it is not JSON. */
  static JsonNode value(String word) {
    if (word.isBlank()) {
      return TextNode.valueOf(word);
    }
    try {
      JsonNode node = MAPPER.readTree(word);
      // Numbers go out as the very text typed: -0.0 stays -0.0 (a BigDecimal has no negative
      // zero) and 1e400 stays 1e400 (a double cannot hold it).
      return node.isValueNode() && !node.isNumber()
          ? node
          : new POJONode(new RawValue(word.strip()));
    } catch (JsonProcessingException notJson) {
      return TextNode.valueOf(word);
    }
  }

  /** Positional params: one value per word, in order. */
  static ArrayNode positional(List<String> words) {
    ArrayNode params = MAPPER.createArrayNode();
    words.forEach(word -> params.add(value(word)));
    return params;
  }

  /**
   * Named params from {@code name=value} words; the value is read as {@link #value} reads a word.
   *
   * @throws CliException (usage) for a word without {@code =}, an empty name, or a name given twice
   */
  static ObjectNode named(List<String> pairs) {
    ObjectNode params = MAPPER.createObjectNode();
    for (String pair : pairs) {
      int equals = pair.indexOf('=');
      if (equals <= 0) {
        throw CliException.usage("--named takes name=value, got '" + pair + "'");
      }
      String name = pair.substring(0, equals);
      if (params.has(name)) {
        throw CliException.usage("--named gives '" + name + "' twice");
      }
      params.set(name, value(pair.substring(equals + 1)));
    }
    return params;
  }
}
