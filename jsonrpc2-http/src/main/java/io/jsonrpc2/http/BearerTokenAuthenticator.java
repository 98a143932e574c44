package io.jsonrpc2.http;

import java.net.SocketAddress;
import java.security.Principal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * Bearer-token authentication (RFC 6750): {@code Authorization: Bearer <token>}.
 *
 * <p>A request without a token is refused with {@code WWW-Authenticate: Bearer realm="..."}; one
 * with a token that is not accepted adds {@code error="invalid_token"}, so a client knows to get a
 * new token rather than to log in.
 *
 * <p>Immutable and thread-safe; checks never block unless the given resolver does.
 */
public final class BearerTokenAuthenticator implements HttpAuthenticator {
  private final String challenge;
  private final String invalidTokenChallenge;
  private final Function<String, Optional<? extends Principal>> resolver;

  private BearerTokenAuthenticator(
      String realm, Function<String, Optional<? extends Principal>> resolver) {
    this.challenge = "Bearer realm=" + Credentials.quoted(realm);
    this.invalidTokenChallenge = challenge + ", error=\"invalid_token\"";
    this.resolver = resolver;
  }

  /**
   * Accepts a fixed set of tokens, each served as an {@link HttpPrincipal} with the given name.
   * Every token is compared in constant time, so timing tells nothing about a guess.
   *
   * @param realm the realm named in the challenge
   * @param namesByToken token to principal name; copied
   */
  public static BearerTokenAuthenticator of(String realm, Map<String, String> namesByToken) {
    @SuppressWarnings("ArrayRecordComponent") // a local pair, never compared
    record Known(byte[] digest, HttpPrincipal principal) {}
    List<Known> known = new ArrayList<>();
    namesByToken.forEach(
        (token, name) ->
            known.add(new Known(Credentials.digest(token), new HttpPrincipal(name, "Bearer"))));
    return of(
        realm,
        token -> {
          HttpPrincipal found = null;
          for (Known candidate : known) { // no early exit: the same work for every token
            if (Credentials.sameSecret(token, candidate.digest())) {
              found = candidate.principal();
            }
          }
          return Optional.ofNullable(found);
        });
  }

  /**
   * Accepts a token when {@code resolver} maps it to a principal (for example after checking a
   * signed token's signature and expiry); empty refuses it.
   */
  public static BearerTokenAuthenticator of(
      String realm, Function<String, Optional<? extends Principal>> resolver) {
    return new BearerTokenAuthenticator(
        Objects.requireNonNull(realm, "realm"), Objects.requireNonNull(resolver, "resolver"));
  }

  @Override
  public HttpAuthentication authenticate(
      Map<String, List<String>> headers, @Nullable SocketAddress remoteAddress) {
    String token = Credentials.authorization(headers, "Bearer");
    if (token == null) {
      return HttpAuthentication.refused(challenge);
    }
    Optional<? extends Principal> principal = resolver.apply(token);
    return principal != null && principal.isPresent()
        ? HttpAuthentication.accepted(principal.get())
        : HttpAuthentication.refused(invalidTokenChallenge);
  }
}
