package ai.orq.sdk.internal;

import static ai.orq.sdk.spec.OpenApiDocument.list;
import static ai.orq.sdk.spec.OpenApiDocument.map;

import ai.orq.sdk.spec.OpenApiDocument;
import com.google.gson.Gson;
import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonPrimitive;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Builds JSON instances of a schema from the document's own {@code example}s: one instance for each
 * union branch and each enum value, every optional property filled, and plain made-up values only
 * where the document gives no example.
 */
final class ExampleInstances {
  private static final String[] STRUCTURE = {
    "type",
    "properties",
    "items",
    "enum",
    "example",
    "default",
    "oneOf",
    "anyOf",
    "allOf",
    "additionalProperties"
  };

  private final OpenApiDocument document;
  private final Gson gson;

  ExampleInstances(OpenApiDocument document, Gson gson) {
    this.document = document;
    this.gson = gson;
  }

  List<JsonElement> of(Object schema) {
    return merged(flatten(document.resolve(schema), new ArrayList<>()));
  }

  /** The instances of all of {@code schemas} at once (an {@code allOf}), merged pairwise. */
  private List<JsonElement> merged(List<Map<String, Object>> schemas) {
    List<JsonElement> result = new ArrayList<>();
    for (Map<String, Object> schema : schemas) {
      if (schemas.size() > 1 && describesNothing(schema)) {
        continue;
      }
      List<JsonElement> own = own(schema);
      if (own.isEmpty()) {
        continue;
      }
      if (result.isEmpty()) {
        result.addAll(own);
        continue;
      }
      int size = Math.max(result.size(), own.size());
      List<JsonElement> next = new ArrayList<>();
      for (int i = 0; i < size; i++) {
        next.add(merge(result.get(i % result.size()), own.get(i % own.size())));
      }
      result = next;
    }
    return result;
  }

  /** An {@code allOf} member that only adds a description says nothing about the instance. */
  private static boolean describesNothing(Map<String, Object> schema) {
    for (String keyword : STRUCTURE) {
      if (schema.containsKey(keyword)) {
        return false;
      }
    }
    return true;
  }

  private List<Map<String, Object>> flatten(
      Map<String, Object> schema, List<Map<String, Object>> into) {
    into.add(schema);
    for (Object member : list(schema.get("allOf"))) {
      flatten(document.resolve(member), into);
    }
    return into;
  }

  /** The instances one schema describes by itself, ignoring its {@code allOf}. */
  private List<JsonElement> own(Map<String, Object> schema) {
    List<JsonElement> instances = new ArrayList<>();
    for (String union : new String[] {"oneOf", "anyOf"}) {
      for (Object branch : list(schema.get(union))) {
        instances.addAll(of(branch));
      }
    }
    if (!instances.isEmpty()) {
      return instances;
    }
    if (schema.containsKey("example")) {
      instances.add(gson.toJsonTree(schema.get("example")));
    } else if (schema.containsKey("enum")) {
      for (Object value : list(schema.get("enum"))) {
        instances.add(gson.toJsonTree(value));
      }
    } else if (schema.containsKey("properties")) {
      instances.addAll(objects(map(schema.get("properties"))));
    } else if (schema.containsKey("items")) {
      JsonArray array = new JsonArray();
      of(schema.get("items")).forEach(array::add);
      instances.add(array);
    } else if (schema.containsKey("default")) {
      instances.add(gson.toJsonTree(schema.get("default")));
    } else if (!schema.containsKey("allOf")) {
      instances.add(madeUp(schema));
    }
    return instances;
  }

  private List<JsonElement> objects(Map<String, Object> properties) {
    Map<String, List<JsonElement>> values = new LinkedHashMap<>();
    int size = 1;
    for (Map.Entry<String, Object> property : properties.entrySet()) {
      List<JsonElement> instances = of(property.getValue());
      values.put(property.getKey(), instances);
      size = Math.max(size, instances.size());
    }
    List<JsonElement> objects = new ArrayList<>();
    for (int i = 0; i < size; i++) {
      JsonObject object = new JsonObject();
      for (Map.Entry<String, List<JsonElement>> value : values.entrySet()) {
        List<JsonElement> instances = value.getValue();
        object.add(value.getKey(), instances.get(i % instances.size()));
      }
      objects.add(object);
    }
    return objects;
  }

  private static JsonElement madeUp(Map<String, Object> schema) {
    Object type = schema.get("type");
    String kind = type instanceof List<?> many ? String.valueOf(many.get(0)) : String.valueOf(type);
    switch (kind) {
      case "string":
        return new JsonPrimitive("example text");
      case "integer":
      case "number":
        return new JsonPrimitive(7);
      case "boolean":
        return new JsonPrimitive(true);
      default:
        JsonObject any = new JsonObject();
        any.addProperty("answer", 42);
        return any;
    }
  }

  private static JsonElement merge(JsonElement base, JsonElement overlay) {
    if (!base.isJsonObject() || !overlay.isJsonObject()) {
      return overlay;
    }
    JsonObject merged = base.getAsJsonObject().deepCopy();
    for (Map.Entry<String, JsonElement> field : overlay.getAsJsonObject().entrySet()) {
      JsonElement existing = merged.get(field.getKey());
      merged.add(
          field.getKey(), existing == null ? field.getValue() : merge(existing, field.getValue()));
    }
    return merged;
  }
}
