package io.jsonrpc2.internal;

import io.jsonrpc2.client.BatchResponse;
import io.jsonrpc2.message.Id;
import io.jsonrpc2.message.Response;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * What sending one message started.
 *
 * @param ids the ids of its requests, in order
 * @param responses one future per request, in order, completing with its response (error responses
 *     included) or failing with a {@code JsonRpcClientException}
 * @param delivered completes when the transport has taken the message (request-response transports:
 *     when the reply came); fails with a {@code TransportException}
 */
public record Exchange(
    List<Id> ids, List<CompletableFuture<Response>> responses, CompletableFuture<Void> delivered) {

  /** Completes with every response, once all came and the message was delivered. */
  public CompletableFuture<BatchResponse> allResponses() {
    List<CompletableFuture<?>> all = new ArrayList<>(responses);
    all.add(delivered);
    return Futures.cancelling(
        CompletableFuture.allOf(all.toArray(CompletableFuture<?>[]::new))
            .thenApply(
                done -> {
                  Map<Id, Response> byId = new LinkedHashMap<>();
                  for (int i = 0; i < ids.size(); i++) {
                    byId.put(ids.get(i), responses.get(i).join());
                  }
                  return new BatchResponse(byId);
                }),
        responses);
  }
}
