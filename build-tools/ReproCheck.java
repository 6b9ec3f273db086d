import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Proves the published artifacts are reproducible: builds the published modules a second time,
 * from a copy of the sources in a fresh directory, and compares the second staged bundle with the
 * first byte for byte (jars, sources, javadoc, POMs and their checksums).
 *
 * <p>The published modules are found, not listed: every module of the root POM whose POM does not
 * say {@code <orq.unpublished>true</orq.unpublished>}. Each must already be in the first bundle, so
 * this runs late in the build (consumer-check depends on every published module). The same
 * discovery checks the release profile's list of modules kept out of the Central bundle
 * ({@code <excludeArtifact>} in the root POM): exactly the unpublished ones.
 *
 * <p>Usage: {@code java ReproCheck.java <root dir> <work dir> <maven home> <local repository>}
 */
public final class ReproCheck {
  static final Pattern MODULE = Pattern.compile("<module>([^<]+)</module>");
  static final Pattern ARTIFACT_ID = Pattern.compile("</parent>\\s*<artifactId>([^<]+)</artifactId>|"
      + "<modelVersion>[^<]*</modelVersion>\\s*<groupId>[^<]*</groupId>\\s*<artifactId>([^<]+)</artifactId>");
  static final Pattern VERSION = Pattern.compile("<artifactId>orq-sdk-parent</artifactId>\\s*<version>([^<]+)</version>");

  public static void main(String[] args) throws Exception {
    Path root = Paths.get(args[0]).toRealPath();
    Path work = Paths.get(args[1]);
    Path mvn = Paths.get(args[2], "bin", "mvn");
    String localRepository = args[3];

    String rootPom = read(root.resolve("pom.xml"));
    Matcher versionMatch = VERSION.matcher(rootPom);
    if (!versionMatch.find()) {
      fail("no version in " + root.resolve("pom.xml"));
    }
    String version = versionMatch.group(1);
    List<String> published = new ArrayList<>();
    List<String> artifactIds = new ArrayList<>(Arrays.asList("orq-sdk-parent"));
    Matcher modules = MODULE.matcher(rootPom);
    while (modules.find()) {
      String module = modules.group(1).trim();
      String pom = read(root.resolve(module).resolve("pom.xml"));
      Matcher id = ARTIFACT_ID.matcher(pom);
      if (!id.find()) {
        fail("no artifactId in " + module + "/pom.xml");
      }
      String artifactId = id.group(1) != null ? id.group(1) : id.group(2);
      boolean unpublished = pom.contains("<orq.unpublished>true</orq.unpublished>");
      boolean excluded = rootPom.contains("<excludeArtifact>" + artifactId + "</excludeArtifact>");
      if (unpublished != excluded) {
        fail(artifactId + (unpublished
            ? " is unpublished but the release profile's <excludeArtifacts> does not name it: it would go to Central"
            : " is published but the release profile's <excludeArtifacts> names it"));
      }
      if (!unpublished) {
        published.add(module);
        artifactIds.add(artifactId);
      }
    }

    Path first = root.resolve("target/central-staging/ai/orq");
    for (String artifactId : artifactIds) {
      if (!Files.isDirectory(first.resolve(artifactId).resolve(version))) {
        fail(artifactId + " is published but was not staged before this check; add it to"
            + " consumer-check's dependencies so the reactor builds it first");
      }
    }

    Path copy = work.resolve("sources");
    deleteTree(copy);
    copyTree(root, copy, work);
    System.out.println("[repro] building " + String.join(", ", published) + " again in " + copy);
    long start = System.nanoTime();
    Process build = new ProcessBuilder(mvn.toString(), "-B", "-q", "-o", "-Dmaven.repo.local=" + localRepository,
        "-DskipTests", "-pl", "." + "," + String.join(",", published), "verify")
        .directory(copy.toFile())
        .redirectErrorStream(true)
        .redirectOutput(work.resolve("second-build.log").toFile())
        .start();
    if (!build.waitFor(15, TimeUnit.MINUTES)) {
      build.destroyForcibly();
      fail("the second build took over 15 minutes; see " + work.resolve("second-build.log"));
    }
    if (build.exitValue() != 0) {
      System.err.println(read(work.resolve("second-build.log")));
      fail("the second build failed; see " + work.resolve("second-build.log"));
    }

    Path second = copy.resolve("target/central-staging/ai/orq");
    List<String> differences = new ArrayList<>();
    int compared = 0;
    for (String artifactId : artifactIds) {
      Path firstDir = first.resolve(artifactId).resolve(version);
      try (Stream<Path> files = Files.list(firstDir)) {
        for (Path file : files.sorted().collect(Collectors.toList())) {
          Path other = second.resolve(artifactId).resolve(version).resolve(file.getFileName());
          compared++;
          if (!Files.exists(other)) {
            differences.add(file.getFileName() + " is missing from the second build");
          } else if (!Arrays.equals(Files.readAllBytes(file), Files.readAllBytes(other))) {
            differences.add(file.getFileName() + " differs (compare " + file + " with " + other + ")");
          }
        }
      }
    }
    if (!differences.isEmpty()) {
      differences.forEach(d -> System.err.println("[repro] " + d));
      fail("the build is not reproducible");
    }
    System.out.printf("[repro] %d files of %d published artifacts are byte-identical in a second build (%d s)%n",
        compared, artifactIds.size(), TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - start));
  }

  /** Copies the source tree, leaving out build output, the git directory and the work dir itself. */
  static void copyTree(Path from, Path to, Path work) throws IOException {
    Path workReal = work.toAbsolutePath().normalize();
    try (Stream<Path> files = Files.walk(from)) {
      for (Path file : (Iterable<Path>) files::iterator) {
        Path relative = from.relativize(file);
        if (file.toAbsolutePath().normalize().startsWith(workReal) || relative.toString().equals(".git")
            || relative.startsWith(".git") || contains(relative, "target")) {
          continue;
        }
        Path target = to.resolve(relative.toString());
        if (Files.isDirectory(file)) {
          Files.createDirectories(target);
        } else {
          Files.copy(file, target, StandardCopyOption.COPY_ATTRIBUTES);
        }
      }
    }
  }

  static boolean contains(Path relative, String name) {
    for (Path part : relative) {
      if (part.toString().equals(name)) {
        return true;
      }
    }
    return false;
  }

  static void deleteTree(Path dir) throws IOException {
    if (!Files.exists(dir)) {
      return;
    }
    try (Stream<Path> files = Files.walk(dir)) {
      for (Path file : files.sorted((a, b) -> b.compareTo(a)).collect(Collectors.toList())) {
        Files.delete(file);
      }
    }
  }

  static String read(Path file) throws IOException {
    return new String(Files.readAllBytes(file), java.nio.charset.StandardCharsets.UTF_8);
  }

  static void fail(String message) {
    System.err.println("[repro] " + message);
    System.exit(1);
  }
}
