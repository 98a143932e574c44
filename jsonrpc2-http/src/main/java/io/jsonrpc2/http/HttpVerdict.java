package io.jsonrpc2.http;

import java.security.Principal;
import org.jspecify.annotations.Nullable;

/**
 * What {@link HttpRules#admit} decided from a request's head: serve it (as a principal, or
 * anonymously), or send the refusal at once without reading the body.
 *
 * @param refusal the answer to send instead of serving; null when admitted
 * @param principal who the admitted request is served as; null when anonymous or refused
 */
public record HttpVerdict(@Nullable HttpAnswer refusal, @Nullable Principal principal) {
  private static final HttpVerdict ANONYMOUS = new HttpVerdict(null, null);

  static HttpVerdict admitted(@Nullable Principal principal) {
    return principal == null ? ANONYMOUS : new HttpVerdict(null, principal);
  }

  static HttpVerdict refused(HttpAnswer refusal) {
    return new HttpVerdict(refusal, null);
  }

  public boolean isAdmitted() {
    return refusal == null;
  }
}
