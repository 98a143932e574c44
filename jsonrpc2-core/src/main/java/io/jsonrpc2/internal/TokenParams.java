package io.jsonrpc2.internal;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.MissingNode;
import com.fasterxml.jackson.databind.util.TokenBuffer;
import io.jsonrpc2.JsonRpcException;
import io.jsonrpc2.Params;
import io.jsonrpc2.message.ErrorObject;
import java.io.IOException;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/** {@link Params} over the decoded params tokens; the tree is built on first use. */
final class TokenParams implements Params {
  private final @Nullable TokenBuffer tokens;
  private final ObjectMapper mapper;
  private final String method;
  private @Nullable JsonNode tree;

  TokenParams(@Nullable TokenBuffer tokens, ObjectMapper mapper, String method) {
    this.tokens = tokens;
    this.mapper = mapper;
    this.method = method;
  }

  @Override
  public JsonNode asNode() {
    if (tree == null) {
      try {
        tree =
            tokens == null ? MissingNode.getInstance() : mapper.readTree(tokens.asParser(mapper));
      } catch (IOException e) {
        throw invalid("params of " + method + " could not be read: " + e.getMessage());
      }
    }
    return tree;
  }

  @Override
  public boolean isAbsent() {
    return tokens == null;
  }

  @Override
  public boolean isNamed() {
    return asNode().isObject();
  }

  @Override
  public boolean isPositional() {
    return asNode().isArray();
  }

  @Override
  public int size() {
    return asNode().size();
  }

  @Override
  public <T> @Nullable T get(int index, Class<T> type) {
    return convert(
        required(positional(index), "#" + index), mapper.constructType(type), "#" + index);
  }

  @Override
  public <T> @Nullable T get(int index, TypeReference<T> type) {
    return convert(
        required(positional(index), "#" + index), mapper.constructType(type), "#" + index);
  }

  @Override
  public <T> @Nullable T get(String name, Class<T> type) {
    return convert(required(named(name), name), mapper.constructType(type), name);
  }

  @Override
  public <T> @Nullable T get(String name, TypeReference<T> type) {
    return convert(required(named(name), name), mapper.constructType(type), name);
  }

  @Override
  public <T> T require(int index, Class<T> type) {
    return notNull(get(index, type), "#" + index);
  }

  @Override
  public <T> T require(String name, Class<T> type) {
    return notNull(get(name, type), name);
  }

  private <T> T notNull(@Nullable T value, String name) {
    if (value == null) {
      throw invalid("parameter '" + name + "' of " + method + " must not be null");
    }
    return value;
  }

  @Override
  public <T> Optional<T> find(String name, Class<T> type) {
    JsonNode node = named(name);
    return node != null && !node.isNull()
        ? Optional.ofNullable(convert(node, mapper.constructType(type), name))
        : Optional.empty();
  }

  @Override
  public <T> Optional<T> find(int index, Class<T> type) {
    JsonNode node = positional(index);
    return node != null && !node.isNull()
        ? Optional.ofNullable(convert(node, mapper.constructType(type), "#" + index))
        : Optional.empty();
  }

  @Override
  public <T> @Nullable T as(Class<T> type) {
    return convert(
        asNode().isMissingNode() ? null : asNode(), mapper.constructType(type), "params");
  }

  private @Nullable JsonNode positional(int index) {
    JsonNode node = asNode();
    if (node.isMissingNode()) {
      return null;
    }
    if (!node.isArray()) {
      throw invalid(method + " takes positional params");
    }
    return node.get(index);
  }

  private @Nullable JsonNode named(String name) {
    JsonNode node = asNode();
    if (node.isMissingNode()) {
      return null;
    }
    if (!node.isObject()) {
      throw invalid(method + " takes named params");
    }
    return node.get(name);
  }

  private JsonNode required(@Nullable JsonNode node, String name) {
    if (node == null) {
      throw invalid("parameter '" + name + "' of " + method + " is missing");
    }
    return node;
  }

  // T is the type that the caller's Class or TypeReference names, and type was made from it.
  @SuppressWarnings("TypeParameterUnusedInFormals")
  private <T> @Nullable T convert(@Nullable JsonNode node, JavaType type, String name) {
    try {
      return mapper.convertValue(node, type);
    } catch (IllegalArgumentException e) {
      throw invalid(
          "parameter '"
              + name
              + "' of "
              + method
              + " expects "
              + ParamBinder.typeName(type)
              + ": "
              + Throwables.reason(e));
    }
  }

  static JsonRpcException invalid(String detail) {
    return new JsonRpcException(ErrorObject.INVALID_PARAMS.withDetail(detail));
  }
}
