package io.jsonrpc2.cli;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import io.jsonrpc2.JsonRpcClient;
import io.jsonrpc2.client.BatchResponse;
import io.jsonrpc2.client.CallTimeoutException;
import io.jsonrpc2.client.ClientTransport;
import io.jsonrpc2.client.ClientTransports;
import io.jsonrpc2.client.ConnectOptions;
import io.jsonrpc2.client.InvalidResponseException;
import io.jsonrpc2.client.JsonRpcClientException;
import io.jsonrpc2.client.ParseResponseException;
import io.jsonrpc2.message.ErrorObject;
import io.jsonrpc2.message.Notification;
import io.jsonrpc2.message.Request;
import io.jsonrpc2.message.Response;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code jsonrpc2 call URL METHOD [ARG...]}: sends one request (or a notification, or a batch from
 * a file) and prints the result as JSON on stdout. Exit codes are {@link ExitCode}'s: 0 for a
 * result, 1 for an error response (its code, message and data on stderr), 2 for bad usage, 3 when
 * no valid reply came. Over a connection (netstrings, WebSocket) the notifications the server sends
 * while the call waits are printed on stdout as they come, one JSON per line, before the result;
 * {@code --follow} goes on printing them after it.
 */
@Command(
    name = "call",
    sortOptions = false,
    mixinStandardHelpOptions = true,
    versionProvider = JsonRpcCli.Version.class,
    usageHelpAutoWidth = true,
    description = {
      "Calls METHOD on the server at URL and prints the result as JSON.",
      "Each ARG is sent as JSON when it is JSON (42, true, null, \"text\", [1,2], {\"a\":1}), as a string otherwise.",
      "Over a connection, notifications from the server are printed as they come, one JSON per line, before the result."
    },
    footer = {
      "",
      "URL: http://HOST:PORT/PATH, https://..., netstring://HOST:PORT, netstring+tls://HOST:PORT, ws://HOST:PORT/PATH, wss://..., zmq+tcp://HOST:PORT",
      "Exit codes: 0 result, 1 error response, 2 bad usage, 3 no valid reply (unreachable, timeout, not JSON-RPC)."
    })
public final class CallCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Parameters(index = "0", paramLabel = "URL", description = "Where the server listens.")
  String url;

  @Parameters(
      index = "1",
      arity = "0..1",
      paramLabel = "METHOD",
      description = "The method to call (not with --batch).")
  @Nullable String method;

  @Parameters(index = "2..*", paramLabel = "ARG", description = "Positional params.")
  List<String> args = new ArrayList<>();

  @Option(
      names = "--named",
      paramLabel = "NAME=VALUE",
      description = "A named param (repeatable); not with ARGs.")
  List<String> named = new ArrayList<>();

  @Option(
      names = "--notify",
      description = "Send a notification: no id, no reply awaited, nothing printed.")
  boolean notify;

  @Option(
      names = "--batch",
      paramLabel = "FILE",
      description =
          "Send the JSON in FILE (- for stdin) as it is: a request, a notification or a batch. Prints the responses.")
  @Nullable Path batch;

  @Option(
      names = {"-H", "--header"},
      paramLabel = "'NAME: VALUE'",
      description = "An HTTP header (repeatable).")
  List<String> headers = new ArrayList<>();

  @Option(
      names = {"-u", "--user"},
      paramLabel = "USER:PASSWORD",
      description = "HTTP Basic credentials.")
  @Nullable String user;

  @Option(
      names = {"-k", "--insecure"},
      description = "Trust any TLS certificate (for test servers only).")
  boolean insecure;

  @Option(
      names = "--timeout",
      paramLabel = "DURATION",
      defaultValue = "30s",
      converter = DurationConverter.class,
      description = "How long to wait for the reply: 30s (default), 500ms, 2m, or seconds.")
  Duration timeout;

  @Option(
      names = {"-v", "--verbose"},
      description = "Print each message sent (-->) and received (<--) on stderr.")
  boolean verbose;

  @Option(names = "--pretty", description = "Indent the JSON printed.")
  boolean pretty;

  @Option(
      names = "--follow",
      description =
          "After the result, keep printing the server's notifications until Ctrl-C, or until the"
              + " subscription the result names ends (connections only: netstring, ws, ...).")
  boolean follow;

  @Override
  public Integer call() {
    checkArguments();
    ConnectOptions options = connectOptions();
    String body = batch == null ? null : readBatch(batch);
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    JsonOutput json = new JsonOutput(pretty);
    ClientTransport transport;
    try {
      transport = ClientTransports.open(url, options);
    } catch (IllegalArgumentException | IllegalStateException e) {
      throw CliException.usage(Objects.toString(e.getMessage(), e.toString()));
    }
    if (verbose) {
      transport = new VerboseTransport(transport, err);
    }
    NotificationPrinter notifications = new NotificationPrinter(transport, out);
    if (follow && transport.isRequestResponse()) {
      transport.close();
      throw CliException.usage(
          "--follow needs a connection that carries the server's notifications (netstring://,"
              + " ws://, ...), not "
              + url);
    }
    transport = notifications;
    try (JsonRpcClient client =
        JsonRpcClient.builder().transport(transport).timeout(timeout).build()) {
      if (body != null) {
        return sendBatch(client, body, out, err, json);
      }
      String name = requireNonNull(method, "checkArguments lets no call without a METHOD through");
      JsonNode params =
          named.isEmpty()
              ? (args.isEmpty() ? null : JsonArguments.positional(args))
              : JsonArguments.named(named);
      if (notify) {
        client.send(new Notification(name, params));
        return ExitCode.OK;
      }
      Response response = client.send(new Request(null, name, params));
      int printed = printed(response, out, err, json);
      if (!follow || printed != ExitCode.OK) {
        return printed;
      }
      JsonNode result = response.result();
      return notifications.follow(result != null && result.isTextual() ? result.textValue() : null);
    } catch (ParseResponseException | InvalidResponseException e) {
      throw new CliException(
          ExitCode.TRANSPORT,
          "the reply from " + url + " is not a valid JSON-RPC response: " + e.getMessage(),
          e);
    } catch (CallTimeoutException e) {
      throw new CliException(
          ExitCode.TRANSPORT,
          "no reply from " + url + " within " + seconds(timeout) + " (--timeout)",
          e);
    } catch (JsonRpcClientException e) {
      throw new CliException(ExitCode.TRANSPORT, "no reply from " + url + ": " + e.getMessage(), e);
    }
  }

  private static String seconds(Duration duration) {
    return java.math.BigDecimal.valueOf(duration.toMillis(), 3).stripTrailingZeros().toPlainString()
        + " s";
  }

  private ConnectOptions connectOptions() {
    ConnectOptions.Builder options = ConnectOptions.builder().timeout(timeout);
    for (String header : headers) {
      int colon = header.indexOf(':');
      if (colon <= 0) {
        throw CliException.usage("--header takes 'Name: value', got '" + header + "'");
      }
      options.header(header.substring(0, colon).trim(), header.substring(colon + 1).trim());
    }
    if (user != null) {
      int colon = user.indexOf(':');
      if (colon < 0) {
        throw CliException.usage("--user takes user:password");
      }
      options.basicAuth(user.substring(0, colon), user.substring(colon + 1));
    }
    if (insecure) {
      options.trustAllCertificatesForTesting();
    }
    return options.build();
  }

  private void checkArguments() {
    if (follow && (notify || batch != null)) {
      throw CliException.usage("--follow follows a call: not with --notify or --batch");
    }
    if (batch != null) {
      if (method != null || !named.isEmpty() || notify) {
        throw CliException.usage(
            "--batch sends the file as it is: give no METHOD, ARG, --named or --notify with it");
      }
      return;
    }
    if (method == null) {
      throw CliException.usage("give a METHOD to call, or --batch FILE");
    }
    if (!args.isEmpty() && !named.isEmpty()) {
      throw CliException.usage("params are positional (ARG...) or named (--named), not both");
    }
  }

  private static String readBatch(Path batch) {
    try {
      return batch.toString().equals("-")
          ? new String(System.in.readAllBytes(), StandardCharsets.UTF_8)
          : Files.readString(batch);
    } catch (IOException e) {
      throw CliException.usage("cannot read " + batch + ": " + e);
    }
  }

  private int printed(Response response, PrintWriter out, PrintWriter err, JsonOutput json) {
    ErrorObject error = response.error();
    if (error != null) {
      err.println(json.describe(error));
      return ExitCode.ERROR_RESPONSE;
    }
    out.println(json.write(requireNonNull(response.result())));
    return ExitCode.OK;
  }

  /**
   * The errors of {@code responses} as {@code CODE MESSAGE}, each once, in the order they first
   * come, with how often each comes: a batch of a thousand bad elements gets a line, not a
   * thousand.
   */
  private static Map<String, Long> distinctErrors(List<Response> responses) {
    return responses.stream()
        .map(Response::error)
        .filter(Objects::nonNull)
        .map(error -> error.code() + " " + error.message())
        .collect(Collectors.groupingBy(error -> error, LinkedHashMap::new, Collectors.counting()));
  }

  private int sendBatch(
      JsonRpcClient client, String body, PrintWriter out, PrintWriter err, JsonOutput json) {
    BatchResponse responses;
    try {
      responses = client.send(body);
    } catch (IllegalArgumentException e) {
      throw CliException.usage(
          batch + " is not a JSON-RPC request, notification or batch: " + e.getMessage());
    }
    long errors = responses.responses().stream().filter(Response::isError).count();
    if (body.stripLeading().startsWith("[")) {
      ArrayNode all = JsonArguments.MAPPER.createArrayNode();
      responses.responses().forEach(response -> all.add(JsonOutput.responseObject(response)));
      if (!all.isEmpty()) {
        out.println(json.write(all));
      }
    } else if (!responses.isEmpty()) {
      out.println(json.write(JsonOutput.responseObject(responses.responses().get(0))));
    }
    if (errors > 0) {
      distinctErrors(responses.responses())
          .forEach((error, count) -> err.println(count + " x " + error));
      err.println(errors + " of " + responses.size() + " responses are errors");
      return ExitCode.ERROR_RESPONSE;
    }
    return ExitCode.OK;
  }
}
