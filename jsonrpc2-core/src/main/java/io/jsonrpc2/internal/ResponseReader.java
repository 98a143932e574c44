package io.jsonrpc2.internal;

import com.fasterxml.jackson.core.JsonFactory;
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

/**
 * Reads and checks reply bytes on the client side. With validation on, anything that is not a
 * JSON-RPC 2.0 response is reported as a problem for the id it carries (if it could be read);
 * with it off, what can be understood is taken as it is.
 */
public final class ResponseReader {
  /** One element of a reply: a response, or a problem found in it. */
  public sealed interface Reply {}

  public record Valid(Response response) implements Reply {}

  /** @param id the id the element carried, or null when there was none to read */
  public record Bad(Id id, InvalidResponseException problem) implements Reply {}

  private final ObjectMapper mapper;
  private final boolean validate;

  public ResponseReader(ObjectMapper mapper, JsonLimits limits, boolean validate) {
    JsonFactory factory =
        mapper.getFactory().copy().setStreamReadConstraints(
            StreamReadConstraints.builder()
                .maxNestingDepth(limits.maxNestingDepth())
                .maxStringLength(limits.maxStringLength())
                .build());
    this.mapper = new ObjectMapper(factory);
    this.validate = validate;
  }

  public List<Reply> read(byte[] bytes) {
    JsonNode root;
    try {
      root = mapper.readTree(bytes);
    } catch (IOException e) {
      throw new ParseResponseException("the reply is not JSON: " + Throwables.reason(e), e);
    }
    if (root == null || root.isMissingNode()) {
      throw new ParseResponseException("the reply is empty", null);
    }
    List<Reply> replies = new ArrayList<>();
    if (root.isArray()) {
      if (root.isEmpty()) {
        throw new InvalidResponseException("the reply is an empty array");
      }
      root.forEach(element -> replies.add(readOne(element)));
    } else {
      replies.add(readOne(root));
    }
    return replies;
  }

  private Reply readOne(JsonNode node) {
    if (!node.isObject()) {
      return bad(null, "a response must be an object, got " + node.getNodeType());
    }
    JsonNode idNode = node.get("id");
    Id id = readId(idNode);
    if (validate) {
      if (idNode == null) {
        return bad(null, "a response must have an 'id' member");
      }
      if (id == null) {
        return bad(null, "the response's 'id' must be a string, a number or null, got " + idNode);
      }
      JsonNode version = node.get("jsonrpc");
      if (version == null || !version.isTextual() || !"2.0".equals(version.asText())) {
        return bad(id, "the response's 'jsonrpc' member must be \"2.0\", got " + version);
      }
      if (node.has("result") == node.has("error")) {
        return bad(id, "a response must have exactly one of 'result' and 'error'");
      }
    }
    if (id == null) {
      id = Id.NULL;
    }
    JsonNode error = node.get("error");
    if (error != null && !(error.isNull() && !validate)) {
      ErrorObject errorObject = readError(error);
      if (errorObject == null) {
        return bad(id, "malformed error object: " + error);
      }
      return new Valid(Response.failure(id, errorObject));
    }
    JsonNode result = node.get("result");
    return new Valid(Response.success(id, result == null ? NullNode.getInstance() : result));
  }

  private ErrorObject readError(JsonNode error) {
    JsonNode code = error.get("code");
    JsonNode message = error.get("message");
    boolean wellFormed =
        error.isObject() && code != null && code.isIntegralNumber() && code.canConvertToInt()
            && message != null && message.isTextual();
    if (!wellFormed) {
      if (validate || !error.isObject()) {
        return null;
      }
      return new ErrorObject(
          code != null ? code.asInt() : ErrorObject.INTERNAL_ERROR.code(),
          message != null ? message.asText() : "",
          error.get("data"));
    }
    return new ErrorObject(code.intValue(), message.textValue(), error.get("data"));
  }

  private static Id readId(JsonNode idNode) {
    if (idNode == null) {
      return null;
    }
    if (idNode.isTextual()) {
      return Id.of(idNode.textValue());
    }
    if (idNode.isNumber()) {
      return Id.ofNumberText(idNode.isBigDecimal() ? idNode.decimalValue().toString() : idNode.asText());
    }
    return idNode.isNull() ? Id.NULL : null;
  }

  private static Bad bad(Id id, String problem) {
    return new Bad(id, new InvalidResponseException(problem));
  }
}
