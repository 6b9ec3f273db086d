package ai.orq.sdk.internal;

import static ai.orq.sdk.spec.OpenApiDocument.map;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import ai.orq.sdk.spec.OpenApiDocument;
import ai.orq.sdk.spec.ReferenceFiles;
import com.google.gson.Gson;
import com.google.gson.JsonElement;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Every payload the reference document describes, built from its {@code example}s (one instance per
 * union branch and enum value), reads into our generated model for the same operation and writes
 * back to the same JSON: no field is lost or renamed on the way through the SDK.
 */
final class ReferenceExamplesRoundTripTest {
  private static final String MODEL_PACKAGE = "ai.orq.sdk.model.";
  private final Gson gson = JsonModels.newGson();

  @TestFactory
  Stream<DynamicTest> everyReferencePayloadSurvivesARoundTrip() throws Exception {
    Path referenceFile = ReferenceFiles.referenceDocument();
    if (!Files.isRegularFile(referenceFile)) {
      // one test that reports itself skipped, with the reason
      return Stream.of(
          DynamicTest.dynamicTest(
              "reference document present",
              () -> assumeTrue(false, ReferenceFiles.absentMessage())));
    }
    OpenApiDocument reference = OpenApiDocument.read(referenceFile);
    OpenApiDocument ours = OpenApiDocument.read(ReferenceFiles.ourSpec());
    ExampleInstances examples = new ExampleInstances(reference, gson);

    List<DynamicTest> tests = new ArrayList<>();
    reference
        .paths()
        .forEach(
            (path, item) ->
                map(item)
                    .forEach(
                        (method, operation) -> {
                          Map<String, Object> ourOperation =
                              map(map(ours.paths().get(path)).get(method));
                          for (Payload payload : payloads(map(operation), ourOperation)) {
                            Class<?> model = modelClass(payload.ourSchema);
                            List<JsonElement> instances = examples.of(payload.referenceSchema);
                            tests.add(
                                DynamicTest.dynamicTest(
                                    method.toUpperCase()
                                        + " "
                                        + path
                                        + " "
                                        + payload.where
                                        + " as "
                                        + model.getSimpleName(),
                                    () -> {
                                      assertTrue(!instances.isEmpty(), "no example instances");
                                      for (JsonElement json : instances) {
                                        Object read = gson.fromJson(json, model);
                                        assertEquals(
                                            json,
                                            gson.toJsonTree(read, model),
                                            "round trip of " + json);
                                      }
                                    }));
                          }
                        }));
    assertTrue(tests.size() >= 12, "only " + tests.size() + " payloads found in the reference");
    return tests.stream();
  }

  /** The request and response bodies of one operation, paired with ours at the same place. */
  private static List<Payload> payloads(
      Map<String, Object> operation, Map<String, Object> ourOperation) {
    List<Payload> payloads = new ArrayList<>();
    Object body = map(operation.get("requestBody")).get("content");
    Object ourBody = map(ourOperation.get("requestBody")).get("content");
    if (body != null) {
      payloads.addAll(bodies("request", map(body), map(ourBody)));
    }
    map(operation.get("responses"))
        .forEach(
            (status, response) -> {
              Object content = map(response).get("content");
              if (content != null) {
                Object ourContent =
                    map(map(map(ourOperation.get("responses")).get(status)).get("content"));
                payloads.addAll(bodies(status, map(content), map(ourContent)));
              }
            });
    return payloads;
  }

  private static List<Payload> bodies(
      String where, Map<String, Object> content, Map<String, Object> ourContent) {
    List<Payload> bodies = new ArrayList<>();
    content.forEach(
        (mediaType, media) ->
            bodies.add(
                new Payload(
                    where + " " + mediaType,
                    map(media).get("schema"),
                    map(map(ourContent.get(mediaType)).get("schema")))));
    return bodies;
  }

  private static Class<?> modelClass(Map<String, Object> ourSchema) {
    String ref = (String) ourSchema.get("$ref");
    assertTrue(
        ref != null, "our spec names no schema where the reference has a payload: " + ourSchema);
    try {
      return Class.forName(MODEL_PACKAGE + ref.substring(ref.lastIndexOf('/') + 1));
    } catch (ClassNotFoundException e) {
      throw new AssertionError("no generated model for " + ref, e);
    }
  }

  private static final class Payload {
    final String where;
    final Object referenceSchema;
    final Map<String, Object> ourSchema;

    Payload(String where, Object referenceSchema, Map<String, Object> ourSchema) {
      this.where = where;
      this.referenceSchema = referenceSchema;
      this.ourSchema = ourSchema;
    }
  }
}
