package io.jsonrpc2.examples.httpclient;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * docs/http-client.md quotes only code from this package: every Java block of the page is a
 * {@code // docs:begin} region of these sources (without its common indentation), and every
 * region is quoted.
 */
class HttpClientDocsTest {
  private static final Path DOC = Path.of("..", "docs", "http-client.md");
  private static final Path SOURCES = Path.of("src", "main", "java", "io", "jsonrpc2", "examples", "httpclient");
  private static final Pattern REGION =
      Pattern.compile("[ \\t]*// docs:begin (\\S+)\\n(.*?)\\n[ \\t]*// docs:end \\1", Pattern.DOTALL);
  private static final Pattern JAVA_BLOCK = Pattern.compile("```java\\n(.*?)\\n```", Pattern.DOTALL);

  @Test
  void everyJavaBlockIsARegionOfTheExamplesAndEveryRegionIsQuoted() throws IOException {
    Map<String, String> regions = regions();
    List<String> blocks = new ArrayList<>();
    Matcher block = JAVA_BLOCK.matcher(Files.readString(DOC));
    while (block.find()) {
      blocks.add(block.group(1));
    }

    assertThat(regions).isNotEmpty();
    assertThat(blocks).allSatisfy(quoted -> assertThat(regions.values()).contains(quoted));
    assertThat(blocks).containsAll(regions.values());
  }

  private static Map<String, String> regions() throws IOException {
    Map<String, String> regions = new LinkedHashMap<>();
    try (Stream<Path> files = Files.list(SOURCES)) {
      for (Path file : files.filter(f -> f.toString().endsWith(".java")).sorted().toList()) {
        Matcher region = REGION.matcher(Files.readString(file));
        while (region.find()) {
          regions.put(region.group(1), dedent(region.group(2)));
        }
      }
    }
    return regions;
  }

  private static String dedent(String text) {
    List<String> lines = text.lines().toList();
    int indent =
        lines.stream()
            .filter(line -> !line.isBlank())
            .mapToInt(line -> line.length() - line.stripLeading().length())
            .min()
            .orElse(0);
    return String.join("\n", lines.stream().map(line -> line.isBlank() ? "" : line.substring(indent)).toList());
  }
}
