package io.jsonrpc2.servlet;

import static io.jsonrpc2.testing.JsonAssertions.assertSameJson;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jsonrpc2.JsonRpcService;
import io.jsonrpc2.http.BasicAuthenticator;
import io.jsonrpc2.http.HttpRules;
import io.jsonrpc2.testing.HttpServerConformanceTest;
import io.jsonrpc2.testing.TestCertificate;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import java.util.function.Supplier;
import org.eclipse.jetty.ee10.servlet.ServletHolder;
import org.eclipse.jetty.ee10.servlet.security.ConstraintMapping;
import org.eclipse.jetty.ee10.servlet.security.ConstraintSecurityHandler;
import org.eclipse.jetty.security.Constraint;
import org.eclipse.jetty.security.HashLoginService;
import org.eclipse.jetty.security.UserStore;
import org.eclipse.jetty.util.security.Credential;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * What only the servlet has: container deployment, async modes, TLS and security of the container.
 */
@Timeout(30)
class JsonRpcServletTest {
  private static final String ECHO =
      "{\"jsonrpc\":\"2.0\",\"method\":\"echo\",\"params\":[\"hello\"],\"id\":1}";
  private static final String ECHO_REPLY = "{\"jsonrpc\":\"2.0\",\"result\":\"hello\",\"id\":1}";
  private static final String WHOAMI = "{\"jsonrpc\":\"2.0\",\"method\":\"whoami\",\"id\":1}";

  private final HttpClient client =
      HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

  static JsonRpcService service() {
    return JsonRpcService.builder().handler(new HttpServerConformanceTest.Methods()).build();
  }

  /** What a web.xml names in {@code jsonrpc2.service}. */
  public static final class ServiceFactory implements Supplier<JsonRpcService> {
    @Override
    public JsonRpcService get() {
      return service();
    }
  }

  /** What a web.xml names in {@code jsonrpc2.rules}. */
  public static final class StrictRules implements Supplier<HttpRules> {
    @Override
    public HttpRules get() {
      return HttpRules.builder().strictContentType(true).build();
    }
  }

  private HttpResponse<String> post(HttpClient client, URI endpoint, String body, String... headers)
      throws Exception {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(endpoint)
            .timeout(Duration.ofSeconds(10))
            .POST(HttpRequest.BodyPublishers.ofString(body));
    for (int i = 0; i < headers.length; i += 2) {
      request.header(headers[i], headers[i + 1]);
    }
    return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  private static String basic(String user, String password) {
    return "Basic "
        + Base64.getEncoder()
            .encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
  }

  @Test
  void aContainerCanMakeTheServletFromInitParameters() throws Exception {
    ServletHolder holder = new ServletHolder(JsonRpcServlet.class);
    holder.setAsyncSupported(true);
    holder.setInitParameter(JsonRpcServlet.SERVICE_PARAMETER, ServiceFactory.class.getName());
    holder.setInitParameter(JsonRpcServlet.RULES_PARAMETER, StrictRules.class.getName());
    try (Jetty jetty = Jetty.hosting(holder)) {
      assertSameJson(
          post(client, jetty.endpoint(), ECHO, "Content-Type", "application/json").body(),
          ECHO_REPLY);
      assertThat(post(client, jetty.endpoint(), ECHO).statusCode())
          .isEqualTo(415); // the strict rules apply
    }
  }

  @Test
  void missingOrWrongInitParametersMakeTheServletUnavailable() throws Exception {
    ServletHolder none = new ServletHolder(JsonRpcServlet.class);
    try (Jetty jetty = Jetty.hosting(none)) {
      assertThat(post(client, jetty.endpoint(), ECHO).statusCode())
          .isEqualTo(500); // Jetty's answer to a failed init
      assertThat(none.isAvailable()).isFalse();
    }
    ServletHolder wrong = new ServletHolder(JsonRpcServlet.class);
    wrong.setInitParameter(JsonRpcServlet.SERVICE_PARAMETER, String.class.getName());
    try (Jetty jetty = Jetty.hosting(wrong)) {
      assertThat(post(client, jetty.endpoint(), ECHO).statusCode()).isEqualTo(500);
      assertThat(wrong.isAvailable()).isFalse();
    }
    assertThatThrownBy(() -> new JsonRpcServlet(null)).isInstanceOf(NullPointerException.class);
  }

  @Test
  void withoutAsyncSupportALateReplyStillArrives() throws Exception {
    try (Jetty jetty = Jetty.hosting(Jetty.holder(new JsonRpcServlet(service()), false))) {
      String later = "{\"jsonrpc\":\"2.0\",\"method\":\"later\",\"params\":[\"late\",50],\"id\":3}";
      assertSameJson(
          post(client, jetty.endpoint(), later).body(),
          "{\"jsonrpc\":\"2.0\",\"result\":\"late\",\"id\":3}");
    }
  }

  @Test
  void servesHttpsThroughTheContainersConnector() throws Exception {
    TestCertificate certificate = TestCertificate.create();
    HttpRules rules =
        HttpRules.builder()
            .authenticator(BasicAuthenticator.of("rpc", Map.of("ann", "pw")))
            .build();
    try (Jetty jetty =
        Jetty.hostingTls(Jetty.holder(new JsonRpcServlet(service(), rules), true), certificate)) {
      HttpClient trusting =
          HttpClient.newBuilder()
              .version(HttpClient.Version.HTTP_1_1)
              .sslContext(certificate.clientContext())
              .build();
      assertThat(jetty.endpoint().getScheme()).isEqualTo("https");
      assertSameJson(
          post(trusting, jetty.endpoint(), WHOAMI, "Authorization", basic("ann", "pw")).body(),
          "{\"jsonrpc\":\"2.0\",\"result\":\"ann\",\"id\":1}");
      assertThat(post(trusting, jetty.endpoint(), WHOAMI).statusCode()).isEqualTo(401);
    }
  }

  @Test
  void withoutAnAuthenticatorMethodsSeeTheContainersPrincipal() throws Exception {
    try (Jetty jetty =
        Jetty.hostingWith(
            Jetty.holder(new JsonRpcServlet(service()), true),
            context -> {
              UserStore users = new UserStore();
              users.addUser("carl", Credential.getCredential("pw"), new String[] {"caller"});
              HashLoginService login = new HashLoginService("container");
              login.setUserStore(users);
              ConstraintMapping mapping = new ConstraintMapping();
              mapping.setPathSpec("/*");
              mapping.setConstraint(Constraint.from("caller"));
              ConstraintSecurityHandler security = new ConstraintSecurityHandler();
              security.setLoginService(login);
              security.setAuthenticator(
                  new org.eclipse.jetty.security.authentication.BasicAuthenticator());
              security.addConstraintMapping(mapping);
              context.setSecurityHandler(security);
            })) {
      assertSameJson(
          post(client, jetty.endpoint(), WHOAMI, "Authorization", basic("carl", "pw")).body(),
          "{\"jsonrpc\":\"2.0\",\"result\":\"carl\",\"id\":1}");
      assertThat(post(client, jetty.endpoint(), WHOAMI).statusCode()).isEqualTo(401);
    }
  }
}
