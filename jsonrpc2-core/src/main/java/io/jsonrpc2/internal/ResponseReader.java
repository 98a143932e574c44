package io.jsonrpc2.internal;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.NullNode;
import io.jsonrpc2.JsonLimits;
import io.jsonrpc2.client.InvalidResponseException;
import io.jsonrpc2.client.ParseResponseException;
import io.jsonrpc2.message.ErrorObject;
import io.jsonrpc2.message.Id;
import io.jsonrpc2.message.Response;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Reads and checks reply bytes on the client side.
 *
 * <p>The envelope is read with the streaming parser so that an id keeps its exact text ({@code
 * 1.50}, {@code -0} and 30-digit integers come back as they were sent and still match their call);
 * {@code result}, {@code error} and the rest become trees through the client's mapper. With
 * validation on, anything that is not a JSON-RPC 2.0 response is reported as a problem for the id
 * it carries (if that could be read); with it off, what can be understood is taken as it is.
 * Thread-safe.
 */
public final class ResponseReader {
  /** One element of a reply. */
  public sealed interface Reply {}

  /** A response. */
  public record Valid(Response response) implements Reply {}

  /** Something wrong with an element; {@code id} is the id it carried, or null when unreadable. */
  public record Bad(@Nullable Id id, InvalidResponseException problem) implements Reply {}

  /**
   * A request or notification from the peer (it has a {@code method}): not an answer to anything.
   */
  public record PeerCall(String description) implements Reply {}

  private final JsonFactory factory;
  private final ObjectMapper mapper;
  private final boolean validate;

  public ResponseReader(ObjectMapper mapper, JsonLimits limits, boolean validate) {
    this.factory =
        mapper
            .getFactory()
            .copy()
            .setStreamReadConstraints(
                StreamReadConstraints.builder()
                    .maxNestingDepth(limits.maxNestingDepth())
                    .maxStringLength(limits.maxStringLength())
                    .build());
    this.mapper = mapper;
    this.validate = validate;
  }

  /**
   * The elements of a reply: one for an object, one per element for an array.
   *
   * @throws ParseResponseException if the bytes are not one JSON value
   * @throws InvalidResponseException if the reply is an empty array
   */
  public List<Reply> read(byte[] bytes) {
    try (JsonParser parser = factory.createParser(bytes)) {
      parser.setCodec(mapper);
      JsonToken first = parser.nextToken();
      if (first == null) {
        throw new ParseResponseException("the reply is empty", null);
      }
      List<Reply> replies = new ArrayList<>();
      if (first == JsonToken.START_ARRAY) {
        JsonToken token;
        while ((token = parser.nextToken()) != JsonToken.END_ARRAY) {
          replies.add(readElement(parser, token));
        }
        if (replies.isEmpty()) {
          throw new InvalidResponseException("the reply is an empty array");
        }
      } else {
        replies.add(readElement(parser, first));
      }
      if (parser.nextToken() != null) {
        throw new ParseResponseException("the reply has content after its JSON value", null);
      }
      return replies;
    } catch (IOException e) {
      throw new ParseResponseException("the reply is not JSON: " + Throwables.reason(e), e);
    }
  }

  private Reply readElement(JsonParser parser, JsonToken token) throws IOException {
    if (token != JsonToken.START_OBJECT) {
      JsonNode value = parser.readValueAsTree();
      return bad(null, "a response must be an object, got " + abbreviate(value));
    }
    Envelope envelope = new Envelope();
    String name;
    while ((name = parser.nextFieldName()) != null) {
      JsonToken value = parser.nextToken();
      switch (name) {
        case "jsonrpc" -> envelope.version = envelope.note(name, parser.readValueAsTree());
        case "id" -> envelope.readId(parser, value);
        case "result" -> envelope.result = envelope.note(name, orNull(parser.readValueAsTree()));
        case "error" -> envelope.error = envelope.note(name, orNull(parser.readValueAsTree()));
        case "method" -> {
          envelope.method = envelope.note(name, parser.readValueAsTree());
        }
        default -> parser.skipChildren();
      }
    }
    return judge(envelope);
  }

  private Reply judge(Envelope e) {
    if (e.method != null) {
      return new PeerCall(
          "a message with method " + e.method + " and id " + (e.hasId ? e.idText : "(none)"));
    }
    if (validate) {
      if (!e.hasId) {
        return bad(null, "a response must have an 'id' member");
      }
      if (e.id == null) {
        return bad(null, "the response's 'id' must be a string, a number or null, got " + e.idText);
      }
      if (e.version == null || !e.version.isTextual() || !"2.0".equals(e.version.textValue())) {
        return bad(e.id, "the response's 'jsonrpc' member must be \"2.0\", got " + e.version);
      }
      if (e.duplicate != null) {
        return bad(e.id, "the response has the member '" + e.duplicate + "' twice");
      }
      if ((e.result == null) == (e.error == null)) {
        return bad(e.id, "a response must have exactly one of 'result' and 'error'");
      }
    }
    Id id = e.id != null ? e.id : Id.NULL;
    if (e.error != null && !(e.error.isNull() && !validate)) {
      ErrorObject error = readError(e.error);
      return error == null
          ? bad(id, "malformed error object: " + abbreviate(e.error))
          : new Valid(Response.failure(id, error));
    }
    return new Valid(Response.success(id, e.result == null ? NullNode.getInstance() : e.result));
  }

  private @Nullable ErrorObject readError(JsonNode error) {
    if (!error.isObject()) {
      return null;
    }
    JsonNode code = error.get("code");
    JsonNode message = error.get("message");
    boolean wellFormed =
        code != null
            && code.isIntegralNumber()
            && code.canConvertToInt()
            && message != null
            && message.isTextual();
    if (wellFormed) {
      return new ErrorObject(code.intValue(), message.textValue(), error.get("data"));
    }
    if (validate) {
      return null;
    }
    return new ErrorObject(
        code != null && code.canConvertToInt() ? code.asInt() : ErrorObject.INTERNAL_ERROR.code(),
        message != null ? message.asText() : "",
        error.get("data"));
  }

  private static JsonNode orNull(@Nullable JsonNode node) {
    return node == null ? NullNode.getInstance() : node;
  }

  private static String abbreviate(@Nullable JsonNode node) {
    String text = String.valueOf(node);
    return text.length() <= 200 ? text : text.substring(0, 200) + "...";
  }

  private static Bad bad(@Nullable Id id, String problem) {
    return new Bad(id, new InvalidResponseException(problem));
  }

  /** The members of one response object as read. */
  private static final class Envelope {
    @Nullable JsonNode version;
    @Nullable JsonNode result;
    @Nullable JsonNode error;
    @Nullable JsonNode method;
    boolean hasId;
    @Nullable Id id;
    @Nullable String idText;
    @Nullable String duplicate;
    private final List<String> seen = new ArrayList<>(4);

    @Nullable JsonNode note(String name, @Nullable JsonNode value) {
      if (seen.contains(name)) {
        duplicate = name;
      }
      seen.add(name);
      return value;
    }

    void readId(JsonParser parser, JsonToken value) throws IOException {
      if (hasId) {
        duplicate = "id";
      }
      hasId = true;
      switch (value) {
        case VALUE_STRING -> id = Id.of(parser.getText());
        case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> id = Id.ofNumberText(parser.getText());
        case VALUE_NULL -> id = Id.NULL;
        default -> {
          id = null;
          idText = abbreviate(parser.readValueAsTree());
          return;
        }
      }
      idText = id.toJson();
    }
  }
}
