package io.jsonrpc2.examples.websocket;

import io.jsonrpc2.CallContext;
import io.jsonrpc2.JsonRpcException;
import io.jsonrpc2.JsonRpcMethod;
import io.jsonrpc2.NonBlocking;

/**
 * The handler the WebSocket example serves under the namespace {@code main}: {@code main.echo} and
 * {@code main.countdown}, which notifies its caller on the caller's own WebSocket.
 */
// docs:begin websocket-handler
public final class Countdown {

  @JsonRpcMethod
  @NonBlocking
  public String echo(String text) {
    return text;
  }

  /**
   * Sends the caller {@code n} notifications {@code main.tick}, with params {@code [n-1]} down to
   * {@code [0]}, then answers {@code "liftoff"}. Over plain HTTP there is no way back to the
   * caller, and the call fails with a clear error.
   */
  @JsonRpcMethod
  public String countdown(int n, CallContext call) {
    if (n < 0 || n > 1000) {
      throw new JsonRpcException(-32602, "n must be between 0 and 1000");
    }
    var caller =
        call.peerIfAny()
            .orElseThrow(() -> new JsonRpcException(-32000, "countdown needs a WebSocket"));
    for (int left = n - 1; left >= 0; left--) {
      caller.notify("main.tick", left);
    }
    return "liftoff";
  }
}
// docs:end websocket-handler
