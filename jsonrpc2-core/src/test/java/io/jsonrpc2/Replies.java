package io.jsonrpc2;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;

/** Small helpers for reading replies in tests. */
final class Replies {
  private static final ObjectMapper MAPPER = new ObjectMapper();

  private Replies() {}

  static JsonNode call(JsonRpcService service, String request) {
    String reply = service.handle(request).join();
    assertThat(reply).as("reply to %s", request).isNotNull();
    return parse(reply);
  }

  static JsonNode result(JsonRpcService service, String request) {
    JsonNode reply = call(service, request);
    assertThat(reply.has("error")).as("error in %s", reply).isFalse();
    return reply.get("result");
  }

  static JsonNode error(JsonRpcService service, String request) {
    JsonNode reply = call(service, request);
    assertThat(reply.has("error")).as("error expected in %s", reply).isTrue();
    return reply.get("error");
  }

  static String request(String method, String params, Object id) {
    String idJson = id instanceof String s ? "\"" + s + "\"" : String.valueOf(id);
    return "{\"jsonrpc\":\"2.0\",\"method\":\""
        + method
        + "\""
        + (params == null ? "" : ",\"params\":" + params)
        + ",\"id\":"
        + idJson
        + "}";
  }

  static JsonNode parse(String json) {
    try {
      return MAPPER.readTree(json);
    } catch (IOException e) {
      throw new UncheckedIOException(json, e);
    }
  }
}
