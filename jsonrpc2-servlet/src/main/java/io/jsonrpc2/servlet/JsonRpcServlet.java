package io.jsonrpc2.servlet;

import io.jsonrpc2.JsonRpcService;
import io.jsonrpc2.http.HttpAnswer;
import io.jsonrpc2.http.HttpRules;
import io.jsonrpc2.http.HttpVerdict;
import io.jsonrpc2.server.TransportContext;
import jakarta.servlet.AsyncContext;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.security.Principal;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Serves a {@link JsonRpcService} from any Jakarta Servlet 6 container (Jetty, Tomcat, ...),
 * following the same {@link HttpRules} as the embedded Netty server.
 *
 * <pre>{@code
 * ServletHolder holder = new ServletHolder(new JsonRpcServlet(service));
 * holder.setAsyncSupported(true);
 * context.addServlet(holder, "/rpc");
 * }</pre>
 *
 * <p>Register it with async support: a reply that is ready at once (a non-blocking method) is
 * written straight away; otherwise the request is put in async mode and completed when the
 * service's future completes, so no container thread waits for a method. Without async support the
 * container's thread waits instead. The container's async timeout is switched off for these
 * requests: bound slow methods with the service's own timeout.
 *
 * <p>Methods see a {@link TransportContext} of transport "http" with the peer address, the request
 * headers and a principal: the rules' authenticator's, or else the one the container authenticated
 * ({@code getUserPrincipal()}).
 *
 * <p>For a {@code web.xml} deployment, the no-argument constructor reads two init parameters:
 * {@code jsonrpc2.service}, the name of a class implementing {@code Supplier<JsonRpcService>}, and
 * optionally {@code jsonrpc2.rules}, of a class implementing {@code Supplier<HttpRules>}; both need
 * a public no-argument constructor.
 *
 * <p>Thread-safe, as a servlet must be.
 */
public final class JsonRpcServlet extends HttpServlet {
  /** Init parameter naming a {@code Supplier<JsonRpcService>} class. */
  public static final String SERVICE_PARAMETER = "jsonrpc2.service";

  /** Init parameter naming a {@code Supplier<HttpRules>} class. */
  public static final String RULES_PARAMETER = "jsonrpc2.rules";

  private static final long serialVersionUID = 1L;
  private static final Logger LOG = LoggerFactory.getLogger("io.jsonrpc2.servlet");

  // Null only between the no-argument constructor and init().
  private transient @Nullable JsonRpcService service;
  private transient @Nullable HttpRules rules;

  /** Serves {@code service} under {@link HttpRules#defaults()}. */
  public JsonRpcServlet(JsonRpcService service) {
    this(service, HttpRules.defaults());
  }

  /** Serves {@code service} under {@code rules}. */
  public JsonRpcServlet(JsonRpcService service, HttpRules rules) {
    this.service = Objects.requireNonNull(service, "service");
    this.rules = Objects.requireNonNull(rules, "rules");
  }

  /** For containers that make servlets themselves: the service comes from the init parameters. */
  public JsonRpcServlet() {}

  @Override
  public void init() throws ServletException {
    if (service != null) {
      return;
    }
    String serviceClass = getInitParameter(SERVICE_PARAMETER);
    if (serviceClass == null) {
      throw new ServletException(
          "JsonRpcServlet made without a service needs the init parameter "
              + SERVICE_PARAMETER
              + " naming a Supplier<JsonRpcService> class");
    }
    service = supply(serviceClass, JsonRpcService.class);
    String rulesClass = getInitParameter(RULES_PARAMETER);
    rules = rulesClass == null ? HttpRules.defaults() : supply(rulesClass, HttpRules.class);
  }

  private <T> T supply(String className, Class<T> type) throws ServletException {
    try {
      ClassLoader loader = Thread.currentThread().getContextClassLoader();
      Class<?> supplierClass =
          Class.forName(className, true, loader != null ? loader : getClass().getClassLoader());
      Object supplier = supplierClass.getConstructor().newInstance();
      if (!(supplier instanceof Supplier<?> typed)) {
        throw new ServletException(
            className + " must implement Supplier<" + type.getSimpleName() + ">");
      }
      return type.cast(Objects.requireNonNull(typed.get(), className + " supplied null"));
    } catch (ReflectiveOperationException | RuntimeException e) {
      throw new ServletException(
          "cannot get a " + type.getSimpleName() + " from " + className + ": " + e, e);
    }
  }

  @Override
  protected void service(HttpServletRequest request, HttpServletResponse response)
      throws IOException {
    JsonRpcService service = Objects.requireNonNull(this.service, "init() has not run");
    HttpRules rules = Objects.requireNonNull(this.rules, "init() has not run");
    Map<String, List<String>> headers = Exchanges.headersOf(request);
    var remote = Exchanges.remoteAddressOf(request);
    HttpVerdict verdict = rules.admit(request.getMethod(), headers, remote);
    HttpAnswer refusal = verdict.refusal();
    if (refusal != null) {
      Exchanges.refuse(request, response, refusal, headers, rules.maxBodyBytes());
      return;
    }
    byte[] body = Exchanges.readBody(request, rules.maxBodyBytes());
    if (body == null) {
      Exchanges.answerAndLinger(request, response, rules.bodyTooLarge(headers));
      return;
    }
    Principal principal =
        verdict.principal() != null ? verdict.principal() : request.getUserPrincipal();
    // A container's request thread is there to block: a plain method runs on it, with no
    // hand-off; only a method's own future, still pending, lets the thread go (async support).
    TransportContext context =
        new TransportContext("http", remote, headers, principal, Map.of(), true);
    CompletableFuture<byte[]> reply = service.handle(rules.utf8Body(body, headers), context);
    if (reply.isDone() || !request.isAsyncSupported()) {
      Exchanges.write(response, awaitAnswer(rules, reply, headers));
      return;
    }
    AsyncContext async = request.startAsync();
    async.setTimeout(0);
    reply.whenComplete(
        (bytes, failure) -> {
          try {
            Exchanges.write(
                (HttpServletResponse) async.getResponse(), rules.answer(bytes, failure, headers));
          } catch (IOException | RuntimeException e) {
            LOG.debug("Could not write a JSON-RPC reply: {}", e.toString());
          } finally {
            async.complete();
          }
        });
  }

  private static HttpAnswer awaitAnswer(
      HttpRules rules, CompletableFuture<byte[]> reply, Map<String, List<String>> headers) {
    try {
      return rules.reply(reply.get(), headers);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return rules.serverError(headers);
    } catch (ExecutionException e) {
      return rules.answer(null, e.getCause(), headers);
    }
  }
}
