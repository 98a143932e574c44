package io.jsonrpc2.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

/**
 * The build's promises to users: the BOM names every published module, and every published jar has
 * a stable module name.
 */
class BuildLayoutTest {
  private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();

  @Test
  void theBomNamesEveryPublishedModuleAndNothingElse() throws Exception {
    Document bom = read(ROOT.resolve("jsonrpc2-bom/pom.xml"));
    TreeSet<String> managed = new TreeSet<>();
    for (Element dependency : elements(bom.getElementsByTagName("dependency"))) {
      assertThat(text(dependency, "groupId")).isEqualTo("io.jsonrpc2");
      assertThat(text(dependency, "version")).isEqualTo("${project.version}");
      managed.add(text(dependency, "artifactId"));
    }
    assertThat(text(bom.getDocumentElement(), "version"))
        .as("the BOM has no parent, so its version is written out: keep it the project's")
        .isEqualTo(text(read(ROOT.resolve("pom.xml")).getDocumentElement(), "version"));
    assertThat(managed).containsExactlyElementsOf(new TreeSet<>(publishedJarModules()));
  }

  @Test
  void everyPublishedJarHasAnAutomaticModuleName() throws Exception {
    for (String module : publishedJarModules()) {
      String pom = Files.readString(ROOT.resolve(module).resolve("pom.xml"));
      String expected = "io." + module.replace('-', '.');
      assertThat(pom)
          .as(module + " names its module in the jar manifest")
          .contains("<Automatic-Module-Name>" + expected + "</Automatic-Module-Name>");
    }
  }

  /** The reactor's jar modules that are deployed (examples and benchmarks are not). */
  private static List<String> publishedJarModules() throws Exception {
    List<String> published = new ArrayList<>();
    Document parent = read(ROOT.resolve("pom.xml"));
    for (Element module : elements(parent.getElementsByTagName("module"))) {
      String name = module.getTextContent().trim();
      String pom = Files.readString(ROOT.resolve(name).resolve("pom.xml"));
      if (!pom.contains("<packaging>pom</packaging>")
          && !pom.contains("<maven.deploy.skip>true</maven.deploy.skip>")) {
        published.add(name);
      }
    }
    return published;
  }

  private static Document read(Path pom) throws Exception {
    return DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(pom.toFile());
  }

  private static List<Element> elements(NodeList nodes) {
    List<Element> elements = new ArrayList<>();
    for (int i = 0; i < nodes.getLength(); i++) {
      elements.add((Element) nodes.item(i));
    }
    return elements;
  }

  /** The text of {@code parent}'s direct child {@code name}. */
  private static String text(Element parent, String name) {
    for (Node child = parent.getFirstChild(); child != null; child = child.getNextSibling()) {
      if (child instanceof Element element && element.getTagName().equals(name)) {
        return element.getTextContent().trim();
      }
    }
    throw new AssertionError(parent.getTagName() + " has no <" + name + ">");
  }
}
