package io.jsonrpc2.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class HttpRulesTest {
  private static final HttpRules DEFAULTS = HttpRules.defaults();

  private static Map<String, List<String>> headers(String... namesAndValues) {
    HeaderMap headers = new HeaderMap();
    for (int i = 0; i < namesAndValues.length; i += 2) {
      headers.add(namesAndValues[i], namesAndValues[i + 1]);
    }
    return headers;
  }

  private static String body(HttpAnswer answer) {
    return new String(answer.body(), StandardCharsets.UTF_8);
  }

  @ParameterizedTest
  @ValueSource(strings = {"GET", "PUT", "DELETE", "HEAD", "PATCH", "OPTIONS", "post"})
  void onlyPostIsServed(String method) {
    HttpVerdict verdict = DEFAULTS.admit(method, headers(), null);
    assertThat(verdict.isAdmitted()).isFalse();
    assertThat(verdict.refusal().status()).isEqualTo(405);
    assertThat(verdict.refusal().header("Allow")).isEqualTo("POST");
    assertThat(body(verdict.refusal())).contains("POST");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "application/json",
        "APPLICATION/JSON",
        "application/json; charset=utf-8",
        "application/json;charset=\"UTF-8\"",
        "application/json; charset=iso-8859-1",
        "application/json-rpc",
        "application/jsonrequest; charset=utf-8",
        "application/octet-stream"
      })
  void servesJsonTypesWithAnyCharsetAndOtherTypesWhenLenient(String contentType) {
    assertThat(DEFAULTS.admit("POST", headers("content-type", contentType), null).isAdmitted())
        .isTrue();
  }

  @Test
  void servesARequestWithoutContentType() {
    assertThat(DEFAULTS.admit("POST", headers(), null).isAdmitted()).isTrue();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "application/x-www-form-urlencoded",
        "multipart/form-data; boundary=xyz",
        "text/plain",
        "text/plain;charset=UTF-8"
      })
  void refusesWhatAFormOrCrossSiteFetchCanSend(String contentType) {
    HttpVerdict verdict = DEFAULTS.admit("POST", headers("Content-Type", contentType), null);
    assertThat(verdict.refusal().status()).isEqualTo(415);
    assertThat(body(verdict.refusal())).contains("application/json");
  }

  @Test
  void refusesACharsetTheJvmCannotDecode() {
    HttpVerdict verdict =
        DEFAULTS.admit(
            "POST", headers("Content-Type", "application/json; charset=klingon-9"), null);
    assertThat(verdict.refusal().status()).isEqualTo(415);
    assertThat(body(verdict.refusal())).contains("charset klingon-9");
  }

  @Test
  void refusesSeveralContentTypes() {
    HeaderMap twice =
        new HeaderMap().add("Content-Type", "application/json").add("content-type", "text/plain");
    HttpVerdict verdict = DEFAULTS.admit("POST", twice, null);
    assertThat(verdict.refusal().status()).isEqualTo(400);
    assertThat(body(verdict.refusal())).contains("more than one Content-Type");
  }

  @Test
  void strictRulesRequireAJsonType() {
    HttpRules strict = HttpRules.builder().strictContentType(true).build();
    assertThat(strict.admit("POST", headers(), null).refusal().status()).isEqualTo(415);
    assertThat(
            strict
                .admit("POST", headers("Content-Type", "application/octet-stream"), null)
                .refusal()
                .status())
        .isEqualTo(415);
    assertThat(
            strict
                .admit("POST", headers("Content-Type", "application/json-rpc"), null)
                .isAdmitted())
        .isTrue();
  }

  @Test
  void refusesADeclaredLengthOverTheLimitBeforeReading() {
    HttpRules small = HttpRules.builder().maxBodyBytes(100).build();
    assertThat(small.admit("POST", headers("Content-Length", "100"), null).isAdmitted()).isTrue();
    assertThat(small.admit("POST", headers("Content-Length", "101"), null).refusal().status())
        .isEqualTo(413);
    assertThat(small.admit("POST", headers("Content-Length", "x"), null).refusal().status())
        .isEqualTo(400);
    assertThat(DEFAULTS.maxBodyBytes()).isEqualTo(16L * 1024 * 1024);
  }

  @Test
  void repliesAre200Json() {
    HttpAnswer answer = DEFAULTS.reply("{}".getBytes(StandardCharsets.UTF_8), headers());
    assertThat(answer.status()).isEqualTo(200);
    assertThat(answer.headers()).containsExactly(Map.entry("Content-Type", "application/json"));
    assertThat(body(answer)).isEqualTo("{}");
  }

  @Test
  void noReplyIsAnEmpty200OrA204ByOption() {
    assertThat(DEFAULTS.reply(null, headers()).status()).isEqualTo(200);
    assertThat(DEFAULTS.reply(null, headers()).hasBody()).isFalse();
    HttpRules noContent = HttpRules.builder().notificationStatus(204).build();
    assertThat(noContent.reply(null, headers()).status()).isEqualTo(204);
    assertThat(noContent.reply(null, headers()).hasBody()).isFalse();
    assertThatThrownBy(() -> HttpRules.builder().notificationStatus(202))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void anyCaseInsensitiveMapWillDo() {
    Map<String, List<String>> tree = new java.util.TreeMap<>(String.CASE_INSENSITIVE_ORDER);
    tree.put("content-type", List.of("text/plain"));
    assertThat(DEFAULTS.admit("POST", tree, null).refusal().status()).isEqualTo(415);
  }

  @Test
  void decodesABodyInAnotherCharsetToUtf8() {
    byte[] latin1 = "{\"p\":\"caf\u00e9\"}".getBytes(StandardCharsets.ISO_8859_1);
    byte[] utf8 =
        DEFAULTS.utf8Body(latin1, headers("Content-Type", "application/json; charset=ISO-8859-1"));
    assertThat(new String(utf8, StandardCharsets.UTF_8)).isEqualTo("{\"p\":\"caf\u00e9\"}");
    byte[] same = "{}".getBytes(StandardCharsets.UTF_8);
    assertThat(DEFAULTS.utf8Body(same, headers("Content-Type", "application/json; charset=utf-8")))
        .isSameAs(same);
    assertThat(DEFAULTS.utf8Body(same, headers())).isSameAs(same);
  }

  @Test
  void corsIsOffUnlessOriginsAreConfigured() {
    Map<String, List<String>> fromPage = headers("Origin", "https://app.example");
    assertThat(DEFAULTS.reply(new byte[] {'1'}, fromPage).headers())
        .doesNotContainKey("Access-Control-Allow-Origin");
    HttpVerdict preflight =
        DEFAULTS.admit(
            "OPTIONS",
            headers("Origin", "https://app.example", "Access-Control-Request-Method", "POST"),
            null);
    assertThat(preflight.refusal().status()).isEqualTo(405);
    assertThat(DEFAULTS.corsOrigins()).isEmpty();
  }

  @Test
  void corsAnswersPreflightsAndMarksRepliesForAllowedOrigins() {
    HttpRules cors = HttpRules.builder().corsOrigins("https://App.example/").build();
    HttpAnswer preflight =
        cors.admit(
                "OPTIONS",
                headers("Origin", "https://app.example", "Access-Control-Request-Method", "POST"),
                null)
            .refusal();
    assertThat(preflight.status()).isEqualTo(204);
    assertThat(preflight.headers())
        .containsEntry("Access-Control-Allow-Origin", "https://app.example")
        .containsEntry("Access-Control-Allow-Methods", "POST")
        .containsEntry("Access-Control-Allow-Headers", "Content-Type, Authorization")
        .containsEntry("Access-Control-Max-Age", "600")
        .containsEntry("Vary", "Origin");
    assertThat(cors.reply(new byte[] {'1'}, headers("Origin", "https://app.example")).headers())
        .containsEntry("Access-Control-Allow-Origin", "https://app.example")
        .containsEntry("Content-Type", "application/json");
    assertThat(cors.reply(new byte[] {'1'}, headers("Origin", "https://evil.example")).headers())
        .doesNotContainKey("Access-Control-Allow-Origin");
    assertThat(
            cors.admit(
                    "OPTIONS",
                    headers(
                        "Origin", "https://evil.example", "Access-Control-Request-Method", "POST"),
                    null)
                .refusal()
                .status())
        .isEqualTo(403);
    assertThat(
            cors.admit(
                    "OPTIONS",
                    headers(
                        "Origin", "https://app.example", "Access-Control-Request-Method", "PUT"),
                    null)
                .refusal()
                .status())
        .isEqualTo(403);
    assertThat(cors.admit("GET", headers(), null).refusal().header("Allow"))
        .isEqualTo("POST, OPTIONS");
  }

  @Test
  void corsWithAnyOriginAndCredentials() {
    HttpRules any = HttpRules.builder().corsOrigins("*").build();
    assertThat(any.reply(null, headers("Origin", "https://x.example")).headers())
        .containsEntry("Access-Control-Allow-Origin", "*");
    assertThatThrownBy(
            () -> HttpRules.builder().corsOrigins("*").corsAllowCredentials(true).build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("list the origins");
    HttpRules credentials =
        HttpRules.builder().corsOrigins("https://a.example").corsAllowCredentials(true).build();
    assertThat(credentials.reply(null, headers("Origin", "https://a.example")).headers())
        .containsEntry("Access-Control-Allow-Credentials", "true");
  }

  @Test
  void authenticatesOnlyRequestsThatPassedTheOtherRules() {
    int[] calls = {0};
    HttpRules rules =
        HttpRules.builder()
            .authenticator(
                (headers, remote) -> {
                  calls[0]++;
                  return headers.containsKey("authorization")
                      ? HttpAuthentication.accepted(new HttpPrincipal("ann", "Test"))
                      : HttpAuthentication.refused("Test realm=\"r\"");
                })
            .build();
    assertThat(rules.admit("GET", headers("Authorization", "x"), null).refusal().status())
        .isEqualTo(405);
    assertThat(
            rules
                .admit("POST", headers("Authorization", "x", "Content-Type", "text/plain"), null)
                .refusal()
                .status())
        .isEqualTo(415);
    assertThat(calls[0]).isZero();
    HttpVerdict refused = rules.admit("POST", headers(), null);
    assertThat(refused.refusal().status()).isEqualTo(401);
    assertThat(refused.refusal().header("WWW-Authenticate")).isEqualTo("Test realm=\"r\"");
    HttpVerdict admitted = rules.admit("POST", headers("AUTHORIZATION", "x"), null);
    assertThat(admitted.principal().getName()).isEqualTo("ann");
    assertThat(calls[0]).isEqualTo(2);
  }

  @Test
  void aFailingAuthenticatorIsAServerErrorNotAnAdmission() {
    HttpRules rules =
        HttpRules.builder()
            .authenticator(
                (headers, remote) -> {
                  throw new IllegalStateException("directory down");
                })
            .build();
    assertThat(rules.admit("POST", headers(), null).refusal().status()).isEqualTo(500);
    HttpRules nullResult = HttpRules.builder().authenticator((headers, remote) -> null).build();
    assertThat(nullResult.admit("POST", headers(), null).refusal().status()).isEqualTo(500);
  }

  @Test
  void httpErrorsAreShortPlainText() {
    HttpAnswer tooLarge = DEFAULTS.bodyTooLarge(headers());
    assertThat(tooLarge.status()).isEqualTo(413);
    assertThat(tooLarge.header("content-type")).isEqualTo("text/plain; charset=utf-8");
    assertThat(body(tooLarge)).isEqualTo("Request body larger than 16777216 bytes\n");
    assertThat(DEFAULTS.notFound(headers()).status()).isEqualTo(404);
    assertThat(HttpRules.badRequest("bad chunk").status()).isEqualTo(400);
  }

  @Test
  void aCompletedServiceIsItsReplyAndAFailedOneA500() {
    byte[] reply = "{}".getBytes(StandardCharsets.UTF_8);
    assertThat(DEFAULTS.answer(reply, null, headers()).body()).isSameAs(reply);
    assertThat(DEFAULTS.answer(null, null, headers()).status()).isEqualTo(200);
    HttpAnswer failed = DEFAULTS.answer(null, new IllegalStateException("broken"), headers());
    assertThat(failed.status()).isEqualTo(500);
    assertThat(body(failed)).doesNotContain("broken");
  }

  @Test
  void aRefusalClosesAfterA100ContinueLingersAfterA413AndOtherwiseDrains() {
    HttpAnswer tooLarge = DEFAULTS.bodyTooLarge(headers());
    HttpAnswer wrongMethod = DEFAULTS.admit("GET", headers(), null).refusal();
    Map<String, List<String>> waiting = headers("expect", "100-Continue");
    assertThat(HttpRules.expectsContinue(waiting)).isTrue();
    assertThat(HttpRules.expectsContinue(headers("Expect", "something-else"))).isFalse();
    assertThat(HttpRules.expectsContinue(headers())).isFalse();
    assertThat(RefusalEnding.of(tooLarge, waiting)).isEqualTo(RefusalEnding.CLOSE);
    assertThat(RefusalEnding.of(wrongMethod, waiting)).isEqualTo(RefusalEnding.CLOSE);
    assertThat(RefusalEnding.of(tooLarge, headers())).isEqualTo(RefusalEnding.LINGER);
    assertThat(RefusalEnding.of(wrongMethod, headers())).isEqualTo(RefusalEnding.DRAIN);
  }
}
