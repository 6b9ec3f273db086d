package ai.orq.sdk.localserver;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.yaml.snakeyaml.Yaml;

/**
 * Checks JSON against the schemas of our spec, {@code openapi/conversations.yaml}, read at test
 * time: types, required properties, enums, discriminated unions ({@code oneOf} + mapping) and no
 * property the schema does not declare (unless it allows additional properties). Enough of OpenAPI
 * for what this server writes; the spec, not this class, holds the facts.
 */
final class SpecSchemas {
  private static final Map<String, Object> SPEC = load();

  private SpecSchemas() {}

  /** The spec's document, as parsed YAML. */
  @SuppressWarnings("unchecked")
  static Map<String, Object> spec() {
    return SPEC;
  }

  /** The problems of {@code value} against schema {@code name}; empty when it is valid. */
  static List<String> problems(JsonElement value, String name) {
    List<String> problems = new ArrayList<>();
    check(value, schema(name), "$", problems);
    return problems;
  }

  /** The discriminator values of union {@code name}, e.g. the part kinds of ResponsePart. */
  @SuppressWarnings("unchecked")
  static Set<String> discriminatorValues(String name) {
    Map<String, Object> discriminator = (Map<String, Object>) schema(name).get("discriminator");
    return ((Map<String, Object>) discriminator.get("mapping")).keySet();
  }

  @SuppressWarnings("unchecked")
  static Map<String, Object> schema(String name) {
    Map<String, Object> schemas =
        (Map<String, Object>) ((Map<String, Object>) SPEC.get("components")).get("schemas");
    Map<String, Object> schema = (Map<String, Object>) schemas.get(name);
    if (schema == null) {
      throw new AssertionError("no schema " + name + " in the spec");
    }
    return schema;
  }

  @SuppressWarnings("unchecked")
  private static void check(
      JsonElement value, Map<String, Object> schema, String path, List<String> problems) {
    if (schema.containsKey("$ref")) {
      String ref = (String) schema.get("$ref");
      check(value, schema(ref.substring(ref.lastIndexOf('/') + 1)), path, problems);
      return;
    }
    if (value == null || value.isJsonNull()) {
      if (!Boolean.TRUE.equals(schema.get("nullable"))) {
        problems.add(path + " is null");
      }
      return;
    }
    if (schema.containsKey("oneOf")) {
      Map<String, Object> discriminator = (Map<String, Object>) schema.get("discriminator");
      String property = (String) discriminator.get("propertyName");
      Map<String, String> mapping = (Map<String, String>) discriminator.get("mapping");
      JsonElement tag = value.isJsonObject() ? value.getAsJsonObject().get(property) : null;
      String ref = tag != null && tag.isJsonPrimitive() ? mapping.get(tag.getAsString()) : null;
      if (ref == null) {
        problems.add(path + "." + property + " is " + tag + ", not one of " + mapping.keySet());
      } else {
        check(value, schema(ref.substring(ref.lastIndexOf('/') + 1)), path, problems);
      }
      return;
    }
    Object type = schema.get("type");
    if (type == null) {
      return; // any JSON value
    }
    switch ((String) type) {
      case "object":
        if (!value.isJsonObject()) {
          problems.add(path + " is not an object: " + value);
          return;
        }
        JsonObject object = value.getAsJsonObject();
        Map<String, Object> properties = (Map<String, Object>) schema.get("properties");
        for (String required : (List<String>) schema.getOrDefault("required", new ArrayList<>())) {
          if (!object.has(required)) {
            problems.add(path + "." + required + " is required but missing");
          }
        }
        for (Map.Entry<String, JsonElement> entry : object.entrySet()) {
          Map<String, Object> property =
              properties == null ? null : (Map<String, Object>) properties.get(entry.getKey());
          if (property != null) {
            check(entry.getValue(), property, path + "." + entry.getKey(), problems);
          } else if (!schema.containsKey("additionalProperties")) {
            problems.add(path + "." + entry.getKey() + " is not in the schema");
          }
        }
        return;
      case "array":
        if (!value.isJsonArray()) {
          problems.add(path + " is not an array: " + value);
          return;
        }
        for (int i = 0; i < value.getAsJsonArray().size(); i++) {
          check(
              value.getAsJsonArray().get(i),
              (Map<String, Object>) schema.get("items"),
              path + "[" + i + "]",
              problems);
        }
        return;
      case "string":
        if (!value.isJsonPrimitive() || !value.getAsJsonPrimitive().isString()) {
          problems.add(path + " is not a string: " + value);
        } else if (schema.containsKey("enum")
            && !((List<Object>) schema.get("enum")).contains(value.getAsString())) {
          problems.add(path + " is " + value + ", not one of " + schema.get("enum"));
        }
        return;
      case "integer":
        if (!value.isJsonPrimitive()
            || !value.getAsJsonPrimitive().isNumber()
            || value.getAsDouble() != Math.rint(value.getAsDouble())) {
          problems.add(path + " is not an integer: " + value);
        }
        return;
      case "boolean":
        if (!value.isJsonPrimitive() || !value.getAsJsonPrimitive().isBoolean()) {
          problems.add(path + " is not a boolean: " + value);
        }
        return;
      default:
        throw new AssertionError("schema type " + type + " at " + path + " is not supported here");
    }
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> load() {
    String file = System.getProperty("orq.spec.file", "../openapi/conversations.yaml");
    try (InputStream in = Files.newInputStream(Paths.get(file))) {
      return (Map<String, Object>) new Yaml().load(in);
    } catch (IOException e) {
      throw new AssertionError("cannot read the spec at " + file, e);
    }
  }
}
