package io.jsonrpc2.client;

import io.jsonrpc2.message.Id;
import io.jsonrpc2.message.Response;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The responses to a batch: one for every request of the batch (notifications have none), in the
 * order of the requests, and findable by id.
 */
public final class BatchResponse {
  private final List<Response> responses;
  private final Map<Id, Response> byId;

  public BatchResponse(List<Response> responses) {
    this.responses = List.copyOf(responses);
    this.byId = new LinkedHashMap<>();
    for (Response response : this.responses) {
      byId.put(response.id(), response);
    }
  }

  /** The responses in the order of the batch's requests. */
  public List<Response> responses() {
    return responses;
  }

  /** The response to the request with {@code id}. */
  public Optional<Response> get(Id id) {
    return Optional.ofNullable(byId.get(id));
  }

  public int size() {
    return responses.size();
  }

  @Override
  public String toString() {
    return responses.toString();
  }
}
