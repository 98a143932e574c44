package io.jsonrpc2.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code jsonrpc2 init DIR [--package P]}: writes a ready Maven project (one handler class, a main
 * that serves it over HTTP, a test that calls it) into a new or empty directory.
 */
@Command(
    name = "init",
    mixinStandardHelpOptions = true,
    versionProvider = JsonRpcCli.Version.class,
    usageHelpAutoWidth = true,
    description = {
      "Writes a ready Maven project into DIR: a handler class, a main that serves it over HTTP, and a test that calls it.",
      "Then: cd DIR && mvn -q verify"
    })
public final class InitCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Parameters(index = "0", paramLabel = "DIR", description = "A new or empty directory.")
  Path directory;

  @Option(
      names = "--package",
      paramLabel = "P",
      description = "The Java package (default: com.example.<DIR's name>).")
  @Nullable String packageName;

  @Option(
      names = "--artifact-id",
      paramLabel = "ID",
      description = "The Maven artifact id (default: DIR's name).")
  @Nullable String artifactId;

  @Override
  public Integer call() {
    String pkg = packageName != null ? packageName : ProjectTemplate.packageFor(directory);
    String id = artifactId != null ? artifactId : ProjectTemplate.artifactIdFor(directory);
    List<Path> files = new ProjectTemplate(pkg, id).writeTo(directory);
    PrintWriter out = spec.commandLine().getOut();
    out.println("Wrote " + id + " (package " + pkg + ") into " + directory + ":");
    files.forEach(file -> out.println("  " + file));
    out.println("Next: cd " + directory + " && mvn -q verify");
    return ExitCode.OK;
  }
}
