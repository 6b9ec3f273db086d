package ai.orq.sdk.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Keeps the README honest: every {@code ```java} block in it must appear, whitespace aside (the
 * formatter moves line breaks), in an example source file (main or test: the "Testing your code"
 * snippets are example tests) (a {@code // ...} line marks lines left out), so every snippet a
 * reader copies is compiled (and, through the example tests, run) in the build. The regions quoted
 * are marked {@code // [readme:name]} in the examples where they are quoted whole. The Spring Boot
 * example application (examples/spring-boot) counts as example source, and the README's {@code
 * application.yaml} is that application's. The README's commands and Maven coordinates are checked
 * too.
 */
final class ReadmeSnippetsTest {
  private static final Pattern FENCE =
      Pattern.compile("(?ms)^```(\\w*)[ \\t]*\\n(.*?)^```[ \\t]*$");

  /**
   * Builds what it needs and runs the walkthrough; {@code -Dexec.mainClass} satisfies exec:java in
   * every module.
   */
  static final String RUN_COMMAND =
      "mvn -B -q -DskipTests -pl examples -am package exec:java"
          + " -Dexec.mainClass=ai.orq.sdk.examples.WalkthroughExample";

  private static String readme;
  private static Map<Path, String> sources;

  @BeforeAll
  static void read() throws IOException {
    Path readmePath = Paths.get(System.getProperty("orq.readme.file", "../README.md"));
    readme = new String(Files.readAllBytes(readmePath), StandardCharsets.UTF_8);
    sources = new LinkedHashMap<>();
    for (String root :
        new String[] {
          System.getProperty("orq.examples.sources", "src/main/java"),
          System.getProperty("orq.examples.test-sources", "src/test/java"),
          System.getProperty("orq.examples.spring-sources", "spring-boot/src/main/java"),
          System.getProperty("orq.examples.spring-test-sources", "spring-boot/src/test/java")
        }) {
      try (Stream<Path> files = Files.walk(Paths.get(root))) {
        for (Path file :
            files.filter(f -> f.toString().endsWith(".java")).collect(Collectors.toList())) {
          sources.put(
              file, normalize(new String(Files.readAllBytes(file), StandardCharsets.UTF_8)));
        }
      }
    }
  }

  @Test
  void everyJavaSnippetIsCompiledExampleCode() {
    List<String> snippets = blocks("java");
    assertTrue(
        snippets.size() >= 10, "expected the README's Java snippets, found " + snippets.size());
    List<String> missing = new ArrayList<>();
    for (String snippet : snippets) {
      if (sources.values().stream().noneMatch(source -> quotes(source, snippet))) {
        missing.add(snippet);
      }
    }
    if (!missing.isEmpty()) {
      fail(
          missing.size()
              + " README snippet(s) found in no example source under "
              + sources.keySet().iterator().next().getParent()
              + ":\n\n"
              + String.join("\n-----\n", missing));
    }
  }

  /** The Spring Boot section's {@code application.yaml} is the example application's, whole. */
  @Test
  void everyYamlSnippetIsTheExampleApplicationsConfiguration() throws IOException {
    List<String> snippets = blocks("yaml");
    assertFalse(snippets.isEmpty(), "expected the README's application.yaml");
    String yaml =
        read(
            Paths.get(
                System.getProperty(
                    "orq.examples.spring-yaml",
                    "spring-boot/src/main/resources/application.yaml")));
    for (String snippet : snippets) {
      assertEquals(yaml.trim(), snippet.trim(), "README's yaml vs the example's application.yaml");
    }
  }

  @Test
  void commandsSectionHasTheRunAndTestCommands() {
    int commands = readme.indexOf("\n## Commands");
    assertTrue(commands >= 0, "README has no \"## Commands\" section");
    List<String> bash = blocks("bash").stream().map(String::trim).collect(Collectors.toList());
    assertTrue(bash.contains(RUN_COMMAND), "run command: " + bash);
    assertTrue(bash.contains("mvn -B -ntp verify"), "test command: " + bash);
  }

  @Test
  void mavenSnippetUsesThePublishedCoordinates() throws IOException {
    String xml = String.join("\n", blocks("xml"));
    for (String artifact : new String[] {"orq-sdk-bom", "orq-sdk-core", "orq-sdk-streaming"}) {
      assertTrue(
          xml.contains("<artifactId>" + artifact + "</artifactId>"),
          artifact + " missing in:\n" + xml);
    }
    Path root =
        Paths.get(System.getProperty("orq.readme.file", "../README.md"))
            .toAbsolutePath()
            .getParent();
    String version = firstMatch(read(root.resolve("pom.xml")), "<version>([^<]+)</version>");
    Matcher versions = Pattern.compile("<version>([^<]+)</version>").matcher(xml);
    while (versions.find()) {
      assertEquals(version, versions.group(1), "README's Maven snippet version");
    }
    Matcher artifacts = Pattern.compile("<artifactId>(orq-[^<]+)</artifactId>").matcher(xml);
    while (artifacts.find()) {
      String artifact = artifacts.group(1);
      boolean published = false;
      for (String module :
          new String[] {
            "bom",
            "sdk-core",
            "sdk-streaming",
            "local-server",
            "sdk-testing",
            "spring-boot-starter",
            "spring-boot-starter-test"
          }) {
        published |=
            read(root.resolve(module).resolve("pom.xml"))
                .contains("<artifactId>" + artifact + "</artifactId>");
      }
      assertTrue(published, artifact + " in the README is no module's artifact");
    }
  }

  @Test
  void benchmarksSectionIsThere() {
    assertFalse(readme.indexOf("\n## Benchmarks") < 0, "README has no \"## Benchmarks\" section");
  }

  private static List<String> blocks(String language) {
    List<String> blocks = new ArrayList<>();
    Matcher fence = FENCE.matcher(readme);
    while (fence.find()) {
      if (fence.group(1).equals(language)) {
        blocks.add(fence.group(2));
      }
    }
    return blocks;
  }

  /**
   * Whether {@code source} contains the snippet, whitespace aside. A line {@code // ...} in the
   * snippet stands for lines left out: the pieces between such lines must appear in this order.
   */
  private static boolean quotes(String source, String snippet) {
    int from = 0;
    for (String piece : snippet.split("(?m)^[ \\t]*// \\.\\.\\.[ \\t]*$")) {
      String wanted = normalize(piece);
      if (wanted.isEmpty()) {
        continue;
      }
      int at = source.indexOf(wanted, from);
      if (at < 0) {
        return false;
      }
      from = at + wanted.length();
    }
    return true;
  }

  private static String normalize(String text) {
    return text.replaceAll("\\s+", ""); // the formatter may move line breaks anywhere
  }

  private static String read(Path file) throws IOException {
    return new String(Files.readAllBytes(file), StandardCharsets.UTF_8);
  }

  private static String firstMatch(String text, String regex) {
    Matcher matcher = Pattern.compile(regex).matcher(text);
    assertTrue(matcher.find(), regex);
    return matcher.group(1);
  }
}
