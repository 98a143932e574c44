package io.jsonrpc2.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Long plain strings are taken from the message bytes at the place Jackson's parser reports, and
 * everything else is left to Jackson. If a Jackson upgrade moved that place, these tests fail
 * instead of the fast path silently turning off (or worse).
 */
class RequestBytesTest {
  private static final String LONG =
      "0123456789abcdefghijklmnopqrstuvwxyz!#$%&'()*+,-./:;<=>?@[]^_`{|}~ABCDEFGH";

  /**
   * Every string value of {@code json} (read from the middle of a larger array) as plainString sees
   * it.
   */
  private static List<String> plainStrings(String json, int maxStringLength) throws Exception {
    byte[] message = json.getBytes(StandardCharsets.UTF_8);
    byte[] padded = new byte[message.length + 8];
    java.util.Arrays.fill(padded, (byte) '"');
    System.arraycopy(message, 0, padded, 5, message.length);
    JsonFactory factory =
        JsonFactory.builder()
            .streamReadConstraints(
                StreamReadConstraints.builder().maxStringLength(maxStringLength).build())
            .build();
    RequestBytes request = new RequestBytes(padded, 5, message.length);
    List<String> found = new ArrayList<>();
    try (JsonParser parser = factory.createParser(padded, 5, message.length)) {
      JsonToken token;
      while ((token = parser.nextToken()) != null) {
        if (token == JsonToken.FIELD_NAME) {
          continue;
        }
        if (token == JsonToken.VALUE_STRING) {
          found.add(String.valueOf(request.plainString(parser)));
        }
      }
    }
    return found;
  }

  @Test
  void takesLongPlainStringsWhereverTheyStand() throws Exception {
    assertThat(plainStrings("[\"" + LONG + "\", 1, \"" + LONG + "x\"]", 1000))
        .containsExactly(LONG, LONG + "x");
    assertThat(plainStrings("{\"a\" : \"" + LONG + "\",\"b\":{\"c\":[ \"" + LONG + "\" ]}}", 1000))
        .containsExactly(LONG, LONG);
    assertThat(plainStrings(" \n\"" + LONG + "\"", 1000)).containsExactly(LONG);
  }

  @Test
  void leavesEverythingElseToJackson() throws Exception {
    assertThat(
            plainStrings(
                "[\"short\",\"" + LONG + "\\n\",\"" + LONG + "\u00e9\",\"" + LONG + "\\\"\"]",
                1000))
        .containsExactly("null", "null", "null", "null");
    assertThat(plainStrings("[\"" + LONG + "\"]", LONG.length() - 1)).containsExactly("null");
    assertThat(plainStrings("[\"" + LONG + "\"]", LONG.length())).containsExactly(LONG);
  }
}
