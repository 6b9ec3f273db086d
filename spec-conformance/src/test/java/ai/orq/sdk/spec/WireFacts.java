package ai.orq.sdk.spec;

import static ai.orq.sdk.spec.OpenApiDocument.list;
import static ai.orq.sdk.spec.OpenApiDocument.map;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Reduces an OpenAPI document to the facts that decide what travels on the wire: operations, status
 * codes, media types, parameters, and for every JSON property its path, JSON type, required flag
 * and enum values.
 *
 * <p>Two documents with the same facts are the same on the wire, however differently they are
 * written: {@code $ref}s are followed, {@code allOf} members are merged, and each branch of a union
 * is named by its discriminator value (from the mapping, or from a one-value enum on {@code
 * kind}/{@code type}) or, for unions without one, by the set of its required properties; a member's
 * one-value discriminator enum is compared like any other enum. Descriptions, examples, formats,
 * bounds and nullability are not wire shape and are left out.
 */
final class WireFacts {
  private static final List<String> METHODS = List.of("get", "post", "put", "patch", "delete");

  private final OpenApiDocument document;
  private final Set<String> facts = new TreeSet<>();

  private WireFacts(OpenApiDocument document) {
    this.document = document;
  }

  static Set<String> of(Path file) throws IOException {
    WireFacts walker = new WireFacts(OpenApiDocument.read(file));
    walker.walkPaths();
    return walker.facts;
  }

  private void walkPaths() {
    document
        .paths()
        .forEach(
            (path, item) -> {
              Map<String, Object> pathItem = map(item);
              for (String method : METHODS) {
                if (pathItem.containsKey(method)) {
                  walkOperation(method.toUpperCase() + " " + path, map(pathItem.get(method)));
                }
              }
            });
  }

  private void walkOperation(String operation, Map<String, Object> op) {
    facts.add(operation);
    for (Object p : list(op.get("parameters"))) {
      Map<String, Object> parameter = resolve(p);
      facts.add(
          operation
              + " param "
              + parameter.get("in")
              + " "
              + parameter.get("name")
              + (Boolean.TRUE.equals(parameter.get("required")) ? " required" : " optional")
              + " "
              + jsonType(resolve(parameter.get("schema"))));
    }
    if (op.containsKey("requestBody")) {
      Map<String, Object> body = resolve(op.get("requestBody"));
      String prefix = operation + " request";
      facts.add(prefix + (Boolean.TRUE.equals(body.get("required")) ? " required" : " optional"));
      walkContent(prefix, map(body.get("content")));
    }
    map(op.get("responses"))
        .forEach(
            (status, response) -> {
              String prefix = operation + " " + status;
              facts.add(prefix);
              walkContent(prefix, map(resolve(response).get("content")));
            });
  }

  private void walkContent(String prefix, Map<String, Object> content) {
    content.forEach(
        (mediaType, media) -> {
          facts.add(prefix + " " + mediaType);
          Object schema = map(media).get("schema");
          if (schema != null) {
            walkSchema(prefix + " " + mediaType + " $", List.of(schema));
          }
        });
  }

  /** Walks the merge of {@code schemas} at {@code path}. */
  private void walkSchema(String path, List<Object> schemas) {
    Flat flat = flatten(schemas);
    facts.add(path + " : " + flat.type());
    if (!flat.enumValues.isEmpty()) {
      facts.add(path + " enum " + new TreeSet<>(flat.enumValues));
    }
    flat.properties.forEach(
        (name, propertySchemas) -> {
          String propertyPath = path + "." + name;
          facts.add(propertyPath + (flat.required.contains(name) ? " required" : " optional"));
          walkSchema(propertyPath, propertySchemas);
        });
    if (!flat.items.isEmpty()) {
      walkSchema(path + "[]", flat.items);
    }
    Map<String, List<Object>> branches = new LinkedHashMap<>();
    Map<String, String> discriminators = new LinkedHashMap<>();
    for (Map<String, Object> union : flat.unions) {
      String property = discriminatorProperty(union);
      for (Object branch :
          union.containsKey("oneOf") ? list(union.get("oneOf")) : list(union.get("anyOf"))) {
        String label = label(union, property, branch);
        branches.computeIfAbsent(label, k -> new ArrayList<>()).add(branch);
        if (property != null) {
          discriminators.put(label, property);
        }
      }
    }
    foldUndiscriminatedBranches(branches, discriminators);
    branches.forEach((label, members) -> walkSchema(path + "<" + label + ">", members));
  }

  /**
   * An {@code allOf} of two unions over the same object (one told apart by a discriminator, one by
   * which keys are present) describes one set of variants: each key-told branch joins the
   * discriminated branch that declares all of its required keys.
   */
  private void foldUndiscriminatedBranches(
      Map<String, List<Object>> branches, Map<String, String> discriminators) {
    for (String label : new ArrayList<>(branches.keySet())) {
      if (discriminators.containsKey(label)) {
        continue;
      }
      Set<String> required = flatten(branches.get(label)).required;
      List<String> owners = new ArrayList<>();
      for (String candidate : discriminators.keySet()) {
        if (!required.isEmpty()
            && flatten(branches.get(candidate)).properties.keySet().containsAll(required)) {
          owners.add(candidate);
        }
      }
      if (owners.size() == 1) {
        branches.get(owners.get(0)).addAll(branches.remove(label));
      }
    }
  }

  private String discriminatorProperty(Map<String, Object> union) {
    if (union.containsKey("discriminator")) {
      return (String) map(union.get("discriminator")).get("propertyName");
    }
    for (Object branch :
        union.containsKey("oneOf") ? list(union.get("oneOf")) : list(union.get("anyOf"))) {
      Flat flat = flatten(List.of(branch));
      for (String candidate : List.of("type", "kind")) {
        if (flat.properties.containsKey(candidate)
            && flatten(flat.properties.get(candidate)).enumValues.size() == 1) {
          return candidate;
        }
      }
    }
    return null;
  }

  private String label(Map<String, Object> union, String property, Object branch) {
    if (branch instanceof Map<?, ?> ref
        && ref.containsKey("$ref")
        && union.containsKey("discriminator")) {
      for (Map.Entry<String, Object> entry :
          map(map(union.get("discriminator")).get("mapping")).entrySet()) {
        if (entry.getValue().equals(ref.get("$ref"))) {
          return entry.getKey();
        }
      }
    }
    Flat flat = flatten(List.of(branch));
    if (property != null && flat.properties.containsKey(property)) {
      Set<Object> values = flatten(flat.properties.get(property)).enumValues;
      if (values.size() == 1) {
        return String.valueOf(values.iterator().next());
      }
    }
    return "required " + new TreeSet<>(flat.required);
  }

  private Flat flatten(Collection<Object> schemas) {
    Flat flat = new Flat();
    for (Object schema : schemas) {
      flat.add(resolve(schema));
    }
    return flat;
  }

  private Map<String, Object> resolve(Object node) {
    return document.resolve(node);
  }

  /** The merge of an {@code allOf} tree: its properties, required names, unions, enum and items. */
  private final class Flat {
    final Map<String, List<Object>> properties = new LinkedHashMap<>();
    final Set<String> required = new LinkedHashSet<>();
    final List<Map<String, Object>> unions = new ArrayList<>();
    final Set<Object> enumValues = new LinkedHashSet<>();
    final List<Object> items = new ArrayList<>();
    final Set<String> types = new TreeSet<>();

    void add(Map<String, Object> schema) {
      for (Object member : list(schema.get("allOf"))) {
        add(resolve(member));
      }
      map(schema.get("properties"))
          .forEach(
              (name, property) ->
                  properties.computeIfAbsent(name, k -> new ArrayList<>()).add(property));
      for (Object name : list(schema.get("required"))) {
        required.add((String) name);
      }
      if (schema.containsKey("oneOf") || schema.containsKey("anyOf")) {
        unions.add(schema);
      }
      for (Object value : list(schema.get("enum"))) {
        if (value != null) {
          enumValues.add(value);
        }
      }
      if (schema.containsKey("items")) {
        items.add(schema.get("items"));
      }
      Object type = schema.get("type");
      for (Object t :
          type instanceof List<?> many ? many : type == null ? List.of() : List.of(type)) {
        if (!"null".equals(t)) {
          types.add("integer".equals(t) ? "number" : (String) t);
        }
      }
      if (!properties.isEmpty()) {
        types.add("object");
      }
    }

    String type() {
      return types.isEmpty() ? (unions.isEmpty() ? "any" : "union") : String.join("|", types);
    }
  }

  private static String jsonType(Map<String, Object> schema) {
    Object type = schema.get("type");
    return "integer".equals(type) ? "number" : String.valueOf(type);
  }
}
