package io.jsonrpc2.testing;

import static java.util.Objects.requireNonNull;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import org.jspecify.annotations.Nullable;

/** Assertions on JSON text that ignore member order and white space. */
public final class JsonAssertions {
  private static final ObjectMapper MAPPER = new ObjectMapper();

  private JsonAssertions() {}

  /** Asserts that {@code actual} is the same JSON value as {@code expected}; both may be null. */
  public static void assertSameJson(@Nullable String actual, @Nullable String expected) {
    if (expected == null) {
      assertThat(actual).as("no reply is due").isNullOrEmpty();
      return;
    }
    assertThat(actual).as("a reply is due").isNotNull();
    assertThat(parse(requireNonNull(actual))).as("reply %s", actual).isEqualTo(parse(expected));
  }

  public static JsonNode parse(String json) {
    try {
      return MAPPER.readTree(json);
    } catch (IOException e) {
      throw new UncheckedIOException("not JSON: " + json, e);
    }
  }
}
