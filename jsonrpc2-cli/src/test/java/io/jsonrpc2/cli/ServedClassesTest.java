package io.jsonrpc2.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jsonrpc2.JsonRpcService;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Which methods {@code serve} exports, and its errors for classes it cannot serve. */
class ServedClassesTest {
  private static final String FIXTURES = Path.of("target/test-classes").toAbsolutePath().toString();

  private static JsonRpcService serve(String... classes) {
    List<ServedClasses.ServedClass> served =
        java.util.Arrays.stream(classes).map(ServedClasses.ServedClass::parse).toList();
    return ServedClasses.service(served, List.of(), ServedClasses.classLoader(FIXTURES), FIXTURES);
  }

  @Test
  void exportsDeclaredPublicMethodsOnlyUnderTheirNamespace() {
    JsonRpcService service =
        serve("io.jsonrpc2.cli.fixtures.Calculator:calc", "io.jsonrpc2.cli.fixtures.StaticOnly");
    assertThat(service.methodNames())
        .contains("calc.add", "calc.subtract", "shout")
        .doesNotContain(
            "calc.notPublic",
            "calc.toString",
            "calc.hashCode",
            "calc.getClass",
            "calc.wait",
            "add");
    assertThat(
            service
                .handle("{\"jsonrpc\":\"2.0\",\"method\":\"calc.add\",\"params\":[2,3],\"id\":1}")
                .join())
        .isEqualTo("{\"jsonrpc\":\"2.0\",\"result\":5,\"id\":1}");
    assertThat(
            service
                .handle("{\"jsonrpc\":\"2.0\",\"method\":\"shout\",\"params\":[\"hi\"],\"id\":2}")
                .join())
        .isEqualTo("{\"jsonrpc\":\"2.0\",\"result\":\"HI!\",\"id\":2}");
  }

  @Test
  void refusesClassesItCannotServe() {
    assertThatThrownBy(() -> serve("io.jsonrpc2.cli.fixtures.NoPublicMethods"))
        .isInstanceOfSatisfying(
            CliException.class, e -> assertThat(e.exitCode()).isEqualTo(ExitCode.USAGE))
        .hasMessage(
            "cannot serve: io.jsonrpc2.cli.fixtures.NoPublicMethods declares no public method");
    assertThatThrownBy(() -> serve("io.jsonrpc2.cli.fixtures.NeedsArguments"))
        .hasMessageContaining("needs a public no-argument constructor");
    assertThatThrownBy(
            () ->
                serve("io.jsonrpc2.cli.fixtures.Calculator", "io.jsonrpc2.cli.fixtures.Calculator"))
        .hasMessageStartingWith("cannot serve: ");
    assertThatThrownBy(() -> serve("no.such.Type"))
        .hasMessage("class no.such.Type not found on --classpath " + FIXTURES);
    assertThatThrownBy(() -> ServedClasses.ServedClass.parse("a.B:"))
        .hasMessage("'a.B:' is not CLASS or CLASS:namespace");
    assertThatThrownBy(() -> ServedClasses.classLoader("missing-dir"))
        .hasMessage("the --classpath entry missing-dir does not exist");
  }
}
