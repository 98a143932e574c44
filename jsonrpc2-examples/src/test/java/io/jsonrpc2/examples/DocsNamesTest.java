package io.jsonrpc2.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Keeps the names in README.md and docs/*.md true to the code, where the snippet check cannot
 * reach: the prose and the tables.
 *
 * <ul>
 *   <li>A logger named by the docs (in a sentence or table cell that speaks of logging, a logback
 *       {@code <logger name="...">}, an slf4j-simple {@code simpleLogger.log.NAME} property) must
 *       be declared by the code of some module: {@code getLogger("name")}, {@code
 *       getLogger(X.class)}, or {@code getLogger(CONSTANT)} of a string constant; of {@code
 *       getLogger(CONSTANT + suffix)}, the constant's part.
 *   <li>Any other {@code io.jsonrpc2.} name must be a logger, a class or a package of the
 *       repository, or the value of a string constant of its code (a system property's name).
 *   <li>A method written {@code `Type.name(...)`} must be a public method of that type, and each
 *       {@code .next(...)} chained to it a public method of the type the previous one returns (when
 *       that type is known); {@code `name(...)`} alone must be a public method of some type of the
 *       library or the examples.
 *   <li>In a table whose first header cell speaks of a builder, each backticked option of the first
 *       column must be a public method of that builder (of any builder when the header names none).
 * </ul>
 */
class DocsNamesTest {
  private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();

  private static final Pattern JSONRPC2_NAME =
      Pattern.compile("io\\.jsonrpc2(?:\\.[A-Za-z_]\\w*)+");
  private static final Pattern LOG_WORD =
      Pattern.compile("\\blog(?:s|ged|ger|gers|ging)?\\b", Pattern.CASE_INSENSITIVE);
  private static final Pattern GET_LOGGER = Pattern.compile("getLogger\\(\\s*([^)]+?)\\s*\\)");
  private static final Pattern STRING_CONSTANT =
      Pattern.compile("\\bString\\s+(\\w+)\\s*=\\s*\"([^\"]+)\"");
  private static final Pattern CODE_SPAN = Pattern.compile("`([^`\\n]+)`");
  private static final Pattern CALL_START =
      Pattern.compile("^(?:([A-Z]\\w*(?:\\.[A-Z]\\w*)*)\\.)?([a-z]\\w*)\\(");

  /** Public types of the library and the examples, by simple name ("Outer.Inner" for nested). */
  private static final Map<String, Class<?>> TYPES = new HashMap<>();

  private static final Set<String> PUBLIC_METHOD_NAMES = new HashSet<>();
  private static final Set<String> BUILDER_METHOD_NAMES = new HashSet<>();
  private static final Set<String> CLASSES = new HashSet<>();
  private static final Set<String> PACKAGES = new HashSet<>();
  private static final Set<String> LOGGERS = new TreeSet<>();
  private static final Set<String> CONSTANT_VALUES = new HashSet<>();

  @BeforeAll
  static void readTheCode() throws IOException {
    List<Path> sources = mainSources();
    Map<String, String> constants = new HashMap<>();
    for (Path file : sources) {
      Matcher constant = STRING_CONSTANT.matcher(Files.readString(file));
      while (constant.find()) {
        constants.put(constant.group(1), constant.group(2));
        CONSTANT_VALUES.add(constant.group(2));
      }
    }
    for (Path file : sources) {
      String className = className(file);
      CLASSES.add(className);
      for (String p = packageOf(className); p.contains("."); p = packageOf(p)) {
        PACKAGES.add(p);
      }
      String text = Files.readString(file);
      Matcher logger = GET_LOGGER.matcher(text);
      while (logger.find()) {
        LOGGERS.add(loggerName(logger.group(1), file, text, constants));
      }
      load(className).ifPresent(DocsNamesTest::addType);
    }
    assertThat(LOGGERS).as("loggers declared in the code").contains("io.jsonrpc2.client");
    assertThat(TYPES).as("types of the library").containsKeys("JsonRpcService.Builder");
  }

  @Test
  void everyLoggerTheDocsNameIsDeclared() throws IOException {
    List<String> wrong = new ArrayList<>();
    for (Path doc : documents()) {
      for (String logger : undeclaredLoggers(Files.readAllLines(doc))) {
        wrong.add(ROOT.relativize(doc) + ": " + logger);
      }
    }
    assertThat(wrong).as("loggers no code declares (declared: %s)", LOGGERS).isEmpty();
  }

  @Test
  void aLoggerThatLogsNothingIsCaughtWhereverTheDocsNameIt() {
    List<String> page =
        List.of(
            "The client logs every message at DEBUG on the logger `io.jsonrpc2.wire.client`, as",
            "`endpoint --> message`. To see them with `slf4j-simple`:",
            "",
            "```",
            "-Dorg.slf4j.simpleLogger.log.io.jsonrpc2.wire.server=debug",
            "<logger name=\"io.jsonrpc2.wire.netty\" level=\"DEBUG\"/>",
            "```",
            "",
            "| logger | line |",
            "|---|---|",
            "| `io.jsonrpc2.wire.zeromq` | the messages |",
            "| `io.jsonrpc2.client.request` | `<endpoint> --> <message>` |",
            "",
            "Package `io.jsonrpc2.httpclient` holds the transport.");
    assertThat(undeclaredLoggers(page))
        .containsExactly(
            "io.jsonrpc2.wire.client",
            "io.jsonrpc2.wire.server",
            "io.jsonrpc2.wire.netty",
            "io.jsonrpc2.wire.zeromq");
  }

  private static List<String> undeclaredLoggers(List<String> lines) {
    List<String> undeclared = new ArrayList<>();
    for (Part part : parts(lines)) {
      Matcher name = JSONRPC2_NAME.matcher(part.text());
      while (name.find()) {
        if (isLoggerMention(part, name) && !LOGGERS.contains(name.group())) {
          undeclared.add(name.group());
        }
      }
    }
    return undeclared;
  }

  @Test
  void everyOtherJsonRpc2NameExists() throws IOException {
    List<String> wrong = new ArrayList<>();
    for (Path doc : documents()) {
      for (Part part : parts(doc)) {
        Matcher name = JSONRPC2_NAME.matcher(part.text());
        while (name.find()) {
          String found = name.group();
          if (!LOGGERS.contains(found)
              && !CLASSES.contains(found)
              && !PACKAGES.contains(found)
              && !CONSTANT_VALUES.contains(found)) {
            wrong.add(ROOT.relativize(doc) + ": " + found);
          }
        }
      }
    }
    assertThat(wrong)
        .as("io.jsonrpc2 names that are no logger, class, package or constant")
        .isEmpty();
  }

  @Test
  void everyMethodTheDocsCallExists() throws IOException {
    List<String> wrong = new ArrayList<>();
    for (Path doc : documents()) {
      for (Part part : parts(doc)) {
        if (part.isCode()) {
          continue; // fenced blocks are snippets, compiled in this module, or shell sessions
        }
        Matcher span = CODE_SPAN.matcher(part.text());
        while (span.find()) {
          checkCall(span.group(1))
              .ifPresent(error -> wrong.add(ROOT.relativize(doc) + ": " + error));
        }
      }
    }
    assertThat(wrong).as("methods the docs name that no public method is").isEmpty();
  }

  @Test
  void everyOptionOfABuilderTableExists() throws IOException {
    List<String> wrong = new ArrayList<>();
    int options = 0;
    for (Path doc : documents()) {
      List<String> checked = new ArrayList<>();
      for (String error : wrongOptions(Files.readAllLines(doc), checked)) {
        wrong.add(ROOT.relativize(doc) + ": " + error);
      }
      options += checked.size();
    }
    assertThat(options).as("options found in builder tables").isPositive();
    assertThat(wrong).as("options that no builder has").isEmpty();
  }

  @Test
  void aMisspeltOrStaleOptionIsCaught() {
    List<String> page =
        List.of(
            "| `ZmqServer.Builder` | default |",
            "|---|---|",
            "| `socketType` | `REP` |",
            "| `replyTimeout` | 30 s |",
            "",
            "| Builder method | What it does |",
            "| --- | --- |",
            "| `HttpClientTransport.builder(url)` | the endpoint |",
            "| `requestTimout(duration)` | a typo |",
            "| `connectTimeout(duration)` | exists |");
    List<String> checked = new ArrayList<>();
    assertThat(wrongOptions(page, checked))
        .containsExactly(
            "option replyTimeout under `ZmqServer.Builder`",
            "option requestTimout(duration) under Builder method");
    assertThat(checked).hasSize(5);
    assertThat(checkCall("JsonRpcHttpServer.builder(service).prot(8080).build()"))
        .hasValue("`JsonRpcHttpServer.builder(service).prot(8080).build()`: Builder has no prot");
    assertThat(checkCall("JsonRpcHttpServer.builder(service).port(8080).path(\"/rpc\").build()"))
        .isEmpty();
    assertThat(checkCall("exposeExceptionDetail(true)")).isPresent();
  }

  /**
   * The errors of the builder tables in {@code lines}; adds each option checked to {@code checked}.
   */
  private static List<String> wrongOptions(List<String> lines, List<String> checked) {
    List<String> wrong = new ArrayList<>();
    for (int i = 0; i + 1 < lines.size(); i++) {
      String header = firstCell(lines.get(i));
      if (header == null
          || !header.toLowerCase(Locale.ROOT).contains("builder")
          || !lines.get(i + 1).matches("\\|[-| :]+\\|?")) {
        continue;
      }
      Set<String> allowed = optionsOf(header);
      for (int row = i + 2; row < lines.size() && lines.get(row).startsWith("|"); row++) {
        Matcher option = CODE_SPAN.matcher(firstCell(lines.get(row)));
        while (option.find()) {
          String written = option.group(1);
          if (CALL_START.matcher(written).lookingAt() && written.matches("[A-Z].*")) {
            checked.add(written);
            checkCall(written).ifPresent(wrong::add);
            continue;
          }
          String name = written.replaceFirst("\\(.*", "");
          if (!name.matches("[a-z]\\w*")) {
            continue; // a value such as `REP`, not an option
          }
          checked.add(written);
          if (!allowed.contains(name)) {
            wrong.add("option " + written + " under " + header);
          }
        }
      }
    }
    return wrong;
  }

  /** One sentence of prose, one table cell (with its column's header), or one fenced block. */
  private record Part(String text, String context, boolean isCode) {}

  private static List<Part> parts(Path doc) throws IOException {
    return parts(Files.readAllLines(doc));
  }

  private static List<Part> parts(List<String> lines) {
    List<Part> parts = new ArrayList<>();
    StringBuilder paragraph = new StringBuilder();
    List<String> header = null;
    for (int i = 0; i < lines.size(); i++) {
      String line = lines.get(i);
      if (line.startsWith("```")) {
        flush(paragraph, parts);
        StringBuilder block = new StringBuilder();
        for (i++; i < lines.size() && !lines.get(i).startsWith("```"); i++) {
          block.append(lines.get(i)).append('\n');
        }
        parts.add(new Part(block.toString(), "", true));
      } else if (line.startsWith("|")) {
        flush(paragraph, parts);
        List<String> cells = cells(line);
        if (header == null) {
          header = cells;
        } else if (!line.matches("\\|[-| :]+\\|?")) {
          for (int c = 0; c < cells.size(); c++) {
            String columnHeader = c < header.size() ? header.get(c) : "";
            parts.add(new Part(cells.get(c), columnHeader + " " + String.join(" ", cells), false));
          }
        }
      } else {
        header = null;
        if (line.isBlank()) {
          flush(paragraph, parts);
        } else {
          paragraph.append(line).append('\n');
        }
      }
    }
    flush(paragraph, parts);
    return parts;
  }

  private static void flush(StringBuilder paragraph, List<Part> parts) {
    // A sentence ends at a full stop followed by white space; names such as a.b.C have none.
    for (String sentence : paragraph.toString().split("(?<=[.!?:])\\s+")) {
      if (!sentence.isBlank()) {
        parts.add(new Part(sentence, sentence, false));
      }
    }
    paragraph.setLength(0);
  }

  private static boolean isLoggerMention(Part part, Matcher name) {
    String before = part.text().substring(0, name.start());
    if (before.endsWith("simpleLogger.log.")) {
      return true;
    }
    String line = before.substring(before.lastIndexOf('\n') + 1);
    if (line.contains("<logger") && before.endsWith("name=\"")) {
      return true;
    }
    return !part.isCode() && LOG_WORD.matcher(part.context()).find();
  }

  private static Optional<String> checkCall(String written) {
    Matcher start = CALL_START.matcher(written);
    if (!start.lookingAt()) {
      return Optional.empty();
    }
    String typeName = start.group(1);
    String method = start.group(2);
    if (typeName == null) {
      return PUBLIC_METHOD_NAMES.contains(method)
          ? Optional.empty()
          : Optional.of("`" + written + "`: no public method is named " + method);
    }
    Class<?> type = TYPES.get(typeName);
    if (type == null) {
      return Optional.empty(); // a type of another library (SslContextBuilder, ZMQ, ...)
    }
    int at = start.end() - 1;
    while (true) {
      String name = method(written, at);
      Set<Class<?>> returned =
          Stream.of(type.getMethods())
              .filter(m -> m.getName().equals(name))
              .map(Method::getReturnType)
              .collect(Collectors.toSet());
      if (returned.isEmpty()) {
        return Optional.of("`" + written + "`: " + type.getSimpleName() + " has no " + name);
      }
      int close = closingParenthesis(written, at);
      if (close < 0
          || returned.size() != 1
          || close + 1 >= written.length()
          || written.charAt(close + 1) != '.') {
        return Optional.empty();
      }
      Matcher next = Pattern.compile("\\.([a-z]\\w*)\\(").matcher(written);
      if (!next.find(close + 1) || next.start() != close + 1) {
        return Optional.empty();
      }
      type = returned.iterator().next();
      at = next.end() - 1;
    }
  }

  /** The name of the method whose argument list opens at {@code open}. */
  private static String method(String written, int open) {
    int begin = open;
    while (begin > 0 && Character.isJavaIdentifierPart(written.charAt(begin - 1))) {
      begin--;
    }
    return written.substring(begin, open);
  }

  private static int closingParenthesis(String text, int open) {
    int depth = 0;
    for (int i = open; i < text.length(); i++) {
      if (text.charAt(i) == '(') {
        depth++;
      } else if (text.charAt(i) == ')' && --depth == 0) {
        return i;
      }
    }
    return -1;
  }

  private static Set<String> optionsOf(String header) {
    Matcher named = CODE_SPAN.matcher(header);
    if (named.find()) {
      Class<?> builder = TYPES.get(named.group(1));
      assertThat(builder).as("the builder %s named in a table header", named.group(1)).isNotNull();
      return publicMethodNames(builder);
    }
    return BUILDER_METHOD_NAMES;
  }

  private static String firstCell(String line) {
    List<String> cells = line.startsWith("|") ? cells(line) : List.of();
    return cells.isEmpty() ? null : cells.get(0);
  }

  private static List<String> cells(String line) {
    String inner = line.strip().replaceAll("^\\|", "").replaceAll("\\|$", "");
    return Stream.of(inner.split("\\|", -1)).map(String::strip).toList();
  }

  private static String loggerName(
      String argument, Path file, String text, Map<String, String> constants) {
    int plus = argument.indexOf('+');
    if (plus > 0) {
      // A family of loggers, such as one per program: the docs may name the part that is fixed.
      return loggerName(argument.substring(0, plus).strip(), file, text, constants);
    }
    if (argument.startsWith("\"")) {
      return argument.substring(1, argument.length() - 1);
    }
    if (argument.endsWith(".class")) {
      String simple = argument.substring(0, argument.length() - ".class".length());
      Matcher imported =
          Pattern.compile("(?m)^import ([\\w.]+\\." + Pattern.quote(simple) + ");").matcher(text);
      return imported.find() ? imported.group(1) : packageOf(className(file)) + "." + simple;
    }
    String constant = argument.substring(argument.lastIndexOf('.') + 1);
    String value = constants.get(constant);
    assertThat(value).as("the logger name %s in %s", argument, file).isNotNull();
    return value;
  }

  private static void addType(Class<?> type) {
    if (!Modifier.isPublic(type.getModifiers())) {
      return;
    }
    Class<?> outer = type.getEnclosingClass();
    TYPES.put(
        outer == null ? type.getSimpleName() : outer.getSimpleName() + "." + type.getSimpleName(),
        type);
    if (outer == null) {
      TYPES.putIfAbsent(type.getSimpleName(), type);
    }
    Set<String> names = publicMethodNames(type);
    PUBLIC_METHOD_NAMES.addAll(names);
    if (type.getSimpleName().endsWith("Builder")) {
      BUILDER_METHOD_NAMES.addAll(names);
    }
    for (Class<?> nested : type.getDeclaredClasses()) {
      addType(nested);
    }
  }

  private static Set<String> publicMethodNames(Class<?> type) {
    Set<String> objects =
        Stream.of(Object.class.getMethods()).map(Method::getName).collect(Collectors.toSet());
    return Stream.of(type.getMethods())
        .map(Method::getName)
        .filter(name -> !objects.contains(name))
        .collect(Collectors.toSet());
  }

  /** The class, unless its module is not on this test's class path (the command, benchmarks). */
  private static Optional<Class<?>> load(String className) {
    try {
      return Optional.of(Class.forName(className, false, DocsNamesTest.class.getClassLoader()));
    } catch (ClassNotFoundException | LinkageError e) {
      return Optional.empty();
    }
  }

  private static List<Path> mainSources() throws IOException {
    List<Path> sources = new ArrayList<>();
    try (Stream<Path> modules = Files.list(ROOT)) {
      for (Path module : modules.filter(Files::isDirectory).sorted().toList()) {
        Path main = module.resolve("src/main/java");
        if (Files.isDirectory(main)) {
          try (Stream<Path> files = Files.walk(main)) {
            files
                .filter(f -> f.toString().endsWith(".java"))
                .filter(f -> !f.getFileName().toString().equals("package-info.java"))
                .forEach(sources::add);
          }
        }
      }
    }
    return sources;
  }

  private static String className(Path file) {
    Path relative = file;
    for (Path p = file; p != null; p = p.getParent()) {
      if (p.endsWith("src/main/java")) {
        relative = p.relativize(file);
        break;
      }
    }
    String name = relative.toString().replace(file.getFileSystem().getSeparator(), ".");
    return name.substring(0, name.length() - ".java".length());
  }

  private static String packageOf(String className) {
    return className.contains(".") ? className.substring(0, className.lastIndexOf('.')) : "";
  }

  private static List<Path> documents() throws IOException {
    List<Path> docs = new ArrayList<>();
    docs.add(ROOT.resolve("README.md"));
    try (Stream<Path> files = Files.list(ROOT.resolve("docs"))) {
      files.filter(p -> p.toString().endsWith(".md")).sorted().forEach(docs::add);
    }
    return docs;
  }
}
