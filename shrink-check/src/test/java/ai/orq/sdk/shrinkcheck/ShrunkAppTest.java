package ai.orq.sdk.shrinkcheck;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.orq.sdk.localserver.LocalOrqServer;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import proguard.Configuration;
import proguard.ConfigurationParser;
import proguard.ProGuard;

/**
 * What an Android release build does to an app that uses the SDK, with ProGuard in R8's place (R8
 * is not on Maven Central): shrink and obfuscate ShrinkApp together with the SDK and its whole
 * runtime closure, applying the consumer rules every jar ships in META-INF/proguard (ours, and
 * OkHttp's, Retrofit's and Gson's own), then run the shrunk jar in a fresh JVM against the local
 * server: create, stream, retrieve.
 */
class ShrunkAppTest {
  private final Path work = Paths.get(System.getProperty("shrink.work"));

  @Test
  void theShrunkAppTalksToTheServer() throws Exception {
    List<Path> program = new ArrayList<>();
    program.add(Paths.get(System.getProperty("shrink.classes")));
    for (String entry : System.getProperty("shrink.classpath").split(File.pathSeparator)) {
      program.add(Paths.get(entry));
    }
    Path shrunk = shrink(program);

    long input = 0;
    for (Path entry : program) {
      input += size(entry);
    }
    assertTrue(
        Files.size(shrunk) < input / 2,
        "shrinking kept "
            + Files.size(shrunk)
            + " of "
            + input
            + " bytes: are the rules keeping everything?");
    try (JarFile jar = new JarFile(shrunk.toFile())) {
      assertTrue(
          jar.getEntry("ai/orq/sdk/internal/RetryPolicy.class") == null,
          "the SDK's internal classes were not obfuscated, so the run proves little");
      assertTrue(
          jar.getEntry("ai/orq/sdk/model/Conversation.class") != null,
          "the models keep their names");
    }

    try (LocalOrqServer server = LocalOrqServer.builder().build().start()) {
      Path java = Paths.get(System.getProperty("java.home"), "bin", "java");
      Process process =
          new ProcessBuilder(
                  java.toString(),
                  "-cp",
                  shrunk.toString(),
                  ShrinkApp.class.getName(),
                  server.baseUrl(),
                  server.apiKey())
              .redirectErrorStream(true)
              .start();
      String output;
      try (InputStream in = process.getInputStream()) {
        assertTrue(process.waitFor(60, TimeUnit.SECONDS), "the shrunk app did not finish in 60 s");
        output = new String(in.readAllBytes(), StandardCharsets.UTF_8);
      }
      assertEquals(0, process.exitValue(), "the shrunk app failed:\n" + output);
      assertEquals(
          "created: Shrunk app\n"
              + "streamed: You said: Hello from a shrunk app (stop)\n"
              + "retrieved: Shrunk app with 2 messages\n",
          output.replace(System.lineSeparator(), "\n"));
    }
  }

  /** Runs ProGuard; returns the shrunk jar. */
  private Path shrink(List<Path> program) throws Exception {
    Path rules = work.resolve("rules");
    Files.createDirectories(rules);
    StringBuilder config = new StringBuilder();
    for (Path entry : program) {
      config
          .append("-injars '")
          .append(entry)
          .append(
              "'(!META-INF/MANIFEST.MF,!META-INF/LICENSE*,!META-INF/NOTICE*,!META-INF/versions/**,"
                  + "!META-INF/maven/**,!META-INF/proguard/**,!**/module-info.class)\n");
      for (String pro : consumerRules(entry, rules)) {
        config.append("-include '").append(pro).append("'\n");
      }
    }
    Path shrunk = work.resolve("shrunk-app.jar");
    Files.deleteIfExists(shrunk);
    config.append("-outjars '").append(shrunk).append("'\n");
    String jmods = Paths.get(System.getProperty("java.home"), "jmods").toString();
    for (String module : new String[] {"java.base", "java.logging", "java.sql"}) {
      config
          .append("-libraryjars '")
          .append(jmods)
          .append(File.separator)
          .append(module)
          .append(".jmod'(!**.jar;!module-info.class)\n");
    }
    config.append("-include '").append(System.getProperty("shrink.app.rules")).append("'\n");
    Path file = work.resolve("proguard.pro");
    Files.write(file, config.toString().getBytes(StandardCharsets.UTF_8));

    Configuration configuration = new Configuration();
    try (ConfigurationParser parser =
        new ConfigurationParser(file.toFile(), System.getProperties())) {
      parser.parse(configuration);
    }
    new ProGuard(configuration).execute();
    return shrunk;
  }

  /**
   * Copies the META-INF/proguard/*.pro files a jar or classes directory ships into the rules dir.
   */
  private static List<String> consumerRules(Path entry, Path rules) throws IOException {
    List<String> found = new ArrayList<>();
    String prefix = entry.getFileName().toString().replaceAll("\\.jar$", "") + "-";
    if (Files.isDirectory(entry)) {
      Path dir = entry.resolve("META-INF/proguard");
      if (Files.isDirectory(dir)) {
        try (Stream<Path> files = Files.list(dir)) {
          for (Path pro :
              (Iterable<Path>) files.filter(f -> f.toString().endsWith(".pro"))::iterator) {
            Path copy = rules.resolve(prefix + pro.getFileName());
            Files.copy(pro, copy, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            found.add(copy.toString());
          }
        }
      }
      return found;
    }
    try (JarFile jar = new JarFile(entry.toFile())) {
      for (Enumeration<JarEntry> entries = jar.entries(); entries.hasMoreElements(); ) {
        JarEntry pro = entries.nextElement();
        if (pro.getName().startsWith("META-INF/proguard/") && pro.getName().endsWith(".pro")) {
          Path copy = rules.resolve(prefix + Paths.get(pro.getName()).getFileName());
          try (InputStream in = jar.getInputStream(pro)) {
            Files.copy(in, copy, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
          }
          found.add(copy.toString());
        }
      }
    }
    return found;
  }

  private static long size(Path entry) throws IOException {
    if (!Files.isDirectory(entry)) {
      return Files.size(entry);
    }
    try (Stream<Path> files = Files.walk(entry)) {
      return files.filter(Files::isRegularFile).mapToLong(f -> f.toFile().length()).sum();
    }
  }
}
