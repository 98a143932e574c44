package io.jsonrpc2.client;

import io.jsonrpc2.message.Id;
import io.jsonrpc2.message.Response;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The responses to one sent message: one for every request in it (notifications have none), in the
 * order of the requests, and findable by the id each request was sent with.
 *
 * <p>Error responses are ordinary elements: check {@link Response#isError()}. The lookup is by the
 * request's id, so it also finds a response whose own id is {@code null} because the server could
 * not read the request. Immutable and thread-safe.
 */
public final class BatchResponse {
  private final Map<Id, Response> byRequestId;
  private final List<Response> responses;

  /**
   * @param byRequestId each request's id mapped to its response, in the order of the requests
   */
  public BatchResponse(Map<Id, Response> byRequestId) {
    Map<Id, Response> copy = new LinkedHashMap<>();
    byRequestId.forEach(
        (id, response) ->
            copy.put(
                Objects.requireNonNull(id, "id"), Objects.requireNonNull(response, "response")));
    this.byRequestId = Collections.unmodifiableMap(copy);
    this.responses = List.copyOf(new ArrayList<>(copy.values()));
  }

  /** The responses in the order of the message's requests. */
  public List<Response> responses() {
    return responses;
  }

  /** The response to the request that was sent with {@code id}. */
  public Optional<Response> get(Id id) {
    return Optional.ofNullable(byRequestId.get(id));
  }

  /** The response to the request that was sent with the numeric id {@code id}. */
  public Optional<Response> get(long id) {
    return get(Id.of(id));
  }

  /** The response to the request that was sent with the string id {@code id}. */
  public Optional<Response> get(String id) {
    return get(Id.of(id));
  }

  /** The ids of the requests, in order. */
  public List<Id> ids() {
    return List.copyOf(byRequestId.keySet());
  }

  public int size() {
    return responses.size();
  }

  public boolean isEmpty() {
    return responses.isEmpty();
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof BatchResponse other && byRequestId.equals(other.byRequestId);
  }

  @Override
  public int hashCode() {
    return byRequestId.hashCode();
  }

  @Override
  public String toString() {
    return "BatchResponse" + byRequestId;
  }
}
