package io.jsonrpc2.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class AuthenticatorsTest {
  private static final BasicAuthenticator BASIC =
      BasicAuthenticator.of("rpc", Map.of("ann", "s3cret:pass", "bob", "pw"));
  private static final BearerTokenAuthenticator BEARER =
      BearerTokenAuthenticator.of("rpc", Map.of("t-123", "build-bot", "t-456", "monitor"));

  private static Map<String, List<String>> authorization(String... values) {
    HeaderMap headers = new HeaderMap();
    for (String value : values) {
      headers.add("authorization", value);
    }
    return headers;
  }

  private static String basic(String userAndPassword) {
    return "Basic "
        + Base64.getEncoder().encodeToString(userAndPassword.getBytes(StandardCharsets.UTF_8));
  }

  @Test
  void basicAcceptsKnownUsersWithTheirPassword() {
    HttpAuthentication ann = BASIC.authenticate(authorization(basic("ann:s3cret:pass")), null);
    assertThat(ann.isAccepted()).isTrue();
    assertThat(ann.principal()).isEqualTo(new HttpPrincipal("ann", "Basic"));
    assertThat(ann.principal().getName()).isEqualTo("ann");
    assertThat(
            BASIC
                .authenticate(authorization("basic " + basic("bob:pw").substring(6)), null)
                .isAccepted())
        .isTrue();
  }

  @Test
  void basicRefusesWithAChallenge() {
    for (Map<String, List<String>> headers :
        List.of(
            authorization(),
            authorization(basic("ann:wrong")),
            authorization(basic("carl:pw")),
            authorization(basic("ann")),
            authorization("Basic !!!not-base64"),
            authorization("Bearer t-123"),
            authorization(basic("ann:s3cret:pass"), basic("ann:s3cret:pass")))) {
      HttpAuthentication refused = BASIC.authenticate(headers, null);
      assertThat(refused.isAccepted()).as(headers.toString()).isFalse();
      assertThat(refused.challenge()).isEqualTo("Basic realm=\"rpc\", charset=\"UTF-8\"");
    }
  }

  @Test
  void basicWithAVerifierFunction() {
    BasicAuthenticator any =
        BasicAuthenticator.of("r\"q", (user, password) -> password.equals(user + "!"));
    assertThat(any.authenticate(authorization(basic("zoe:zoe!")), null).principal().getName())
        .isEqualTo("zoe");
    assertThat(any.authenticate(authorization(), null).challenge())
        .isEqualTo("Basic realm=\"r\\\"q\", charset=\"UTF-8\"");
  }

  @Test
  void bearerAcceptsKnownTokens() {
    HttpAuthentication bot = BEARER.authenticate(authorization("Bearer t-123"), null);
    assertThat(bot.principal()).isEqualTo(new HttpPrincipal("build-bot", "Bearer"));
    assertThat(BEARER.authenticate(authorization("Bearer t-456"), null).principal().getName())
        .isEqualTo("monitor");
  }

  @Test
  void bearerTellsAMissingTokenFromAnInvalidOne() {
    assertThat(BEARER.authenticate(authorization(), null).challenge())
        .isEqualTo("Bearer realm=\"rpc\"");
    assertThat(BEARER.authenticate(authorization("Bearer "), null).challenge())
        .isEqualTo("Bearer realm=\"rpc\"");
    assertThat(BEARER.authenticate(authorization("Bearer t-999"), null).challenge())
        .isEqualTo("Bearer realm=\"rpc\", error=\"invalid_token\"");
    assertThat(BEARER.authenticate(authorization("Bearer t-12"), null).isAccepted()).isFalse();
  }

  @Test
  void bearerWithAResolverFunction() {
    BearerTokenAuthenticator jwtLike =
        BearerTokenAuthenticator.of(
            "api",
            token ->
                token.startsWith("ok.")
                    ? Optional.of(new HttpPrincipal(token.substring(3), "Bearer"))
                    : Optional.empty());
    assertThat(jwtLike.authenticate(authorization("Bearer ok.eve"), null).principal().getName())
        .isEqualTo("eve");
    assertThat(jwtLike.authenticate(authorization("Bearer no.eve"), null).isAccepted()).isFalse();
  }

  @Test
  void authenticationValuesCheckThemselves() {
    assertThat(HttpAuthentication.anonymous().isAccepted()).isTrue();
    assertThat(HttpAuthentication.anonymous().principal()).isNull();
    assertThatThrownBy(() -> HttpAuthentication.refused("a\r\nSet-Cookie: x"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> HttpAuthentication.accepted(null))
        .isInstanceOf(NullPointerException.class);
    assertThatThrownBy(() -> BasicAuthenticator.of("a\nb", Map.of()))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
