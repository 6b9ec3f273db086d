package ai.orq.sdk.spec;

import static ai.orq.sdk.spec.OpenApiDocument.list;
import static ai.orq.sdk.spec.OpenApiDocument.map;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/**
 * Our spec keeps the conventions its {@code info.description} states, which the generator's
 * templates rely on; and each check finds a break of its convention, shown on copies of the spec
 * edited one place at a time. Needs only our spec, so it always runs.
 */
final class SpecConventionsTest {
  private static final String STREAM_OPERATION =
      "POST /v2/conversations/{conversation_id}/responses";

  @Test
  void ourSpecKeepsEveryConvention() {
    SpecConventions ours = conventions(spec -> {});
    assertEquals(List.of(), ours.discriminatorsAreOneValueInlineEnums());
    assertEquals(List.of(), ours.requiredPropertiesAreNotNullable());
    assertEquals(List.of(), ours.epochMillisOnlyOnInt64Properties());
    assertEquals(List.of(), ours.eventStreamMarksExactlyTheStreamingOperations());
    assertEquals(List.of(), ours.schemasHoldThemselvesOnlyThroughUnions());
    assertEquals(List.of(), ours.additionalPropertiesAreFreeForm());
    assertFalse(
        ours.markedStreamingOperations().isEmpty(),
        "no operation streams: the check of (d) saw nothing");
    String description = (String) map(ours().root().get("info")).get("description");
    for (String mark :
        List.of(
            "one-value inline `enum`",
            "never `nullable`",
            "x-orq-epoch-millis",
            "x-orq-event-stream",
            "only through a union",
            "`additionalProperties`")) {
      assertTrue(
          description.contains(mark), "info.description no longer states the convention " + mark);
    }
  }

  @Test
  void aDiscriminatorThatIsNotItsOneValueInlineEnumIsFound() {
    Function<SpecConventions, List<String>> check =
        SpecConventions::discriminatorsAreOneValueInlineEnums;
    String textKind =
        "components.schemas.TextPart.properties.kind: the discriminator of member 'text' of"
            + " components.schemas.MessagePart must be the inline enum [text]";
    assertFinds(textKind, check, spec -> property(spec, "TextPart", "kind").remove("enum"));
    assertFinds(
        textKind,
        check,
        spec -> property(spec, "TextPart", "kind").put("enum", new ArrayList<>(List.of("txt"))));
    assertFinds(
        textKind,
        check,
        spec ->
            property(spec, "TextPart", "kind")
                .put("enum", new ArrayList<>(List.of("text", "plain"))));
    assertFinds(
        textKind,
        check,
        spec ->
            properties(spec, "TextPart")
                .put("kind", Map.of("$ref", "#/components/schemas/ConversationKind")));
    assertFinds(
        "components.schemas.ResponseStartedEvent.properties.type: the discriminator of member"
            + " 'response.started'",
        check,
        spec -> properties(spec, "ResponseStartedEvent").remove("type"));
    assertFinds(
        "components.schemas.MessagePart.oneOf[4]: a member its discriminator mapping does not list",
        check,
        spec ->
            oneOf(spec, "MessagePart").add(Map.of("$ref", "#/components/schemas/ErrorMessage")));
  }

  @Test
  void anInlineEnumOutsideADiscriminatorIsFound() {
    Function<SpecConventions, List<String>> check =
        SpecConventions::discriminatorsAreOneValueInlineEnums;
    assertFinds(
        "components.schemas.Conversation.properties.displayName: an inline enum [a, b]",
        check,
        spec -> property(spec, "Conversation", "displayName").put("enum", List.of("a", "b")));
    assertFinds(
        "components.schemas.ResponseStartedEvent.properties.data.properties.model: an inline enum"
            + " [x]",
        check,
        spec ->
            nested(property(spec, "ResponseStartedEvent", "data"), "model")
                .put("enum", List.of("x")));
    assertFinds(
        "components.schemas.ErrorPart.properties.error: an inline enum [error]",
        check,
        spec -> property(spec, "ErrorPart", "error").put("enum", List.of("error")));
  }

  @Test
  void aRequiredNullablePropertyIsFound() {
    Function<SpecConventions, List<String>> check =
        SpecConventions::requiredPropertiesAreNotNullable;
    assertFinds(
        "components.schemas.Message.properties.createdById: required and nullable",
        check,
        spec -> property(spec, "Message", "createdById").put("nullable", true));
    assertFinds(
        "components.schemas.ErrorMessage.properties.message: required and nullable",
        check,
        spec -> property(spec, "ErrorMessage", "message").put("type", List.of("string", "null")));
    assertFinds(
        "components.schemas.ResponseFailedEvent.properties.data.properties.code: required and"
            + " nullable",
        check,
        spec ->
            nested(property(spec, "ResponseFailedEvent", "data"), "code").put("nullable", true));
    // through a $ref: the shared enum itself became nullable
    assertFinds(
        "components.schemas.Conversation.properties.kind: required and nullable",
        check,
        spec -> schema(spec, "ConversationKind").put("nullable", true));
    // a required name of one allOf member, declared by another
    assertFinds(
        "components.schemas.ConversationWithMessages.properties.displayName: required and nullable",
        check,
        spec -> {
          property(spec, "Conversation", "displayName").put("nullable", true);
          list(schema(spec, "Conversation").get("required")).remove("displayName");
          @SuppressWarnings("unchecked")
          List<Object> required =
              (List<Object>)
                  map(list(schema(spec, "ConversationWithMessages").get("allOf")).get(1))
                      .get("required");
          required.add("displayName");
        });
  }

  @Test
  void epochMillisOffAnInt64PropertyIsFound() {
    Function<SpecConventions, List<String>> check =
        SpecConventions::epochMillisOnlyOnInt64Properties;
    assertFinds(
        "components.schemas.ResponseStartedEvent.properties.timestamp: x-orq-epoch-millis on type"
            + " string",
        check,
        spec ->
            property(spec, "ResponseStartedEvent", "timestamp").put("x-orq-epoch-millis", true));
    assertFinds(
        "components.schemas.ErrorPart.properties.code: x-orq-epoch-millis on type integer, format"
            + " int32",
        check,
        spec -> property(spec, "ErrorPart", "code").put("x-orq-epoch-millis", true));
    assertFinds(
        "components.schemas.Conversation.properties.createdAt: x-orq-epoch-millis on type integer,"
            + " format int32",
        check,
        spec -> property(spec, "Conversation", "createdAt").put("format", "int32"));
    assertFinds(
        "components.schemas.Conversation: x-orq-epoch-millis on a schema that is not a property's",
        check,
        spec -> schema(spec, "Conversation").put("x-orq-epoch-millis", true));
    assertFinds(
        "components.schemas.Message.properties.createdAt: x-orq-epoch-millis is yes, not true",
        check,
        spec -> property(spec, "Message", "createdAt").put("x-orq-epoch-millis", "yes"));
  }

  @Test
  void anEventStreamMarkOffTheStreamingOperationsIsFound() {
    Function<SpecConventions, List<String>> check =
        SpecConventions::eventStreamMarksExactlyTheStreamingOperations;
    assertFinds(
        STREAM_OPERATION
            + " (createConversationResponse): answers text/event-stream but is not marked",
        check,
        spec ->
            operation(spec, "/v2/conversations/{conversation_id}/responses", "post")
                .remove("x-orq-event-stream"));
    assertFinds(
        "GET /v2/conversations/ (list): marked x-orq-event-stream but answers [application/json]",
        check,
        spec -> operation(spec, "/v2/conversations/", "get").put("x-orq-event-stream", true));
    assertFinds(
        STREAM_OPERATION
            + " (createConversationResponse): marked x-orq-event-stream but answers"
            + " [application/json]",
        check,
        spec -> {
          Map<String, Object> ok =
              map(
                  map(operation(spec, "/v2/conversations/{conversation_id}/responses", "post")
                          .get("responses"))
                      .get("200"));
          ok.put(
              "content",
              Map.of("application/json", map(ok.get("content")).get("text/event-stream")));
        });
    assertFinds(
        STREAM_OPERATION + " (createConversationResponse): x-orq-event-stream is yes, not true",
        check,
        spec ->
            operation(spec, "/v2/conversations/{conversation_id}/responses", "post")
                .put("x-orq-event-stream", "yes"));
  }

  @Test
  void aSchemaHoldingItselfOutsideAUnionIsFound() {
    Function<SpecConventions, List<String>> check =
        SpecConventions::schemasHoldThemselvesOnlyThroughUnions;
    assertFinds(
        "components.schemas.Conversation: holds itself through Conversation ->"
            + " ConversationMetadata -> Conversation",
        check,
        spec ->
            properties(spec, "ConversationMetadata")
                .put("conversation", Map.of("$ref", "#/components/schemas/Conversation")));
    assertEquals(
        List.of(),
        check.apply(
            conventions(
                spec ->
                    properties(spec, "TextPart")
                        .put(
                            "parts",
                            Map.of(
                                "type",
                                "array",
                                "items",
                                Map.of("$ref", "#/components/schemas/MessagePart"))))),
        "through a union it may");
  }

  @Test
  void aMapOfTypedValuesIsFound() {
    assertFinds(
        "components.schemas.ErrorPart.properties.error.additionalProperties: a map of typed values",
        SpecConventions::additionalPropertiesAreFreeForm,
        spec ->
            property(spec, "ErrorPart", "error")
                .put("additionalProperties", Map.of("type", "string")));
  }

  /**
   * The check finds, on the spec edited by {@code edit}, a break that starts with {@code expected}.
   */
  private static void assertFinds(
      String expected,
      Function<SpecConventions, List<String>> check,
      Consumer<OpenApiDocument> edit) {
    List<String> found = check.apply(conventions(edit));
    assertTrue(
        found.stream().anyMatch(violation -> violation.startsWith(expected)),
        "expected a break starting with \"" + expected + "\", found " + found);
  }

  private static SpecConventions conventions(Consumer<OpenApiDocument> edit) {
    OpenApiDocument spec = ours();
    edit.accept(spec);
    return new SpecConventions(spec);
  }

  /** A fresh copy of our spec, read again for each edit. */
  private static OpenApiDocument ours() {
    try {
      return OpenApiDocument.read(ReferenceFiles.ourSpec());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static Map<String, Object> schema(OpenApiDocument spec, String name) {
    Map<String, Object> schema = map(spec.schemas().get(name));
    assertFalse(schema.isEmpty(), "our spec has no schema " + name + " to edit");
    return schema;
  }

  private static Map<String, Object> properties(OpenApiDocument spec, String schema) {
    return map(schema(spec, schema).get("properties"));
  }

  private static Map<String, Object> property(OpenApiDocument spec, String schema, String name) {
    return nested(schema(spec, schema), name);
  }

  private static Map<String, Object> nested(Map<String, Object> schema, String name) {
    Map<String, Object> property = map(map(schema.get("properties")).get(name));
    assertFalse(property.isEmpty(), "no property " + name + " to edit");
    return property;
  }

  @SuppressWarnings("unchecked")
  private static List<Object> oneOf(OpenApiDocument spec, String union) {
    return (List<Object>) schema(spec, union).get("oneOf");
  }

  private static Map<String, Object> operation(OpenApiDocument spec, String path, String method) {
    Map<String, Object> operation = map(map(spec.paths().get(path)).get(method));
    assertFalse(operation.isEmpty(), "our spec has no " + method + " " + path + " to edit");
    return operation;
  }
}
