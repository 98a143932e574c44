package io.jsonrpc2.cli;

import io.jsonrpc2.JsonRpcService;
import io.jsonrpc2.stdio.StdioFraming;
import io.jsonrpc2.stdio.StdioServer;
import java.io.File;
import java.io.IOException;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code jsonrpc2 serve [--http PORT] [--netstring PORT] [--zmq tcp://HOST:PORT]
 * CLASS[:namespace]...}: serves the public methods of the classes until Ctrl-C (or any other
 * request to end the JVM), then stops every server gracefully.
 *
 * <p>It prints one {@code listening on URL} line per server, with the port really bound (so {@code
 * --http 0} works), in the form {@code jsonrpc2 call} takes, then {@code ready}.
 *
 * <p>{@code jsonrpc2 serve --stdio [--framing newline|content-length] CLASS...} serves on standard
 * input and output instead, as an editor or an MCP host runs a tool: what it prints goes to
 * standard error, and it ends (status 0) when the input ends and the calls in flight have answered.
 */
@Command(
    name = "serve",
    sortOptions = false,
    mixinStandardHelpOptions = true,
    versionProvider = JsonRpcCli.Version.class,
    usageHelpAutoWidth = true,
    description = {
      "Serves the public methods of the given classes over HTTP, netstrings and ZeroMQ until Ctrl-C.",
      "CLASS serves its methods under their own names, CLASS:ns as ns.name. Static methods are called as they are;",
      "instance methods on one instance made with the public no-argument constructor.",
      "Only the methods the class itself declares are served (never toString, getClass and the like)."
    })
public final class ServeCommand implements Runnable {
  /** How long calls in flight get to finish when the server stops. */
  static final Duration GRACE = Duration.ofSeconds(5);

  @Spec CommandSpec spec;

  @Option(
      names = "--http",
      paramLabel = "PORT",
      description = "Serve HTTP on PORT (0: any free port).")
  @Nullable Integer httpPort;

  @Option(
      names = "--netstring",
      paramLabel = "PORT",
      description = "Serve netstrings on PORT (0: any free port).")
  @Nullable Integer netstringPort;

  @Option(
      names = "--zmq",
      paramLabel = "tcp://HOST:PORT",
      description = "Serve ZeroMQ, bound here (port 0: any free port).")
  @Nullable String zmqEndpoint;

  @Option(
      names = "--zmq-router",
      description = "A ROUTER socket (many calls at once) instead of REP (one at a time).")
  boolean zmqRouter;

  @Option(
      names = "--stdio",
      description =
          "Serve on stdin/stdout (alone: stdout carries the protocol); ends when stdin ends.")
  boolean stdio;

  @Option(
      names = "--framing",
      paramLabel = "newline|content-length",
      defaultValue = "newline",
      converter = FramingConverter.class,
      description =
          "How --stdio frames messages: newline (one per line, default) or content-length (LSP).")
  StdioFraming framing = StdioFraming.NEWLINE;

  @Option(
      names = "--path",
      paramLabel = "/PATH",
      defaultValue = "/",
      description = "The HTTP path (default: /).")
  String path;

  @Option(
      names = "--host",
      paramLabel = "HOST",
      defaultValue = "127.0.0.1",
      description = "The address for HTTP and netstrings (default: 127.0.0.1).")
  String host;

  @Option(
      names = {"--classpath", "-cp"},
      paramLabel = "PATHS",
      description =
          "Directories and jars to load the classes from, separated by '"
              + "${sys:path.separator}"
              + "'.")
  @Nullable String classpath;

  @Option(
      names = "--tls-cert",
      paramLabel = "PEM",
      description = "Certificate chain: HTTP becomes HTTPS and netstrings TLS.")
  @Nullable File tlsCertificate;

  @Option(
      names = "--tls-key",
      paramLabel = "PEM",
      description = "Private key (PKCS#8) of --tls-cert.")
  @Nullable File tlsKey;

  @Option(
      names = "--error-code",
      paramLabel = "CLASS=CODE",
      description =
          "Answer exceptions of CLASS (fully qualified, or a subclass) with error CODE and their message (repeatable).")
  List<String> errorCodes = new ArrayList<>();

  @Parameters(
      arity = "1..*",
      paramLabel = "CLASS[:NAMESPACE]",
      description = "The classes to serve.")
  List<String> classes = new ArrayList<>();

  @Override
  public void run() {
    if (stdio) {
      serveStdio();
      return;
    }
    List<Listener> listeners = start();
    CountDownLatch stopped = new CountDownLatch(1);
    PrintWriter out = spec.commandLine().getOut();
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  stopAll(listeners);
                  out.println("stopped");
                  out.flush();
                  stopped.countDown();
                },
                "jsonrpc2-serve-shutdown"));
    out.println("ready; Ctrl-C stops");
    out.flush();
    try {
      stopped.await();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /**
   * Loads the classes, starts every server asked for and prints where they listen.
   *
   * @return the servers, started
   * @throws CliException (usage) if something asked for cannot be served; servers already started
   *     are stopped first
   */
  List<Listener> start() {
    if (httpPort == null && netstringPort == null && zmqEndpoint == null) {
      throw CliException.usage(
          "say where to listen: --http PORT, --netstring PORT, --zmq tcp://HOST:PORT or --stdio");
    }
    if (zmqRouter && zmqEndpoint == null) {
      throw CliException.usage("--zmq-router needs --zmq tcp://HOST:PORT");
    }
    if ((tlsCertificate == null) != (tlsKey == null)) {
      throw CliException.usage("TLS needs both --tls-cert and --tls-key");
    }
    if (!path.startsWith("/")) {
      throw CliException.usage("--path must start with /, got '" + path + "'");
    }
    Listeners.Tls tls = tlsCertificate == null ? null : new Listeners.Tls(tlsCertificate, tlsKey);
    PrintWriter out = spec.commandLine().getOut();
    JsonRpcService service = service(out);
    List<Listener> listeners = new ArrayList<>();
    try {
      if (httpPort != null) {
        listeners.add(Listeners.http(service, host, httpPort, path, tls));
      }
      if (netstringPort != null) {
        listeners.add(Listeners.netstring(service, host, netstringPort, tls));
      }
      if (zmqEndpoint != null) {
        listeners.add(Listeners.zmq(service, zmqEndpoint, zmqRouter));
      }
    } catch (RuntimeException e) {
      stopAll(listeners);
      throw e;
    }
    listeners.forEach(listener -> out.println("listening on " + listener.url()));
    out.flush();
    return listeners;
  }

  /** Loads the classes and prints what they serve to {@code out}. */
  private JsonRpcService service(PrintWriter out) {
    List<ServedClasses.ServedClass> served =
        classes.stream().map(ServedClasses.ServedClass::parse).toList();
    List<ServedClasses.ErrorCode> codes =
        errorCodes.stream().map(ServedClasses.ErrorCode::parse).toList();
    JsonRpcService service =
        ServedClasses.service(served, codes, ServedClasses.classLoader(classpath), classpath);
    // The library's own rpc.* extensions (such as rpc.unsubscribe) are not the user's methods.
    out.println(
        "serving "
            + String.join(
                ", ",
                service.methodNames().stream().filter(name -> !name.startsWith("rpc.")).toList()));
    out.flush();
    return service;
  }

  /** Serves on stdin/stdout until stdin ends; everything it says goes to stderr. */
  private void serveStdio() {
    if (httpPort != null || netstringPort != null || zmqEndpoint != null) {
      throw CliException.usage(
          "--stdio serves alone: its standard output carries the protocol, so drop --http,"
              + " --netstring and --zmq");
    }
    if (tlsCertificate != null || tlsKey != null) {
      throw CliException.usage("--stdio has no TLS: the pipes are the process's own");
    }
    PrintWriter err = spec.commandLine().getErr();
    JsonRpcService service = service(err);
    err.println("serving on stdin/stdout, " + framing.name().toLowerCase(Locale.ROOT) + " framing");
    err.flush();
    try {
      StdioServer.builder(service).framing(framing).shutdownGrace(GRACE).build().serve();
    } catch (IOException e) {
      throw new CliException(ExitCode.TRANSPORT, "stdio: " + e.getMessage(), e);
    }
  }

  /** Reads {@code --framing}: {@code newline} or {@code content-length}. */
  static final class FramingConverter implements CommandLine.ITypeConverter<StdioFraming> {
    @Override
    public StdioFraming convert(String value) {
      return switch (value.toLowerCase(Locale.ROOT)) {
        case "newline" -> StdioFraming.NEWLINE;
        case "content-length" -> StdioFraming.CONTENT_LENGTH;
        default ->
            throw new CommandLine.TypeConversionException(
                "--framing is newline or content-length, got '" + value + "'");
      };
    }
  }

  /** Stops every listener at once and waits for them, a little longer than the grace period. */
  static void stopAll(List<Listener> listeners) {
    CompletableFuture<?>[] stops =
        listeners.stream().map(listener -> listener.stop(GRACE)).toArray(CompletableFuture[]::new);
    try {
      CompletableFuture.allOf(stops).get(GRACE.toMillis() + 5_000, TimeUnit.MILLISECONDS);
    } catch (Exception e) {
      // Stopping is best effort: the JVM is about to end, and nothing is left to tell.
    }
  }
}
