package io.jsonrpc2.examples.client;

import io.jsonrpc2.JsonRpcClient;
import io.jsonrpc2.client.ClientTransport;
import io.jsonrpc2.client.IdGenerator;
import io.jsonrpc2.client.IdGenerators;
import io.jsonrpc2.message.Id;
import java.util.concurrent.atomic.AtomicLong;

/** Choosing how request ids look. */
public final class IdGeneratorExamples {
  private IdGeneratorExamples() {}

  public static JsonRpcClient hex(ClientTransport transport) {
    // docs:begin id-generators
    JsonRpcClient client =
        JsonRpcClient.builder()
            .transport(transport)
            .idGenerator(IdGenerators.hex()) // "1", "2", ... "9", "a", "b", ...
            .build();
    // Others: IdGenerators.decimal() (the default: 1, 2, 3, ...), IdGenerators.uuid(),
    // IdGenerators.random() (8 characters of [0-9a-z]), IdGenerators.random(16, "abc123")
    // docs:end id-generators
    return client;
  }

  public static JsonRpcClient custom(ClientTransport transport) {
    // docs:begin custom-ids
    AtomicLong counter = new AtomicLong();
    IdGenerator prefixed = () -> Id.of("req-" + counter.incrementAndGet()); // must be thread-safe
    JsonRpcClient client =
        JsonRpcClient.builder().transport(transport).idGenerator(prefixed).build();
    // docs:end custom-ids
    return client;
  }
}
