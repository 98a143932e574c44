package io.jsonrpc2.servlet.websocket;

import io.jsonrpc2.CallContext;
import io.jsonrpc2.JsonRpcMethod;
import io.jsonrpc2.NonBlocking;
import java.util.LinkedHashMap;
import java.util.Map;

/** Methods the WebSocket tests call. */
public final class TestMethods {

  @JsonRpcMethod
  @NonBlocking
  public Object echo(Object value) {
    return value;
  }

  @JsonRpcMethod
  @NonBlocking
  public Map<String, Object> whoami(CallContext context) {
    Map<String, Object> who = new LinkedHashMap<>();
    who.put("transport", context.transport().transport());
    who.put("remote", String.valueOf(context.transport().remoteAddress()));
    who.put("principal", context.transport().principalIfAny().map(p -> p.getName()).orElse(null));
    who.put("agent", context.transport().header("X-Agent").orElse(null));
    return who;
  }
}
