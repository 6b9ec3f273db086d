package ai.orq.sdk.evolution;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.representer.Representer;

/**
 * Writes a copy of the spec grown the way an API grows between releases, with one additive change
 * of every kind: a new member in each union (discriminated or not), a new optional property, a new
 * enum schema on a new property, a new value of an existing enum, and a new nullable property on
 * the update request. The new schemas come from {@code additions.yaml}; a new member of a
 * discriminated union declares its discriminator as a one-value inline enum, the spec's convention,
 * and joins the mapping under that value. Each edit fails, naming what it looked for, when the spec
 * no longer has the place it grows.
 *
 * <p>Usage: {@code SpecEvolution <spec.yaml> <evolved.yaml>}.
 */
public final class SpecEvolution {
  private final Map<String, Object> spec;
  private final List<String> changes = new ArrayList<>();

  private SpecEvolution(Map<String, Object> spec) {
    this.spec = spec;
  }

  public static void main(String[] args) throws IOException {
    if (args.length != 2) {
      throw new IllegalArgumentException("usage: SpecEvolution <spec.yaml> <evolved.yaml>");
    }
    Yaml yaml = new Yaml(new SafeConstructor(new LoaderOptions()));
    Map<String, Object> spec;
    try (Reader in = Files.newBufferedReader(Path.of(args[0]), StandardCharsets.UTF_8)) {
      spec = yaml.load(in);
    }
    List<String> changes = evolve(spec, additions());

    Path out = Path.of(args[1]);
    Files.createDirectories(out.toAbsolutePath().getParent());
    DumperOptions options = new DumperOptions();
    options.setDefaultFlowStyle(DumperOptions.FlowStyle.BLOCK);
    options.setWidth(1000);
    try (Writer writer = Files.newBufferedWriter(out, StandardCharsets.UTF_8)) {
      new Yaml(new Representer(options), options).dump(spec, writer);
    }
    System.out.println("Evolved spec written to " + out + ":");
    changes.forEach(change -> System.out.println("  " + change));
  }

  /** The new schemas, as {@code additions.yaml} has them: a fresh, mutable copy on each call. */
  static Map<String, Object> additions() throws IOException {
    try (InputStream in = SpecEvolution.class.getResourceAsStream("/additions.yaml")) {
      return new Yaml(new SafeConstructor(new LoaderOptions())).load(in);
    }
  }

  /** Grows {@code spec} in place with {@code additions}; returns the changes made, one a line. */
  static List<String> evolve(Map<String, Object> spec, Map<String, Object> additions) {
    SpecEvolution evolution = new SpecEvolution(spec);
    evolution.addSchemas(additions);
    evolution.addDiscriminatedMember("ResponseEvent", "ResponseProgressEvent");
    evolution.addDiscriminatedMember("ResponsePart", "ResponseCitationPart");
    evolution.addDiscriminatedMember("MessagePart", "AudioPart");
    evolution.addDiscriminatedMember("ResponseFile", "ResponseFileId");
    evolution.addMember("FileSource", "FileId");
    evolution.addProperty("Conversation", "pinned", Map.of("type", "boolean"));
    evolution.addProperty("Conversation", "visibility", ref("ConversationVisibility"));
    evolution.addEnumValue("FinishReason", "pause_turn");
    evolution.addProperty(
        "UpdateConversationRequest",
        "description",
        new LinkedHashMap<>(Map.of("type", "string", "nullable", true)));
    return evolution.changes;
  }

  private void addSchemas(Map<String, Object> additions) {
    Map<String, Object> schemas = schemas();
    for (Map.Entry<String, Object> schema : additions.entrySet()) {
      if (schemas.containsKey(schema.getKey())) {
        throw new IllegalStateException("the spec already has a schema " + schema.getKey());
      }
      schemas.put(schema.getKey(), schema.getValue());
      changes.add("new schema " + schema.getKey());
    }
  }

  /**
   * Adds {@code member} to a discriminated union under the value its discriminator property
   * declares, as the spec's convention has it: a one-value inline enum (the mapping key).
   */
  private void addDiscriminatedMember(String union, String member) {
    Map<String, Object> discriminator =
        map(schema(union).get("discriminator"), union + ".discriminator");
    Map<String, Object> mapping =
        map(discriminator.get("mapping"), union + ".discriminator.mapping");
    String property = (String) discriminator.get("propertyName");
    Object declared = map(schema(member).get("properties"), member + ".properties").get(property);
    Object values = declared instanceof Map<?, ?> declaration ? declaration.get("enum") : null;
    if (!(values instanceof List<?> list
        && list.size() == 1
        && list.get(0) instanceof String discriminatorValue)) {
      throw new IllegalStateException(
          member
              + "."
              + property
              + " must declare the discriminator of "
              + union
              + " as a one-value inline enum, is "
              + declared);
    }
    if (mapping.containsKey(discriminatorValue)) {
      throw new IllegalStateException(union + " already maps " + discriminatorValue);
    }
    oneOf(union).add(ref(member));
    mapping.put(discriminatorValue, ref(member).get("$ref"));
    changes.add(
        union + ": new member " + member + " (" + property + " = " + discriminatorValue + ")");
  }

  private void addMember(String union, String member) {
    if (schema(union).containsKey("discriminator")) {
      throw new IllegalStateException(
          union + " has a discriminator; this edit grows a union without one");
    }
    oneOf(union).add(ref(member));
    changes.add(union + ": new member " + member + " (told apart by its required properties)");
  }

  private void addProperty(String schema, String name, Map<String, Object> definition) {
    Map<String, Object> properties = map(schema(schema).get("properties"), schema + ".properties");
    if (properties.containsKey(name)) {
      throw new IllegalStateException(schema + " already has a property " + name);
    }
    properties.put(name, new LinkedHashMap<>(definition));
    changes.add(schema + ": new property " + name + " " + definition);
  }

  @SuppressWarnings("unchecked")
  private void addEnumValue(String schema, String value) {
    Object values = schema(schema).get("enum");
    if (!(values instanceof List)) {
      throw new IllegalStateException(schema + " is not an enum schema");
    }
    if (((List<Object>) values).contains(value)) {
      throw new IllegalStateException(schema + " already lists " + value);
    }
    ((List<Object>) values).add(value);
    changes.add(schema + ": new value " + value);
  }

  @SuppressWarnings("unchecked")
  private List<Object> oneOf(String union) {
    Object members = schema(union).get("oneOf");
    if (!(members instanceof List)) {
      throw new IllegalStateException(union + " is not a oneOf union");
    }
    return (List<Object>) members;
  }

  private Map<String, Object> schema(String name) {
    return map(schemas().get(name), "components.schemas." + name);
  }

  private Map<String, Object> schemas() {
    return map(map(spec.get("components"), "components").get("schemas"), "components.schemas");
  }

  private static Map<String, Object> ref(String schema) {
    return new LinkedHashMap<>(Map.of("$ref", "#/components/schemas/" + schema));
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> map(Object node, String path) {
    if (!(node instanceof Map)) {
      throw new IllegalStateException("the spec has no " + path);
    }
    return (Map<String, Object>) node;
  }
}
