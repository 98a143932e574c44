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
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every code block in docs/*.md that is marked {@code <!-- snippet: path#name -->} must be exactly
 * the region between {@code docs:begin name} and {@code docs:end name} of that file (with its
 * common indentation removed), so the docs show the code the example tests run.
 */
class DocsSnippetsTest {
  private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();
  private static final Pattern MARKED_BLOCK =
      Pattern.compile("<!-- snippet: (\\S+)#(\\S+) -->\\n```\\w*\\n(.*?)\\n```", Pattern.DOTALL);

  static Stream<Arguments> snippets() throws IOException {
    List<Arguments> found = new ArrayList<>();
    try (Stream<Path> docs = Files.list(ROOT.resolve("docs"))) {
      for (Path doc : docs.filter(p -> p.toString().endsWith(".md")).sorted().toList()) {
        Matcher m = MARKED_BLOCK.matcher(Files.readString(doc));
        while (m.find()) {
          found.add(Arguments.of(ROOT.relativize(doc).toString(), m.group(1), m.group(2), m.group(3)));
        }
      }
    }
    return found.stream();
  }

  @ParameterizedTest(name = "{0}: {1}#{2}")
  @MethodSource("snippets")
  void theDocsQuoteTheExampleExactly(String doc, String source, String region, String quoted) throws IOException {
    assertThat(quoted).as("%s quotes %s#%s", doc, source, region).isEqualTo(region(ROOT.resolve(source), region));
  }

  static String region(Path file, String name) throws IOException {
    List<String> lines = Files.readAllLines(file);
    int begin = -1;
    int end = -1;
    for (int i = 0; i < lines.size(); i++) {
      if (lines.get(i).matches(".*docs:begin " + Pattern.quote(name) + "\\b.*")) {
        begin = i;
      } else if (begin >= 0 && lines.get(i).matches(".*docs:end " + Pattern.quote(name) + "\\b.*")) {
        end = i;
        break;
      }
    }
    assertThat(begin).as("docs:begin %s in %s", name, file).isNotNegative();
    assertThat(end).as("docs:end %s in %s", name, file).isGreaterThan(begin);
    List<String> body = lines.subList(begin + 1, end);
    int indent =
        body.stream().filter(l -> !l.isBlank()).mapToInt(l -> l.length() - l.stripLeading().length()).min().orElse(0);
    List<String> dedented = new ArrayList<>();
    for (String line : body) {
      dedented.add(line.isBlank() ? "" : line.substring(indent));
    }
    return String.join("\n", dedented);
  }
}
