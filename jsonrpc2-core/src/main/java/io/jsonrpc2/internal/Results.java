package io.jsonrpc2.internal;

import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.jsonrpc2.client.ErrorResponseException;
import io.jsonrpc2.client.InvalidResponseException;
import io.jsonrpc2.message.ErrorObject;
import io.jsonrpc2.message.Request;
import io.jsonrpc2.message.Response;
import java.io.IOException;
import org.jspecify.annotations.Nullable;

/** Turns a response into the value a typed call returns. */
public final class Results {
  private Results() {}

  /**
   * The response's result converted to {@code type} ({@code JsonNode} as it is).
   *
   * @throws ErrorResponseException for an error response
   * @throws InvalidResponseException when the result does not convert
   */
  // T is what type stands for: the callers make type from their Class<T> or TypeReference<T>.
  @SuppressWarnings("TypeParameterUnusedInFormals")
  public static <T> @Nullable T convert(
      ObjectMapper mapper, Request request, Response response, JavaType type) {
    ErrorObject error = response.error();
    if (error != null) {
      throw new ErrorResponseException(error, request.method());
    }
    JsonNode result = response.result();
    if (type.getRawClass() == JsonNode.class) {
      @SuppressWarnings("unchecked")
      T node = (T) result;
      return node;
    }
    try {
      return mapper.readerFor(type).readValue(result);
    } catch (IOException | IllegalArgumentException e) {
      throw new InvalidResponseException(
          "the result of '"
              + request.method()
              + "' cannot be read as "
              + type.toCanonical()
              + ": "
              + Throwables.reason(e),
          e);
    }
  }
}
