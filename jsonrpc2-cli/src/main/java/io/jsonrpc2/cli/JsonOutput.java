package io.jsonrpc2.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.jsonrpc2.message.ErrorObject;
import io.jsonrpc2.message.Response;
import java.io.UncheckedIOException;

/** How {@code call} writes JSON: compact on one line, or indented with {@code --pretty}. */
final class JsonOutput {
  private final boolean pretty;

  JsonOutput(boolean pretty) {
    this.pretty = pretty;
  }

  String write(JsonNode value) {
    try {
      return pretty
          ? JsonArguments.MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(value)
          : JsonArguments.MAPPER.writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The response as the specification writes it: jsonrpc, result or error, id. */
  static ObjectNode responseObject(Response response) {
    ObjectNode object = JsonArguments.MAPPER.createObjectNode();
    object.put("jsonrpc", "2.0");
    ErrorObject error = response.error();
    if (error != null) {
      object.set("error", errorObject(error));
    } else {
      object.set("result", response.result());
    }
    object.set("id", JsonArguments.value(response.id().toJson()));
    return object;
  }

  static ObjectNode errorObject(ErrorObject error) {
    ObjectNode object = JsonArguments.MAPPER.createObjectNode();
    object.put("code", error.code());
    object.put("message", error.message());
    if (error.data() != null) {
      object.set("data", error.data());
    }
    return object;
  }

  /** The lines {@code call} prints on stderr for an error response. */
  String describe(ErrorObject error) {
    String text = "error " + error.code() + ": " + error.message();
    if (error.data() != null) {
      text += System.lineSeparator() + "data: " + write(error.data());
    }
    return text;
  }
}
