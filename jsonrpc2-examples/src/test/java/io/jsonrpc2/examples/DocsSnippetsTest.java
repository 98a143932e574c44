package io.jsonrpc2.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Keeps the documentation true: every fenced code block in README.md and docs/*.md that follows a
 * {@code <!-- snippet: PATH#NAME -->} line must be exactly the region between {@code docs:begin
 * NAME} and {@code docs:end NAME} of that source file (indentation aside), and that source is
 * compiled and tested in this module.
 */
class DocsSnippetsTest {
  private static final Pattern SNIPPET =
      Pattern.compile(
          "<!-- snippet: ([^#\\s]+)#(\\S+) -->\\s*\\n```\\w*\\n(.*?)```", Pattern.DOTALL);

  private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();

  @TestFactory
  Stream<DynamicTest> everySnippetMatchesItsSource() throws IOException {
    List<DynamicTest> tests = new ArrayList<>();
    for (Path doc : documents()) {
      Matcher matcher = SNIPPET.matcher(Files.readString(doc));
      while (matcher.find()) {
        String source = matcher.group(1);
        String name = matcher.group(2);
        String quoted = matcher.group(3);
        tests.add(
            DynamicTest.dynamicTest(
                ROOT.relativize(doc) + ": " + source + "#" + name,
                () ->
                    assertThat(dedent(quoted))
                        .isEqualTo(dedent(region(ROOT.resolve(source), name)))));
      }
    }
    return tests.stream();
  }

  @Test
  void everyJavaBlockIsQuotedFromSource() throws IOException {
    Pattern javaBlock = Pattern.compile("(<!-- snippet: \\S+ -->\\s*\\n)?```java\\n");
    for (Path doc : documents()) {
      Matcher matcher = javaBlock.matcher(Files.readString(doc));
      while (matcher.find()) {
        assertThat(matcher.group(1))
            .as("a Java block in %s without a snippet marker", ROOT.relativize(doc))
            .isNotNull();
      }
    }
  }

  @Test
  void theDocumentsQuoteSomething() throws IOException {
    long quoted = 0;
    for (Path doc : documents()) {
      quoted += SNIPPET.matcher(Files.readString(doc)).results().count();
    }
    assertThat(quoted).isPositive();
  }

  private static List<Path> documents() throws IOException {
    List<Path> docs = new ArrayList<>();
    if (Files.exists(ROOT.resolve("README.md"))) {
      docs.add(ROOT.resolve("README.md"));
    }
    try (Stream<Path> files = Files.list(ROOT.resolve("docs"))) {
      files.filter(p -> p.toString().endsWith(".md")).sorted().forEach(docs::add);
    }
    return docs;
  }

  private static String region(Path source, String name) throws IOException {
    List<String> lines = Files.readAllLines(source);
    int begin = -1;
    // The markers sit in whatever comment syntax the file has: // in Java, <!-- --> in XML.
    Pattern beginMarker = Pattern.compile(".*\\bdocs:begin " + Pattern.quote(name) + "(\\s.*|$)");
    Pattern endMarker = Pattern.compile(".*\\bdocs:end " + Pattern.quote(name) + "(\\s.*|$)");
    for (int i = 0; i < lines.size(); i++) {
      if (beginMarker.matcher(lines.get(i)).matches()) {
        begin = i + 1;
      } else if (begin >= 0 && endMarker.matcher(lines.get(i)).matches()) {
        return String.join("\n", lines.subList(begin, i)) + "\n";
      }
    }
    throw new AssertionError("no region '" + name + "' in " + source);
  }

  private static String dedent(String text) {
    List<String> lines = text.lines().toList();
    int indent =
        lines.stream()
            .filter(l -> !l.isBlank())
            .mapToInt(l -> l.length() - l.stripLeading().length())
            .min()
            .orElse(0);
    StringBuilder out = new StringBuilder();
    for (String line : lines) {
      out.append(line.isBlank() ? "" : line.substring(indent)).append('\n');
    }
    return out.toString();
  }
}
