import java.io.IOException;
import java.io.InputStream;
import java.lang.module.ModuleDescriptor;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.jar.Manifest;
import java.util.zip.ZipEntry;
import javax.xml.parsers.DocumentBuilderFactory;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/**
 * Stages one module's files in the layout of a Maven Central bundle, without key or network, and
 * checks what Central checks before it accepts a deployment: a POM with name, description, url,
 * licenses, developers and scm (inherited from a parent POM in the same bundle counts), a jar with
 * its sources and javadoc jars, and an .md5 and .sha1 beside every file. It also checks what we
 * promise in every jar: the license in META-INF and a valid Automatic-Module-Name; where the jar
 * holds a module descriptor for Java 9, what {@link #checkModule} says.
 *
 * <p>Every published module runs it in its verify phase (see the parent POM), so the staging
 * directory grows into the whole bundle over a build.
 *
 * <p>Usage: {@code java StageBundle.java <staging dir> <groupId:artifactId:version:packaging> <pom> <target/finalName>}
 */
public final class StageBundle {
  static final String[] REQUIRED = {"name", "description", "url", "licenses/license/name",
      "developers/developer/name", "scm/url", "scm/connection"};

  public static void main(String[] args) throws Exception {
    Path staging = Paths.get(args[0]);
    String[] coordinates = args[1].split(":");
    String groupId = coordinates[0];
    String artifactId = coordinates[1];
    String version = coordinates[2];
    String packaging = coordinates[3];
    Path pom = Paths.get(args[2]);
    String built = args[3];

    Path dir = staging.resolve(groupId.replace('.', '/')).resolve(artifactId).resolve(version);
    if (Files.isDirectory(dir)) {
      try (var stale = Files.list(dir)) {
        for (Path file : (Iterable<Path>) stale::iterator) {
          Files.delete(file);
        }
      }
    }
    Files.createDirectories(dir);
    String base = artifactId + "-" + version;

    Map<Path, Path> files = new LinkedHashMap<>();
    files.put(pom, dir.resolve(base + ".pom"));
    if (!packaging.equals("pom")) {
      files.put(Paths.get(built + ".jar"), dir.resolve(base + ".jar"));
      files.put(Paths.get(built + "-sources.jar"), dir.resolve(base + "-sources.jar"));
      files.put(Paths.get(built + "-javadoc.jar"), dir.resolve(base + "-javadoc.jar"));
    }
    List<String> problems = new ArrayList<>();
    for (Map.Entry<Path, Path> file : files.entrySet()) {
      if (!Files.isRegularFile(file.getKey())) {
        problems.add("missing " + file.getKey());
      } else {
        Files.copy(file.getKey(), file.getValue());
      }
    }
    fail(artifactId, problems);

    checkPom(staging, dir.resolve(base + ".pom"), groupId, artifactId, version, problems);
    if (!packaging.equals("pom")) {
      checkJar(dir.resolve(base + ".jar"), problems);
      checkContains(dir.resolve(base + "-sources.jar"), ".java", problems);
      checkContains(dir.resolve(base + "-javadoc.jar"), "index.html", problems);
    }
    StringBuilder summary = new StringBuilder();
    for (Path staged : files.values()) {
      byte[] content = Files.readAllBytes(staged);
      Files.writeString(staged.resolveSibling(staged.getFileName() + ".md5"), hex("MD5", content));
      Files.writeString(staged.resolveSibling(staged.getFileName() + ".sha1"), hex("SHA-1", content));
      summary.append(String.format("%n  %-52s %,10d bytes  + .md5 .sha1", staged.getFileName(), content.length));
    }
    fail(artifactId, problems);
    System.out.println("[bundle] staged " + staging.relativize(dir) + summary);
  }

  static void checkPom(Path staging, Path pom, String groupId, String artifactId, String version,
      List<String> problems) throws Exception {
    Element project = parse(pom);
    if (!artifactId.equals(text(project, "artifactId"))) {
      problems.add(pom.getFileName() + " is not the POM of " + artifactId);
    }
    for (String path : REQUIRED) {
      if (inherited(staging, project, path) == null) {
        problems.add(pom.getFileName() + " has no <" + path.replace("/", "><") + "> (Central requires it)");
      }
    }
    if (text(project, "version") == null && text(project, "parent/version") == null) {
      problems.add(pom.getFileName() + " has no version");
    }
  }

  /** The element's text in this POM, or else in its parent's, which must be in the bundle too. */
  static String inherited(Path staging, Element project, String path) throws Exception {
    for (Element pom = project; pom != null; ) {
      String value = text(pom, path);
      if (value != null) {
        return value;
      }
      String parentGroup = text(pom, "parent/groupId");
      if (parentGroup == null) {
        return null;
      }
      String parentArtifact = text(pom, "parent/artifactId");
      String parentVersion = text(pom, "parent/version");
      Path parent = staging.resolve(parentGroup.replace('.', '/')).resolve(parentArtifact).resolve(parentVersion)
          .resolve(parentArtifact + "-" + parentVersion + ".pom");
      if (!Files.isRegularFile(parent)) {
        throw new IllegalStateException("the parent POM " + parentArtifact + " is not in the bundle at " + parent);
      }
      pom = parse(parent);
    }
    return null;
  }

  static void checkJar(Path jar, List<String> problems) throws IOException {
    try (JarFile file = new JarFile(jar.toFile())) {
      if (file.getEntry("META-INF/LICENSE") == null) {
        problems.add(jar.getFileName() + " has no META-INF/LICENSE");
      }
      Manifest manifest = file.getManifest();
      String name = manifest == null ? null : manifest.getMainAttributes().getValue("Automatic-Module-Name");
      if (name == null || !name.matches("[A-Za-z_][A-Za-z0-9_]*(\\.[A-Za-z_][A-Za-z0-9_]*)*")) {
        problems.add(jar.getFileName() + " has no valid Automatic-Module-Name (set orq.module.name): " + name);
      }
      ZipEntry descriptor = file.getEntry("META-INF/versions/9/module-info.class");
      if (descriptor != null) {
        checkModule(file, descriptor, name, problems);
      }
    }
  }

  /**
   * A jar with a module descriptor for Java 9 is Multi-Release, the module has the jar's
   * Automatic-Module-Name, exports every package but internal ones (those at most to named
   * modules), and provides what META-INF/services lists for the class path, no more, no less.
   */
  static void checkModule(JarFile file, ZipEntry descriptor, String name, List<String> problems) throws IOException {
    String jar = Paths.get(file.getName()).getFileName().toString();
    Manifest manifest = file.getManifest();
    if (manifest == null || !"true".equals(manifest.getMainAttributes().getValue("Multi-Release"))) {
      problems.add(jar + " holds a module-info for Java 9 but is not Multi-Release: true");
    }
    ModuleDescriptor module;
    try (InputStream in = file.getInputStream(descriptor)) {
      module = ModuleDescriptor.read(in);
    }
    if (!module.name().equals(name)) {
      problems.add(jar + " is the module " + module.name() + " but its Automatic-Module-Name says " + name);
    }
    Map<String, Set<String>> exports = new TreeMap<>();
    for (ModuleDescriptor.Exports export : module.exports()) {
      exports.put(export.source(), export.targets());
    }
    Set<String> packages = new TreeSet<>();
    Map<String, List<String>> services = new TreeMap<>();
    for (Enumeration<JarEntry> entries = file.entries(); entries.hasMoreElements(); ) {
      String entry = entries.nextElement().getName();
      if (entry.endsWith(".class") && !entry.startsWith("META-INF/")) {
        packages.add(entry.substring(0, entry.lastIndexOf('/')).replace('/', '.'));
      } else if (entry.startsWith("META-INF/services/") && !entry.endsWith("/")) {
        try (InputStream in = file.getInputStream(file.getEntry(entry))) {
          List<String> providers = new ArrayList<>();
          for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
            String provider = line.replaceAll("#.*", "").trim();
            if (!provider.isEmpty()) {
              providers.add(provider);
            }
          }
          services.put(entry.substring("META-INF/services/".length()), providers);
        }
      }
    }
    for (String pkg : packages) {
      boolean internal = pkg.endsWith(".internal") || pkg.contains(".internal.");
      Set<String> targets = exports.get(pkg);
      if (!internal && (targets == null || !targets.isEmpty())) {
        problems.add(jar + ": module " + module.name() + " does not export " + pkg + " to all");
      } else if (internal && targets != null && targets.isEmpty()) {
        problems.add(jar + ": module " + module.name() + " exports its internal package " + pkg + " to all");
      }
    }
    Map<String, List<String>> provides = new TreeMap<>();
    for (ModuleDescriptor.Provides provide : module.provides()) {
      provides.put(provide.service(), provide.providers());
    }
    if (!provides.equals(services)) {
      problems.add(jar + ": module " + module.name() + " provides " + provides + " but META-INF/services lists " + services);
    }
  }

  static void checkContains(Path jar, String suffix, List<String> problems) throws IOException {
    try (JarFile file = new JarFile(jar.toFile())) {
      for (Enumeration<? extends ZipEntry> entries = file.entries(); entries.hasMoreElements(); ) {
        if (entries.nextElement().getName().endsWith(suffix)) {
          return;
        }
      }
    }
    problems.add(jar.getFileName() + " holds no " + suffix);
  }

  static Element parse(Path pom) throws Exception {
    DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
    factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
    try (InputStream in = Files.newInputStream(pom)) {
      Document document = factory.newDocumentBuilder().parse(in);
      return document.getDocumentElement();
    }
  }

  /** The trimmed text at a slash-separated path of child elements, or null when absent or blank. */
  static String text(Element element, String path) {
    Element current = element;
    for (String name : path.split("/")) {
      Element next = null;
      for (Node child = current.getFirstChild(); child != null; child = child.getNextSibling()) {
        if (child instanceof Element && name.equals(child.getNodeName())) {
          next = (Element) child;
          break;
        }
      }
      if (next == null) {
        return null;
      }
      current = next;
    }
    String text = current.getTextContent().trim();
    return text.isEmpty() ? null : text;
  }

  static String hex(String algorithm, byte[] content) throws NoSuchAlgorithmException {
    StringBuilder hex = new StringBuilder();
    for (byte b : MessageDigest.getInstance(algorithm).digest(content)) {
      hex.append(String.format("%02x", b));
    }
    return hex.toString();
  }

  static void fail(String artifactId, List<String> problems) {
    if (!problems.isEmpty()) {
      problems.forEach(p -> System.err.println("[bundle] " + artifactId + ": " + p));
      System.exit(1);
    }
  }
}
