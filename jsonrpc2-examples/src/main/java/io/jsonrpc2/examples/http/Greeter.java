package io.jsonrpc2.examples.http;

import io.jsonrpc2.CallContext;
import io.jsonrpc2.JsonRpcMethod;
import java.security.Principal;
import java.util.Optional;

// docs:begin greeter
/** The Python jsonrpc2 library's {@code greeting(name="world")}, and who is calling. */
public final class Greeter {
  @JsonRpcMethod
  public String greeting(Optional<String> name) {
    return "Hello, " + name.orElse("world") + "!";
  }

  /** The authenticated caller, as the HTTP server's authenticator named it. */
  @JsonRpcMethod
  public String whoami(CallContext context) {
    return context.transport().principalIfAny().map(Principal::getName).orElse("anonymous");
  }
}
// docs:end greeter
