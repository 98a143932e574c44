package io.jsonrpc2;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.jsonrpc2.server.TransportContext;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletableFuture;

/** Small helpers for reading replies in tests. */
final class Replies {
  private static final ObjectMapper MAPPER = new ObjectMapper();

  /** The context of a transport's I/O thread: the service hands blocking methods off. */
  static final TransportContext IO_THREAD = TransportContext.builder("io-thread").build();

  private Replies() {}

  /** Handles {@code message} as a transport's I/O thread would, which must not block. */
  static CompletableFuture<String> handleOnIoThread(JsonRpcService service, String message) {
    return service
        .handle(message.getBytes(StandardCharsets.UTF_8), IO_THREAD)
        .thenApply(reply -> reply == null ? null : new String(reply, StandardCharsets.UTF_8));
  }

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
