package io.jsonrpc2.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.regex.Pattern;
import javax.lang.model.SourceVersion;

/**
 * The project {@code jsonrpc2 init} writes: a Maven build, one handler class, a main that serves it
 * over HTTP, a test that calls it, a README. The files are templates in this jar with {@code
 * {{name}}} placeholders.
 */
final class ProjectTemplate {
  private static final Pattern ARTIFACT_ID = Pattern.compile("[a-z0-9][a-z0-9._-]*");

  private final String packageName;
  private final String artifactId;

  /**
   * @throws CliException (usage) if {@code packageName} is not a Java package name
   */
  ProjectTemplate(String packageName, String artifactId) {
    if (!SourceVersion.isName(packageName)) {
      throw CliException.usage("'" + packageName + "' is not a Java package name");
    }
    if (!ARTIFACT_ID.matcher(artifactId).matches()) {
      throw CliException.usage(
          "'" + artifactId + "' is not a Maven artifact id (lower case letters, digits, . _ -)");
    }
    this.packageName = packageName;
    this.artifactId = artifactId;
  }

  /**
   * The artifact id for a project in {@code directory}: its name in lower case, other characters as
   * '-'.
   */
  static String artifactIdFor(Path directory) {
    String name =
        directory.toAbsolutePath().normalize().getFileName().toString().toLowerCase(Locale.ROOT);
    String id = name.replaceAll("[^a-z0-9._-]+", "-").replaceAll("^[^a-z0-9]+", "");
    return id.isEmpty() ? "service" : id;
  }

  /** The default package for a project in {@code directory}: {@code com.example.<name>}. */
  static String packageFor(Path directory) {
    String name = artifactIdFor(directory).replaceAll("[^a-z0-9]", "");
    if (name.isEmpty() || !SourceVersion.isIdentifier(name) || SourceVersion.isKeyword(name)) {
      name = "service";
    }
    return "com.example." + name;
  }

  /**
   * Writes the project into {@code directory}, which must not exist or be empty.
   *
   * @return the files written, relative to {@code directory}
   * @throws CliException (usage) if the directory has files or cannot be written
   */
  List<Path> writeTo(Path directory) {
    try {
      if (Files.exists(directory) && (!Files.isDirectory(directory) || hasEntries(directory))) {
        throw CliException.usage(directory + " already exists and is not an empty directory");
      }
      String packagePath = packageName.replace('.', '/');
      Map<String, String> values = new LinkedHashMap<>();
      values.put("package", packageName);
      values.put("packagePath", packagePath);
      values.put("groupId", packageName);
      values.put("artifactId", artifactId);
      values.put("jsonrpc2Version", jsonrpc2Version());
      values.put("junitVersion", versions().getProperty("junit"));
      Map<String, String> files = new LinkedHashMap<>();
      files.put("pom.xml", "pom.xml");
      files.put("README.md", "README.md");
      files.put(".gitignore", "gitignore");
      files.put("src/main/java/" + packagePath + "/Greeter.java", "Greeter.java");
      files.put("src/main/java/" + packagePath + "/Main.java", "Main.java");
      files.put("src/test/java/" + packagePath + "/GreeterTest.java", "GreeterTest.java");
      List<Path> written = new ArrayList<>();
      for (Map.Entry<String, String> file : files.entrySet()) {
        Path target = directory.resolve(file.getKey());
        Files.createDirectories(target.getParent());
        Files.writeString(target, fill(template(file.getValue()), values));
        written.add(Path.of(file.getKey()));
      }
      return written;
    } catch (IOException e) {
      throw CliException.usage("cannot write the project into " + directory + ": " + e);
    }
  }

  private static boolean hasEntries(Path directory) throws IOException {
    try (var entries = Files.list(directory)) {
      return entries.findAny().isPresent();
    }
  }

  static String fill(String template, Map<String, String> values) {
    String text = template;
    for (Map.Entry<String, String> value : values.entrySet()) {
      text = text.replace("{{" + value.getKey() + "}}", value.getValue());
    }
    if (text.contains("{{")) {
      throw new IllegalStateException("a template placeholder was left unfilled: " + text);
    }
    return text;
  }

  private static String template(String name) throws IOException {
    try (InputStream in =
        ProjectTemplate.class.getResourceAsStream("template/" + name + ".template")) {
      if (in == null) {
        throw new IllegalStateException("the template " + name + " is missing from the jar");
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  /** The version of the jsonrpc2 artifacts the project depends on: this command's own. */
  static String jsonrpc2Version() {
    return versions().getProperty("jsonrpc2");
  }

  private static Properties versions() {
    Properties properties = new Properties();
    try (InputStream in = ProjectTemplate.class.getResourceAsStream("versions.properties")) {
      if (in == null) {
        throw new IllegalStateException("versions.properties is missing from the jar");
      }
      properties.load(in);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    for (String key : Set.of("jsonrpc2", "junit")) {
      if (properties.getProperty(key, "").isEmpty()
          || properties.getProperty(key).startsWith("${")) {
        throw new IllegalStateException(
            "versions.properties was not filled in by the build: " + key);
      }
    }
    return properties;
  }
}
