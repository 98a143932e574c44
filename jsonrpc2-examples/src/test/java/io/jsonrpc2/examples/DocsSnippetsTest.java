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
 * NAME} and {@code docs:end NAME} of that source file (indentation and trailing blank lines aside),
 * and that source is compiled and tested in this module.
 *
 * <p>{@code <!-- snippet: PATH#NAME with imports -->} quotes first the import lines of the Java
 * file that the region uses (each import whose simple name occurs in the region as a word), in the
 * file's order, then a blank line, then the region: a reader sees where every type comes from.
 */
class DocsSnippetsTest {
  private static final String WITH_IMPORTS = " with imports";

  private static final Pattern SNIPPET =
      Pattern.compile(
          "<!-- snippet: ([^#\\s]+)#(\\S+?)(" + WITH_IMPORTS + ")? -->\\s*\\n```\\w*\\n(.*?)```",
          Pattern.DOTALL);

  /** The only form a snippet marker may take, so that a mistyped option cannot go unchecked. */
  private static final Pattern MARKER_LINE =
      Pattern.compile("<!-- snippet: [^#\\s]+#[^\\s#]+(" + WITH_IMPORTS + ")? -->");

  private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();

  @TestFactory
  Stream<DynamicTest> everySnippetMatchesItsSource() throws IOException {
    List<DynamicTest> tests = new ArrayList<>();
    for (Path doc : documents()) {
      Matcher matcher = SNIPPET.matcher(Files.readString(doc));
      while (matcher.find()) {
        String source = matcher.group(1);
        String name = matcher.group(2);
        boolean withImports = matcher.group(3) != null;
        String quoted = matcher.group(4);
        tests.add(
            DynamicTest.dynamicTest(
                ROOT.relativize(doc)
                    + ": "
                    + source
                    + "#"
                    + name
                    + (withImports ? WITH_IMPORTS : ""),
                () -> assertThat(dedent(quoted)).isEqualTo(expected(source, name, withImports))));
      }
    }
    return tests.stream();
  }

  @Test
  void everySnippetMarkerIsWellFormedAndFollowedByItsBlock() throws IOException {
    for (Path doc : documents()) {
      long markers = 0;
      for (String line : Files.readAllLines(doc)) {
        if (line.contains("<!-- snippet:")) {
          assertThat(line).as("a snippet marker in %s", ROOT.relativize(doc)).matches(MARKER_LINE);
          markers++;
        }
      }
      assertThat(SNIPPET.matcher(Files.readString(doc)).results().count())
          .as("markers in %s that are followed by a fenced block", ROOT.relativize(doc))
          .isEqualTo(markers);
    }
  }

  @Test
  void everyJavaBlockIsQuotedFromSource() throws IOException {
    Pattern javaBlock = Pattern.compile("(<!-- snippet: [^\\n]+ -->\\s*\\n)?```java\\n");
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

  /** What the block after a marker must say, indentation aside. */
  private static String expected(String source, String name, boolean withImports)
      throws IOException {
    Path file = ROOT.resolve(source);
    String region = dedent(region(file, name));
    if (!withImports) {
      return region;
    }
    assertThat(source).as("only a Java file has imports to quote").endsWith(".java");
    List<String> imports =
        Files.readAllLines(file).stream()
            .filter(line -> line.startsWith("import ") && isUsedIn(line, region))
            .toList();
    assertThat(imports).as("the imports of %s that #%s uses", source, name).isNotEmpty();
    return String.join("\n", imports) + "\n\n" + region;
  }

  private static boolean isUsedIn(String importLine, String region) {
    String imported = importLine.substring(0, importLine.lastIndexOf(';')).trim();
    String simpleName = imported.substring(imported.lastIndexOf('.') + 1);
    return simpleName.equals("*")
        || Pattern.compile("\\b" + Pattern.quote(simpleName) + "\\b").matcher(region).find();
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
        int end = i;
        // google-java-format keeps a blank line between a class member and the end marker
        while (end > begin && lines.get(end - 1).isBlank()) {
          end--;
        }
        return String.join("\n", lines.subList(begin, end)) + "\n";
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
