package io.jsonrpc2.benchmarks.jmh;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * The four messages every implementation is measured on, with the reply each must give.
 *
 * <p>Requests are written the way common clients write them: {@code jsonrpc}, {@code method},
 * {@code params}, {@code id}, without whitespace.
 */
public enum Workload {
  /** {@code echo("hello")}. */
  ECHO(echo(1, "hello"), reply(1, "\"hello\"")),
  /** {@code subtract(42, 23)}. */
  SUBTRACT(subtract(1), reply(1, "19")),
  /** A batch of 100 requests, echo and subtract taking turns, ids 1 to 100. */
  BATCH_100(batch(100), batchReply(100)),
  /** {@code echo} of one string of 100 KiB (ASCII letters). */
  STRING_100K(echo(1, longString(100 * 1024)), reply(1, '"' + longString(100 * 1024) + '"'));

  private static final ObjectMapper MAPPER = new ObjectMapper();

  @SuppressWarnings("ImmutableEnumChecker") // handed to the servers as is: a copy would be timed
  private final byte[] request;

  private final String expectedReply;

  Workload(String request, String expectedReply) {
    this.request = request.getBytes(StandardCharsets.UTF_8);
    this.expectedReply = expectedReply;
  }

  /** The request bytes; callers must not change them. */
  public byte[] request() {
    return request;
  }

  /** The reply as a JSON tree, to compare with a reply regardless of member order. */
  public JsonNode expectedReply() {
    return parse(expectedReply.getBytes(StandardCharsets.UTF_8));
  }

  /**
   * Checks that {@code reply} is this workload's reply, member order aside.
   *
   * @throws IllegalStateException naming {@code implementation} if it is not
   */
  public void check(String implementation, byte[] reply) {
    if (reply == null) {
      throw new IllegalStateException(implementation + " gave no reply to " + this);
    }
    JsonNode actual = parse(reply);
    if (!actual.equals(expectedReply())) {
      String text = new String(reply, StandardCharsets.UTF_8);
      throw new IllegalStateException(
          implementation
              + " answered "
              + this
              + " wrongly: "
              + (text.length() > 300 ? text.substring(0, 300) + "..." : text));
    }
  }

  static JsonNode parse(byte[] json) {
    try {
      return MAPPER.readTree(json);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String echo(int id, String value) {
    return "{\"jsonrpc\":\"2.0\",\"method\":\"echo\",\"params\":[\""
        + value
        + "\"],\"id\":"
        + id
        + "}";
  }

  private static String subtract(int id) {
    return "{\"jsonrpc\":\"2.0\",\"method\":\"subtract\",\"params\":[42,23],\"id\":" + id + "}";
  }

  private static String reply(int id, String resultJson) {
    return "{\"jsonrpc\":\"2.0\",\"result\":" + resultJson + ",\"id\":" + id + "}";
  }

  private static String batch(int size) {
    StringBuilder out = new StringBuilder("[");
    for (int id = 1; id <= size; id++) {
      out.append(id == 1 ? "" : ",").append(id % 2 == 1 ? echo(id, "hello") : subtract(id));
    }
    return out.append(']').toString();
  }

  private static String batchReply(int size) {
    StringBuilder out = new StringBuilder("[");
    for (int id = 1; id <= size; id++) {
      out.append(id == 1 ? "" : ",").append(reply(id, id % 2 == 1 ? "\"hello\"" : "19"));
    }
    return out.append(']').toString();
  }

  private static String longString(int length) {
    StringBuilder out = new StringBuilder(length);
    for (int i = 0; i < length; i++) {
      out.append((char) ('a' + i % 26));
    }
    return out.toString();
  }
}
