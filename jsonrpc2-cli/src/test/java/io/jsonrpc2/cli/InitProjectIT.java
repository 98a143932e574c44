package io.jsonrpc2.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code jsonrpc2 init} writes a project whose own {@code mvn -q verify} passes: its test starts
 * the HTTP server and calls it.
 *
 * <p>The project depends on this build's jsonrpc2 artifacts, which are not published. They go into
 * a temporary local repository, laid out as {@code mvn install} would (the parent pom and every
 * module's pom and jar, as this reactor just built them), so the user's own repository is never
 * touched. Everything else comes from the repository this build used, through a settings file that
 * makes it a {@code file://} remote: copied, not downloaded.
 */
class InitProjectIT {
  private static final String VERSION =
      System.getProperty("jsonrpc2.version", ProjectTemplate.jsonrpc2Version());

  @Test
  @Timeout(value = 10, unit = TimeUnit.MINUTES)
  void theProjectBuildsAndItsTestPasses(@TempDir Path dir) throws Exception {
    CliProcess.Result init =
        CliProcess.run(dir, null, List.of("init", "demo", "--package", "org.acme.demo"));
    assertThat(init.exitCode()).as(init.toString()).isZero();
    Path project = dir.resolve("demo");

    Path repository = dir.resolve("repository");
    installThisBuild(repository);
    Path settings = dir.resolve("settings.xml");
    Files.writeString(
        settings,
        settings(
            Path.of(
                System.getProperty(
                    "maven.repo.local",
                    Path.of(System.getProperty("user.home"), ".m2", "repository").toString()))));

    Path log = dir.resolve("mvn.log");
    Process mvn =
        new ProcessBuilder(
                maven(),
                "-B",
                "-q",
                "-s",
                settings.toString(),
                "-Dmaven.repo.local=" + repository,
                "verify")
            .directory(project.toFile())
            .redirectErrorStream(true)
            .redirectOutput(log.toFile())
            .start();
    if (!mvn.waitFor(8, TimeUnit.MINUTES)) {
      mvn.destroyForcibly();
      throw new AssertionError(
          "mvn verify of the new project took over 8 minutes:\n" + Files.readString(log));
    }
    assertThat(mvn.exitValue())
        .as("mvn verify of the new project:\n%s", Files.readString(log))
        .isZero();
    Path report = project.resolve("target/surefire-reports/TEST-org.acme.demo.GreeterTest.xml");
    assertThat(report).exists();
    assertThat(Files.readString(report))
        .contains("tests=\"2\"", "failures=\"0\"", "errors=\"0\"", "skipped=\"0\"");
  }

  /** The parent pom and each built module's pom and jar, where a local repository keeps them. */
  private static void installThisBuild(Path repository) throws IOException {
    Path group = repository.resolve("io/jsonrpc2");
    copy(
        CliProcess.ROOT.resolve("pom.xml"),
        group.resolve("jsonrpc2-parent/" + VERSION + "/jsonrpc2-parent-" + VERSION + ".pom"));
    List<String> installed = new ArrayList<>();
    try (Stream<Path> modules = Files.list(CliProcess.ROOT)) {
      for (Path module :
          modules.filter(m -> m.getFileName().toString().startsWith("jsonrpc2-")).toList()) {
        String artifact = module.getFileName().toString();
        Path jar = module.resolve("target/" + artifact + "-" + VERSION + ".jar");
        if (Files.exists(jar)) {
          Path into = group.resolve(artifact + "/" + VERSION);
          copy(module.resolve("pom.xml"), into.resolve(artifact + "-" + VERSION + ".pom"));
          copy(jar, into.resolve(artifact + "-" + VERSION + ".jar"));
          installed.add(artifact);
        }
      }
    }
    assertThat(installed)
        .as("modules built by this reactor")
        .contains("jsonrpc2-core", "jsonrpc2-netty", "jsonrpc2-httpclient");
  }

  private static void copy(Path from, Path to) throws IOException {
    Files.createDirectories(to.getParent());
    Files.copy(from, to, StandardCopyOption.REPLACE_EXISTING);
  }

  private static String settings(Path cache) {
    String url = cache.toAbsolutePath().toUri().toString();
    String repository =
        "<id>build-cache</id><url>"
            + url
            + "</url>"
            + "<releases><enabled>true</enabled></releases><snapshots><enabled>false</enabled></snapshots>";
    return "<settings><profiles><profile><id>build-cache</id>"
        + "<repositories><repository>"
        + repository
        + "</repository></repositories>"
        + "<pluginRepositories><pluginRepository>"
        + repository
        + "</pluginRepository></pluginRepositories>"
        + "</profile></profiles><activeProfiles><activeProfile>build-cache</activeProfile></activeProfiles></settings>\n";
  }

  private static String maven() {
    String home = System.getProperty("maven.home");
    if (home != null && Files.isExecutable(Path.of(home, "bin", "mvn"))) {
      return Path.of(home, "bin", "mvn").toString();
    }
    return "mvn";
  }
}
