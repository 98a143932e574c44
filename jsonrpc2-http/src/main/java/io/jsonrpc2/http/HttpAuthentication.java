package io.jsonrpc2.http;

import java.security.Principal;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * What an {@link HttpAuthenticator} decided: serve the request as a principal, or refuse it with
 * 401 and a {@code WWW-Authenticate} challenge.
 *
 * @param principal who the request is served as; null when refused, or when accepted anonymously
 * @param challenge the {@code WWW-Authenticate} value of a refusal; null when accepted
 */
public record HttpAuthentication(@Nullable Principal principal, @Nullable String challenge) {
  private static final HttpAuthentication ANONYMOUS = new HttpAuthentication(null, null);

  public HttpAuthentication {
    if (principal != null && challenge != null) {
      throw new IllegalArgumentException("an authentication is accepted or refused, not both");
    }
  }

  /** Serve the request; methods see {@code principal} in their transport context. */
  public static HttpAuthentication accepted(Principal principal) {
    return new HttpAuthentication(Objects.requireNonNull(principal, "principal"), null);
  }

  /** Serve the request without a principal (authentication is optional for it). */
  public static HttpAuthentication anonymous() {
    return ANONYMOUS;
  }

  /**
   * Refuse with 401; {@code challenge} is sent as {@code WWW-Authenticate}, such as {@code Basic
   * realm="rpc", charset="UTF-8"}.
   */
  public static HttpAuthentication refused(String challenge) {
    Objects.requireNonNull(challenge, "challenge");
    if (challenge.isBlank() || challenge.indexOf('\r') >= 0 || challenge.indexOf('\n') >= 0) {
      throw new IllegalArgumentException("a challenge is one non-blank header line: " + challenge);
    }
    return new HttpAuthentication(null, challenge);
  }

  public boolean isAccepted() {
    return challenge == null;
  }
}
