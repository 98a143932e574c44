package io.jsonrpc2.benchmarks.jmh;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.IntNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;

/**
 * The least JSON work a reply can cost with Jackson's tree model: {@code readTree} of the request,
 * a reply node built by hand, {@code writeValueAsBytes}. No validation, no method table, no
 * binding: every JSON-RPC server does at least this much, so it is the yardstick.
 */
public final class JacksonFloor implements RpcServer {
  private final ObjectMapper mapper = new ObjectMapper();

  @Override
  public byte[] handle(byte[] request) throws IOException {
    JsonNode message = mapper.readTree(request);
    JsonNode reply;
    if (message.isArray()) {
      ArrayNode replies = mapper.createArrayNode();
      for (JsonNode element : message) {
        replies.add(answer(element));
      }
      reply = replies;
    } else {
      reply = answer(message);
    }
    return mapper.writeValueAsBytes(reply);
  }

  private ObjectNode answer(JsonNode request) {
    JsonNode params = request.get("params");
    JsonNode result =
        "subtract".equals(request.get("method").textValue())
            ? IntNode.valueOf(params.get(0).intValue() - params.get(1).intValue())
            : params.get(0);
    ObjectNode reply = mapper.createObjectNode();
    reply.put("jsonrpc", "2.0");
    reply.set("result", result);
    reply.set("id", request.get("id"));
    return reply;
  }
}
