package io.jsonrpc2.http;

import java.net.SocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * HTTP Basic authentication (RFC 7617): {@code Authorization: Basic base64(user:password)}, UTF-8.
 *
 * <p>An accepted request is served as an {@link HttpPrincipal} named after the user, with scheme
 * "Basic". A missing, malformed or wrong credential is refused with {@code WWW-Authenticate: Basic
 * realm="...", charset="UTF-8"}. Basic sends the password in clear: use it over TLS only.
 *
 * <p>Immutable and thread-safe; checks never block unless the given {@link Verifier} does.
 */
public final class BasicAuthenticator implements HttpAuthenticator {

  /** Checks one user's password; must be thread-safe and must not block. */
  @FunctionalInterface
  public interface Verifier {
    boolean verify(String user, String password);
  }

  private final String challenge;
  private final Verifier verifier;

  private BasicAuthenticator(String realm, Verifier verifier) {
    this.challenge = "Basic realm=" + Credentials.quoted(realm) + ", charset=\"UTF-8\"";
    this.verifier = verifier;
  }

  /**
   * Accepts the users of a fixed table, comparing passwords in constant time.
   *
   * @param realm the realm named in the challenge
   * @param passwordsByUser user name to password; copied
   */
  public static BasicAuthenticator of(String realm, Map<String, String> passwordsByUser) {
    Map<String, byte[]> digests = new HashMap<>();
    passwordsByUser.forEach(
        (user, password) ->
            digests.put(user, Credentials.digest(Objects.requireNonNull(password))));
    // A user who is not in the table is still compared against something, so that an unknown
    // user takes as long as a known one with a wrong password.
    byte[] unknown = Credentials.digest("\0no such user\0");
    return of(
        realm,
        (user, password) ->
            Credentials.sameSecret(password, digests.getOrDefault(user, unknown))
                && digests.containsKey(user));
  }

  /** Accepts whom {@code verifier} accepts. */
  public static BasicAuthenticator of(String realm, Verifier verifier) {
    return new BasicAuthenticator(
        Objects.requireNonNull(realm, "realm"), Objects.requireNonNull(verifier, "verifier"));
  }

  @Override
  public HttpAuthentication authenticate(
      Map<String, List<String>> headers, @Nullable SocketAddress remoteAddress) {
    String encoded = Credentials.authorization(headers, "Basic");
    if (encoded == null) {
      return HttpAuthentication.refused(challenge);
    }
    String decoded;
    try {
      decoded = new String(Base64.getDecoder().decode(encoded), StandardCharsets.UTF_8);
    } catch (IllegalArgumentException notBase64) {
      return HttpAuthentication.refused(challenge);
    }
    int colon = decoded.indexOf(':');
    if (colon < 0) {
      return HttpAuthentication.refused(challenge);
    }
    String user = decoded.substring(0, colon);
    return verifier.verify(user, decoded.substring(colon + 1))
        ? HttpAuthentication.accepted(new HttpPrincipal(user, "Basic"))
        : HttpAuthentication.refused(challenge);
  }
}
