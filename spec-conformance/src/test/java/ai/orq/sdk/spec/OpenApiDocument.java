package ai.orq.sdk.spec;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;

/** An OpenAPI document read as plain maps and lists, with {@code $ref}s resolved on demand. */
public final class OpenApiDocument {
  private final Map<String, Object> root;

  private OpenApiDocument(Map<String, Object> root) {
    this.root = root;
  }

  public static OpenApiDocument read(Path file) throws IOException {
    try (InputStream in = Files.newInputStream(file)) {
      LoaderOptions options = new LoaderOptions();
      options.setCodePointLimit(16 * 1024 * 1024);
      return new OpenApiDocument(new Yaml(options).load(in));
    }
  }

  /** The whole document as read: mutable maps and lists, for a test to edit a fresh copy. */
  public Map<String, Object> root() {
    return root;
  }

  public Map<String, Object> paths() {
    return map(root.get("paths"));
  }

  public Map<String, Object> schemas() {
    return map(map(root.get("components")).get("schemas"));
  }

  /** Follows {@code $ref}s until it reaches an object that is not one. */
  public Map<String, Object> resolve(Object node) {
    Map<String, Object> map = map(node);
    Set<Object> seen = new HashSet<>();
    while (map.containsKey("$ref")) {
      String ref = (String) map.get("$ref");
      if (!seen.add(ref)) {
        throw new IllegalStateException("cyclic $ref " + ref);
      }
      Object target = root;
      for (String segment : ref.substring(2).split("/")) {
        target = map(target).get(segment);
      }
      map = map(target);
    }
    return map;
  }

  @SuppressWarnings("unchecked")
  public static Map<String, Object> map(Object node) {
    return node == null ? Map.of() : (Map<String, Object>) node;
  }

  public static List<?> list(Object node) {
    return node == null ? List.of() : (List<?>) node;
  }
}
