package io.jsonrpc2.examples;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.belongToAnyOf;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.library.dependencies.SliceAssignment;
import com.tngtech.archunit.library.dependencies.SliceIdentifier;
import io.jsonrpc2.JsonRpcClient;
import io.jsonrpc2.JsonRpcService;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The module boundaries the build cannot enforce by itself, checked on the main classes of every
 * module on this module's class path (the core, the transports, jsonrpc2-testing, these examples,
 * and any module added later, such as the transport-neutral HTTP policy).
 *
 * <p>A class belongs to the module whose jar or {@code target/classes} it was read from: modules
 * share the root package {@code io.jsonrpc2}, so packages alone cannot tell the core from a
 * transport.
 */
class ArchitectureTest {
  private static final String CORE = "jsonrpc2-core";

  /** Modules that know no transport: the core, and the HTTP policy the HTTP servers share. */
  private static final Set<String> TRANSPORT_NEUTRAL = Set.of(CORE, "jsonrpc2-http");

  /**
   * Modules that move bytes between a socket (or, for jsonrpc2-stdio, a pair of streams) and the
   * core's codec.
   */
  private static final Set<String> TRANSPORTS =
      Set.of(
          "jsonrpc2-netty",
          "jsonrpc2-servlet",
          "jsonrpc2-httpclient",
          "jsonrpc2-zeromq",
          "jsonrpc2-stdio");

  private static final String[] TRANSPORT_LIBRARIES = {
    "io.netty..",
    "org.eclipse.jetty..",
    "jakarta.servlet..",
    "jakarta.websocket..",
    "org.zeromq..",
    "zmq..",
    "java.net.http.."
  };

  /**
   * {@code .../jsonrpc2-core/target/classes/...} in the reactor, {@code
   * .../jsonrpc2-core-0.1.0-SNAPSHOT.jar!/...} once packaged.
   */
  private static final Pattern MODULE =
      Pattern.compile("/(jsonrpc2-[a-z0-9-]+?)(?:/target/classes/|-\\d[^/]*\\.jar!/)");

  private static JavaClasses project;

  @BeforeAll
  static void importMainClasses() {
    project =
        new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .withImportOption(location -> MODULE.matcher(location.asURI().toString()).find())
            .importPackages("io.jsonrpc2");
  }

  @Test
  void everyModuleOnTheClassPathIsImported() {
    Set<String> modules = new TreeSet<>();
    project.forEach(javaClass -> moduleOf(javaClass).ifPresent(modules::add));
    assertThat(modules)
        .contains(CORE, "jsonrpc2-testing", "jsonrpc2-examples")
        .containsAll(TRANSPORTS);
  }

  @Test
  void theStdioTransportUsesNoTransportLibrary() {
    noClasses()
        .that(inModules(Set.of("jsonrpc2-stdio")))
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(TRANSPORT_LIBRARIES)
        .because("standard input and output are plain java.io streams")
        .check(project);
  }

  @Test
  void theCoreAndTheHttpPolicyUseNoTransportLibrary() {
    noClasses()
        .that(inModules(TRANSPORT_NEUTRAL))
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(TRANSPORT_LIBRARIES)
        .because("the core and the HTTP policy serve every transport and know none")
        .check(project);
  }

  @Test
  void theCoreInternalsAreUsedByTheCoreOnly() {
    noClasses()
        .that(not(inModules(Set.of(CORE))).as("are outside " + CORE))
        .should()
        .dependOnClassesThat()
        .resideInAPackage("io.jsonrpc2.internal..")
        .because("io.jsonrpc2.internal is not API: it changes with the core")
        .check(project);
  }

  /** Else a class elsewhere would reach a package's package-private members, the internals' too. */
  @Test
  void eachPackageBelongsToOneModule() {
    Map<String, Set<String>> modulesByPackage = new TreeMap<>();
    project.forEach(
        javaClass ->
            moduleOf(javaClass)
                .ifPresent(
                    module ->
                        modulesByPackage
                            .computeIfAbsent(javaClass.getPackageName(), p -> new TreeSet<>())
                            .add(module)));
    modulesByPackage.values().removeIf(modules -> modules.size() == 1);
    assertThat(modulesByPackage).as("packages split between modules").isEmpty();
  }

  @Test
  void transportsMoveBytesWithoutJacksonDatabind() {
    noClasses()
        .that(inModules(TRANSPORTS))
        .should()
        .dependOnClassesThat()
        .resideInAPackage("com.fasterxml.jackson.databind..")
        .because("the core's codec turns bytes into messages; a transport only moves the bytes")
        .check(project);
  }

  /**
   * One cycle is frozen: the front door ({@link JsonRpcClient}, {@link JsonRpcService}) builds the
   * engine in {@code io.jsonrpc2.internal}, and the engine works with the front door's types
   * (CallContext, Params, JsonRpcException, the annotations, JsonLimits). Breaking it would move
   * the engine into {@code io.jsonrpc2} or those types out of it, a redesign of the core's
   * packages. The exception is only those two classes' use of the internals: any other class of
   * {@code io.jsonrpc2} that reaches into them closes the cycle again and fails this test.
   */
  @Test
  void packagesHaveNoCycles() {
    slices()
        .assignedFrom(EACH_PACKAGE)
        .should()
        .beFreeOfCycles()
        .ignoreDependency(
            belongToAnyOf(JsonRpcClient.class, JsonRpcService.class),
            resideInAPackage("io.jsonrpc2.internal"))
        .check(project);
  }

  /** Every package is a slice of its own, the root package {@code io.jsonrpc2} too. */
  private static final SliceAssignment EACH_PACKAGE =
      new SliceAssignment() {
        @Override
        public SliceIdentifier getIdentifierOf(JavaClass javaClass) {
          return javaClass.getPackageName().startsWith("io.jsonrpc2")
              ? SliceIdentifier.of(javaClass.getPackageName())
              : SliceIdentifier.ignore();
        }

        @Override
        public String getDescription() {
          return "the packages of io.jsonrpc2";
        }
      };

  private static Optional<String> moduleOf(JavaClass javaClass) {
    return javaClass
        .getSource()
        .map(source -> MODULE.matcher(source.getUri().toString()))
        .filter(Matcher::find)
        .map(matcher -> matcher.group(1));
  }

  private static DescribedPredicate<JavaClass> inModules(Set<String> modules) {
    return DescribedPredicate.describe(
        "are in " + String.join(" or ", new TreeSet<>(modules)),
        javaClass -> moduleOf(javaClass).filter(modules::contains).isPresent());
  }
}
