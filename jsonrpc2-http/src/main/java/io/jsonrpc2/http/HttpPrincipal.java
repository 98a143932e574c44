package io.jsonrpc2.http;

import java.security.Principal;
import java.util.Objects;

/**
 * The principal the shipped authenticators hand to methods: a name and the HTTP authentication
 * scheme that proved it ("Basic", "Bearer").
 *
 * @param name the user name (Basic) or the name given to the token (Bearer); never null
 * @param scheme the authentication scheme; never null
 */
public record HttpPrincipal(String name, String scheme) implements Principal {

  public HttpPrincipal {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(scheme, "scheme");
  }

  @Override
  public String getName() {
    return name;
  }
}
