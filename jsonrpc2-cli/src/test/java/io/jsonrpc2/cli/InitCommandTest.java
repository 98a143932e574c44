package io.jsonrpc2.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What {@code init} writes (the build of the result is {@code InitProjectIT}'s job). */
class InitCommandTest {

  @Test
  void writesAMavenProjectWithHandlerMainAndTest(@TempDir Path dir) throws IOException {
    Path project = dir.resolve("pets");
    CliRun run = CliRun.of("init", project.toString(), "--package", "org.acme.pets");
    assertThat(run.exitCode()).as(run.toString()).isEqualTo(ExitCode.OK);
    assertThat(run.out())
        .startsWith("Wrote pets (package org.acme.pets) into " + project + ":\n")
        .contains("  src/main/java/org/acme/pets/Greeter.java\n")
        .endsWith("Next: cd " + project + " && mvn -q verify\n");
    try (Stream<Path> files = Files.walk(project)) {
      assertThat(
              files
                  .filter(Files::isRegularFile)
                  .map(project::relativize)
                  .map(Path::toString)
                  .sorted())
          .containsExactly(
              ".gitignore",
              "README.md",
              "pom.xml",
              "src/main/java/org/acme/pets/Greeter.java",
              "src/main/java/org/acme/pets/Main.java",
              "src/test/java/org/acme/pets/GreeterTest.java");
    }
    String pom = Files.readString(project.resolve("pom.xml"));
    assertThat(pom)
        .contains("<groupId>org.acme.pets</groupId>", "<artifactId>pets</artifactId>")
        .contains("<jsonrpc2.version>" + ProjectTemplate.jsonrpc2Version() + "</jsonrpc2.version>")
        .doesNotContain("{{", "${project.version}");
    assertThat(Files.readString(project.resolve("src/main/java/org/acme/pets/Main.java")))
        .startsWith("package org.acme.pets;");
  }

  @Test
  void defaultsComeFromTheDirectoryName(@TempDir Path dir) throws IOException {
    Path project = dir.resolve("My RPC");
    CliRun run = CliRun.of("init", project.toString());
    assertThat(run.exitCode()).as(run.toString()).isEqualTo(ExitCode.OK);
    assertThat(Files.readString(project.resolve("pom.xml")))
        .contains("<artifactId>my-rpc</artifactId>");
    assertThat(project.resolve("src/main/java/com/example/myrpc/Greeter.java")).exists();
    assertThat(ProjectTemplate.packageFor(Path.of("9lives"))).isEqualTo("com.example.service");
    assertThat(ProjectTemplate.packageFor(Path.of("class"))).isEqualTo("com.example.service");
  }

  @Test
  void refusesADirectoryWithFiles(@TempDir Path dir) throws IOException {
    Files.writeString(dir.resolve("keep.txt"), "mine");
    CliRun run = CliRun.of("init", dir.toString());
    assertThat(run.exitCode()).isEqualTo(ExitCode.USAGE);
    assertThat(run.err())
        .isEqualTo("jsonrpc2: " + dir + " already exists and is not an empty directory\n");
    assertThat(Files.readString(dir.resolve("keep.txt"))).isEqualTo("mine");
  }

  @Test
  void acceptsAnEmptyDirectory(@TempDir Path dir) {
    assertThat(CliRun.of("init", dir.toString(), "--package", "a.b").exitCode())
        .isEqualTo(ExitCode.OK);
    assertThat(dir.resolve("src/test/java/a/b/GreeterTest.java")).exists();
  }

  @Test
  void refusesABadPackageOrArtifactId(@TempDir Path dir) {
    CliRun run = CliRun.of("init", dir.resolve("x").toString(), "--package", "org.class.x");
    assertThat(run.exitCode()).isEqualTo(ExitCode.USAGE);
    assertThat(run.err()).isEqualTo("jsonrpc2: 'org.class.x' is not a Java package name\n");
    assertThat(dir.resolve("x")).doesNotExist();
    assertThat(CliRun.of("init", dir.resolve("y").toString(), "--artifact-id", "Bad Id").err())
        .contains("not a Maven artifact id");
  }
}
