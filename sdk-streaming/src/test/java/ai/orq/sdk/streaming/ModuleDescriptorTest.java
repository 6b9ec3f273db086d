package ai.orq.sdk.streaming;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.orq.sdk.OrqClient;
import java.io.IOException;
import java.io.InputStream;
import java.lang.module.ModuleDescriptor;
import java.lang.module.ModuleDescriptor.Exports;
import java.lang.module.ModuleDescriptor.Provides;
import java.net.URI;
import java.net.URL;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The Java 9 module descriptors of orq-sdk-core and orq-sdk-streaming (META-INF/versions/9 of their
 * multi-release jars): every package is exported but the internal ones, which only the streaming
 * module reads, and the streaming module provides the core's service the way its META-INF/services
 * file does on the class path. Read from the compiled classes (a directory or the jar, whichever
 * the build put on the class path).
 */
class ModuleDescriptorTest {
  private static final String STREAMING_PROVIDER = "ai.orq.sdk.internal.StreamingProvider";

  @Test
  void coreExportsEveryPackageButInternalWhichOnlyStreamingReads() throws Exception {
    withClassesOf(
        OrqClient.class.getName().replace('.', '/') + ".class",
        root -> {
          ModuleDescriptor core = descriptor(root);
          assertEquals("ai.orq.sdk", core.name());
          assertEquals(packages(root), core.packages());
          assertEquals(expectedExports(core.packages(), "ai.orq.sdk.streaming"), exports(core));
          assertEquals(Collections.singleton(STREAMING_PROVIDER), core.uses());
        });
  }

  @Test
  void streamingExportsEveryPackageButInternalAndProvidesTheService() throws Exception {
    withClassesOf(
        "META-INF/services/" + STREAMING_PROVIDER,
        root -> {
          ModuleDescriptor streaming = descriptor(root);
          assertEquals("ai.orq.sdk.streaming", streaming.name());
          assertEquals(packages(root), streaming.packages());
          assertEquals(expectedExports(streaming.packages(), null), exports(streaming));
          assertTrue(streaming.requires().stream().anyMatch(r -> r.name().equals("ai.orq.sdk")));
          List<String> services =
              Files.readAllLines(root.resolve("META-INF/services/" + STREAMING_PROVIDER), UTF_8);
          Set<Provides> provides = streaming.provides();
          assertEquals(1, provides.size());
          Provides provider = provides.iterator().next();
          assertEquals(STREAMING_PROVIDER, provider.service());
          assertEquals(services, provider.providers());
        });
  }

  /** Every package exported to all, but {@code internal} ones: to {@code internalReader} only. */
  private static Map<String, Set<String>> expectedExports(
      Set<String> packages, String internalReader) {
    Map<String, Set<String>> expected = new TreeMap<>();
    for (String name : packages) {
      if (!name.endsWith(".internal")) {
        expected.put(name, Collections.emptySet());
      } else if (internalReader != null) {
        expected.put(name, Collections.singleton(internalReader));
      }
    }
    return expected;
  }

  /** Exported package to its target modules (empty when exported to all). */
  private static Map<String, Set<String>> exports(ModuleDescriptor descriptor) {
    return descriptor.exports().stream()
        .collect(Collectors.toMap(Exports::source, Exports::targets, (a, b) -> a, TreeMap::new));
  }

  private static ModuleDescriptor descriptor(Path root) throws IOException {
    Path file = root.resolve("META-INF/versions/9/module-info.class");
    assertTrue(Files.isRegularFile(file), () -> "no module descriptor for Java 9 in " + root);
    try (InputStream in = Files.newInputStream(file)) {
      return ModuleDescriptor.read(in);
    }
  }

  /** The packages holding classes, META-INF aside. */
  private static Set<String> packages(Path root) throws IOException {
    try (Stream<Path> files = Files.walk(root)) {
      return files
          .filter(f -> f.toString().endsWith(".class"))
          .map(root::relativize)
          .filter(f -> !f.startsWith("META-INF"))
          .map(f -> f.getParent().toString().replace('/', '.'))
          .collect(Collectors.toCollection(TreeSet::new));
    }
  }

  private interface Check {
    void accept(Path root) throws IOException;
  }

  /**
   * Runs {@code check} on the root of the directory or jar that holds {@code resource}, a path
   * relative to that root.
   */
  private static void withClassesOf(String resource, Check check) throws Exception {
    URL url = ModuleDescriptorTest.class.getClassLoader().getResource(resource);
    assertNotNull(url, () -> resource + " is not on the class path");
    if (url.getProtocol().equals("jar")) {
      String jar = url.toString().substring("jar:".length(), url.toString().indexOf("!/"));
      try (FileSystem files = FileSystems.newFileSystem(Path.of(new URI(jar)))) {
        check.accept(files.getPath("/"));
      }
    } else {
      Path root = Path.of(url.toURI());
      for (int i = Path.of(resource).getNameCount(); i > 0; i--) {
        root = root.getParent();
      }
      check.accept(root);
    }
  }
}
