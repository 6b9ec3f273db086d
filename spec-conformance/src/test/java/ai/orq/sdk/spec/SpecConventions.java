package ai.orq.sdk.spec;

import static ai.orq.sdk.spec.OpenApiDocument.list;
import static ai.orq.sdk.spec.OpenApiDocument.map;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The conventions of our spec that the generator's templates rely on, as its {@code
 * info.description} states them. Each check returns what breaks its convention, every entry naming
 * the place in the document (as {@code components.schemas.TextPart.properties.kind}); an empty list
 * means the document keeps it.
 *
 * <p>Every schema of the document is looked at, inline ones included: the component schemas and
 * parameters, and the schemas of each operation's parameters, request body and responses, down
 * through {@code properties}, {@code items}, {@code allOf}/{@code oneOf}/{@code anyOf} and {@code
 * additionalProperties}. A {@code $ref} is not followed where it stands: its target is looked at as
 * a component.
 */
final class SpecConventions {
  private static final String EVENT_STREAM = "text/event-stream";
  private static final List<String> METHODS =
      List.of("get", "put", "post", "delete", "options", "head", "patch", "trace");
  private static final String SCHEMAS = "components.schemas.";

  private final OpenApiDocument document;
  private final List<Node> nodes = new ArrayList<>();

  /** One schema of the document; {@code property} is its name when it is a property's schema. */
  private record Node(String where, Map<String, Object> schema, String property) {
    boolean component() {
      return where.startsWith(SCHEMAS) && where.indexOf('.', SCHEMAS.length()) < 0;
    }
  }

  SpecConventions(OpenApiDocument document) {
    this.document = document;
    document.schemas().forEach((name, schema) -> collect(SCHEMAS + name, map(schema), null));
    map(map(document.root().get("components")).get("parameters"))
        .forEach(
            (name, parameter) ->
                collect(
                    "components.parameters." + name + ".schema",
                    map(map(parameter).get("schema")),
                    null));
    operations()
        .forEach(
            (where, operation) -> {
              List<?> parameters = list(operation.get("parameters"));
              for (int i = 0; i < parameters.size(); i++) {
                Map<String, Object> parameter = map(parameters.get(i));
                if (parameter.containsKey("schema")) {
                  collect(
                      where + " parameters[" + i + "].schema", map(parameter.get("schema")), null);
                }
              }
              collectContent(where + " requestBody", map(operation.get("requestBody")));
              map(operation.get("responses"))
                  .forEach(
                      (status, response) -> collectContent(where + " " + status, map(response)));
            });
  }

  /**
   * (a) Every member of a discriminated union is a {@code $ref} its mapping lists, and declares the
   * discriminator property as a one-value inline {@code enum} holding its mapping key; no other
   * schema but a component has an inline {@code enum} (shared enums are components).
   */
  List<String> discriminatorsAreOneValueInlineEnums() {
    Set<String> violations = new LinkedHashSet<>();
    Set<String> discriminators = new HashSet<>();
    for (Node node : nodes) {
      Map<String, Object> discriminator = map(node.schema().get("discriminator"));
      if (discriminator.isEmpty()) {
        continue;
      }
      String property = (String) discriminator.get("propertyName");
      Map<String, Object> mapping = map(discriminator.get("mapping"));
      List<?> members = list(node.schema().get("oneOf"));
      for (int i = 0; i < members.size(); i++) {
        Object ref = map(members.get(i)).get("$ref");
        if (ref == null || !mapping.containsValue(ref)) {
          violations.add(
              node.where() + ".oneOf[" + i + "]: a member its discriminator mapping does not list");
        }
      }
      mapping.forEach(
          (key, ref) -> {
            String at = where((String) ref) + ".properties." + property;
            discriminators.add(at);
            Map<String, Object> declared =
                map(map(document.resolve(Map.of("$ref", ref)).get("properties")).get(property));
            if (declared.containsKey("$ref") || !List.of(key).equals(declared.get("enum"))) {
              violations.add(
                  at
                      + ": the discriminator of member '"
                      + key
                      + "' of "
                      + node.where()
                      + " must be the inline enum ["
                      + key
                      + "], is "
                      + declared);
            }
          });
    }
    for (Node node : nodes) {
      if (!node.component()
          && node.schema().containsKey("enum")
          && !discriminators.contains(node.where())) {
        violations.add(
            node.where()
                + ": an inline enum "
                + node.schema().get("enum")
                + " that is no union member's discriminator (make it a component schema)");
      }
    }
    return new ArrayList<>(violations);
  }

  /**
   * (b) No required property is nullable: not by {@code nullable: true}, a {@code "null"} type, or
   * a {@code $ref} or {@code allOf} to a nullable schema. The required names of an {@code allOf}
   * are matched with the properties of all its members.
   */
  List<String> requiredPropertiesAreNotNullable() {
    Set<String> violations = new LinkedHashSet<>();
    for (Node node : nodes) {
      Map<String, Object> properties = new LinkedHashMap<>();
      Set<String> required = new LinkedHashSet<>();
      merge(node.schema(), properties, required);
      for (String name : required) {
        if (properties.containsKey(name) && nullable(properties.get(name))) {
          violations.add(node.where() + ".properties." + name + ": required and nullable");
        }
      }
    }
    return new ArrayList<>(violations);
  }

  /**
   * (c) {@code x-orq-epoch-millis} is {@code true}, and only on properties of type integer, format
   * int64.
   */
  List<String> epochMillisOnlyOnInt64Properties() {
    List<String> violations = new ArrayList<>();
    for (Node node : nodes) {
      Map<String, Object> schema = node.schema();
      if (!schema.containsKey("x-orq-epoch-millis")) {
        continue;
      }
      if (!Boolean.TRUE.equals(schema.get("x-orq-epoch-millis"))) {
        violations.add(
            node.where()
                + ": x-orq-epoch-millis is "
                + schema.get("x-orq-epoch-millis")
                + ", not true");
      }
      if (node.property() == null) {
        violations.add(node.where() + ": x-orq-epoch-millis on a schema that is not a property's");
      }
      if (!"integer".equals(schema.get("type")) || !"int64".equals(schema.get("format"))) {
        violations.add(
            node.where()
                + ": x-orq-epoch-millis on type "
                + schema.get("type")
                + ", format "
                + schema.get("format")
                + ", not an integer of format int64");
      }
    }
    return violations;
  }

  /**
   * (d) An operation carries {@code x-orq-event-stream: true} exactly when one of its responses is
   * {@code text/event-stream}.
   */
  List<String> eventStreamMarksExactlyTheStreamingOperations() {
    List<String> violations = new ArrayList<>();
    operations()
        .forEach(
            (where, operation) -> {
              Object mark = operation.get("x-orq-event-stream");
              boolean marked = Boolean.TRUE.equals(mark);
              if (mark != null && !marked) {
                violations.add(where + ": x-orq-event-stream is " + mark + ", not true");
              }
              Set<String> mediaTypes = new LinkedHashSet<>();
              map(operation.get("responses"))
                  .values()
                  .forEach(
                      response ->
                          mediaTypes.addAll(
                              map(document.resolve(response).get("content")).keySet()));
              boolean streams = mediaTypes.contains(EVENT_STREAM);
              if (marked && !streams) {
                violations.add(
                    where
                        + ": marked x-orq-event-stream but answers "
                        + mediaTypes
                        + ", no "
                        + EVENT_STREAM);
              }
              if (streams && !marked) {
                violations.add(
                    where
                        + ": answers "
                        + EVENT_STREAM
                        + " but is not marked x-orq-event-stream: true");
              }
            });
    return violations;
  }

  /**
   * (e) No schema holds itself but through a union: a model's adapter gets the adapters of its
   * properties as it is made, and only a union's members are made on first use. A {@code $ref} in a
   * {@code oneOf} is therefore no link; every other one (in properties, items, {@code allOf},
   * {@code anyOf}, {@code additionalProperties}) is.
   */
  List<String> schemasHoldThemselvesOnlyThroughUnions() {
    Map<String, Set<String>> links = new LinkedHashMap<>();
    document.schemas().forEach((name, schema) -> links.put(name, links(map(schema))));
    List<String> violations = new ArrayList<>();
    for (String name : links.keySet()) {
      List<String> path = cycle(name, name, links, new ArrayList<>(List.of(name)), new HashSet<>());
      if (path != null) {
        violations.add(
            SCHEMAS + name + ": holds itself through " + String.join(" -> ", path) + ", no union");
      }
    }
    return violations;
  }

  /**
   * (f) {@code additionalProperties}, where a schema sets it, is {@code {}} or a boolean: a map of
   * typed values has no adapter in the templates (a free-form object is a {@code JsonObject}).
   */
  List<String> additionalPropertiesAreFreeForm() {
    List<String> violations = new ArrayList<>();
    for (Node node : nodes) {
      if (node.schema().get("additionalProperties") instanceof Map<?, ?> values
          && !values.isEmpty()) {
        violations.add(node.where() + ".additionalProperties: a map of typed values " + values);
      }
    }
    return violations;
  }

  /** The operations marked {@code x-orq-event-stream: true}, named as in the violations. */
  List<String> markedStreamingOperations() {
    List<String> marked = new ArrayList<>();
    operations()
        .forEach(
            (where, operation) -> {
              if (Boolean.TRUE.equals(operation.get("x-orq-event-stream"))) {
                marked.add(where);
              }
            });
    return marked;
  }

  /** Each operation by {@code METHOD path (operationId)}, in document order. */
  private Map<String, Map<String, Object>> operations() {
    Map<String, Map<String, Object>> operations = new LinkedHashMap<>();
    document
        .paths()
        .forEach(
            (path, item) -> {
              for (String method : METHODS) {
                Map<String, Object> operation = map(map(item).get(method));
                if (!operation.isEmpty()) {
                  operations.put(
                      method.toUpperCase() + " " + path + " (" + operation.get("operationId") + ")",
                      operation);
                }
              }
            });
    return operations;
  }

  private void collectContent(String where, Map<String, Object> body) {
    map(document.resolve(body).get("content"))
        .forEach(
            (mediaType, media) -> {
              Map<String, Object> schema = map(map(media).get("schema"));
              if (!schema.isEmpty()) {
                collect(where + " " + mediaType, schema, null);
              }
            });
  }

  private void collect(String where, Map<String, Object> schema, String property) {
    nodes.add(new Node(where, schema, property));
    if (schema.containsKey("$ref")) {
      return;
    }
    map(schema.get("properties"))
        .forEach((name, child) -> collect(where + ".properties." + name, map(child), name));
    if (schema.containsKey("items")) {
      collect(where + ".items", map(schema.get("items")), null);
    }
    for (String keyword : List.of("allOf", "oneOf", "anyOf")) {
      List<?> members = list(schema.get(keyword));
      for (int i = 0; i < members.size(); i++) {
        collect(where + "." + keyword + "[" + i + "]", map(members.get(i)), null);
      }
    }
    if (schema.get("additionalProperties") instanceof Map<?, ?> additional) {
      collect(where + ".additionalProperties", map(additional), null);
    }
  }

  /** The component schemas {@code schema} links to, as (e) counts links. */
  private static Set<String> links(Map<String, Object> schema) {
    Set<String> links = new LinkedHashSet<>();
    if (schema.get("$ref") instanceof String ref) {
      links.add(ref.substring(ref.lastIndexOf('/') + 1));
      return links;
    }
    map(schema.get("properties")).values().forEach(child -> links.addAll(links(map(child))));
    List<Object> children = new ArrayList<>(list(schema.get("allOf")));
    children.addAll(list(schema.get("anyOf")));
    children.add(schema.get("items"));
    children.add(schema.get("additionalProperties"));
    for (Object child : children) {
      if (child instanceof Map<?, ?>) {
        links.addAll(links(map(child)));
      }
    }
    return links;
  }

  /** The path from {@code from} back to {@code start} along {@code links}, or null. */
  private static List<String> cycle(
      String start,
      String from,
      Map<String, Set<String>> links,
      List<String> path,
      Set<String> seen) {
    for (String next : links.getOrDefault(from, Set.of())) {
      path.add(next);
      if (next.equals(start)) {
        return path;
      }
      if (seen.add(next)) {
        List<String> found = cycle(start, next, links, path, seen);
        if (found != null) {
          return found;
        }
      }
      path.remove(path.size() - 1);
    }
    return null;
  }

  /**
   * The properties and required names of {@code schema} with those of its {@code allOf} members.
   */
  private void merge(
      Map<String, Object> schema, Map<String, Object> properties, Set<String> required) {
    for (Object member : list(schema.get("allOf"))) {
      merge(document.resolve(member), properties, required);
    }
    properties.putAll(map(schema.get("properties")));
    for (Object name : list(schema.get("required"))) {
      required.add((String) name);
    }
  }

  private boolean nullable(Object property) {
    Map<String, Object> schema = map(property);
    if (Boolean.TRUE.equals(schema.get("nullable"))
        || schema.get("type") instanceof List<?> types && types.contains("null")) {
      return true;
    }
    if (schema.containsKey("$ref") && nullable(document.resolve(schema))) {
      return true;
    }
    for (Object member : list(schema.get("allOf"))) {
      if (nullable(member)) {
        return true;
      }
    }
    return false;
  }

  /** {@code #/components/schemas/X} as {@code components.schemas.X}. */
  private static String where(String ref) {
    return ref.substring(2).replace('/', '.');
  }
}
