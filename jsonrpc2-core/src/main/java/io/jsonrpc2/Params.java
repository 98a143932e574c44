package io.jsonrpc2;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * A read-only view of a request's params for methods registered as functions.
 *
 * <p>Values are converted with the service's {@code ObjectMapper}. A missing or unconvertible value
 * throws a {@link JsonRpcException} with code -32602 (Invalid params) whose message names the
 * parameter, so a function can simply let it propagate. A JSON {@code null} value converts to Java
 * null, which is why {@code get} and {@code as} may return null; {@code require} refuses it with
 * the same -32602, so a method that needs a value gets one or its caller a clear error.
 */
public interface Params {
  /** True when the request had no {@code params} member. */
  boolean isAbsent();

  /** True for named params (a JSON object). */
  boolean isNamed();

  /** True for positional params (a JSON array). */
  boolean isPositional();

  /** The number of positional values or named members; 0 when absent. */
  int size();

  /** The positional value at {@code index}, converted to {@code type}. */
  <T> @Nullable T get(int index, Class<T> type);

  /** The positional value at {@code index}, converted to a generic type. */
  <T> @Nullable T get(int index, TypeReference<T> type);

  /** The named value {@code name}, converted to {@code type}. */
  <T> @Nullable T get(String name, Class<T> type);

  /** The named value {@code name}, converted to a generic type. */
  <T> @Nullable T get(String name, TypeReference<T> type);

  /**
   * The positional value at {@code index}, converted to {@code type}; a JSON {@code null} is
   * refused like a missing value, with -32602.
   */
  <T> T require(int index, Class<T> type);

  /**
   * The named value {@code name}, converted to {@code type}; a JSON {@code null} is refused like a
   * missing value, with -32602.
   */
  <T> T require(String name, Class<T> type);

  /** The named value {@code name} if present (and not JSON null), converted to {@code type}. */
  <T> Optional<T> find(String name, Class<T> type);

  /** The positional value at {@code index} if present (and not JSON null). */
  <T> Optional<T> find(int index, Class<T> type);

  /** The whole params converted to one type, such as a record for named params. */
  <T> @Nullable T as(Class<T> type);

  /** The params as a tree: an array, an object, or a missing node when absent. */
  JsonNode asNode();
}
