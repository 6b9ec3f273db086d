package ai.orq.sdk.evolution;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * The evolution grows the spec where it says, and stops, naming what is missing, where it cannot.
 */
class SpecEvolutionTest {
  private static final Path SPEC =
      Path.of(System.getProperty("orq.spec.file", "../openapi/conversations.yaml"));

  @TempDir Path dir;

  @Test
  @SuppressWarnings("unchecked")
  void growsEveryUnionEnumAndSchemaItNames() throws IOException {
    Path evolved = dir.resolve("evolved.yaml");
    SpecEvolution.main(new String[] {SPEC.toString(), evolved.toString()});

    Map<String, Object> schemas = schemas(evolved);
    Map<String, Object> mapping =
        (Map<String, Object>)
            ((Map<String, Object>)
                    ((Map<String, Object>) schemas.get("ResponseEvent")).get("discriminator"))
                .get("mapping");
    assertEquals("#/components/schemas/ResponseProgressEvent", mapping.get("response.progress"));
    Map<String, Object> kinds =
        (Map<String, Object>)
            ((Map<String, Object>)
                    ((Map<String, Object>) schemas.get("MessagePart")).get("discriminator"))
                .get("mapping");
    assertEquals("#/components/schemas/AudioPart", kinds.get("audio"));
    assertTrue(
        ((List<Object>) ((Map<String, Object>) schemas.get("FileSource")).get("oneOf"))
            .contains(Map.of("$ref", "#/components/schemas/FileId")));
    assertTrue(
        ((List<Object>) ((Map<String, Object>) schemas.get("FinishReason")).get("enum"))
            .contains("pause_turn"));
    assertEquals(
        Map.of("type", "string", "nullable", true),
        ((Map<String, Object>)
                ((Map<String, Object>) schemas.get("UpdateConversationRequest")).get("properties"))
            .get("description"));
    assertEquals(schemas(SPEC).size() + 6, schemas.size(), "six new schemas");
  }

  @Test
  void namesWhatTheSpecNoLongerHas() throws IOException {
    Path shrunk = dir.resolve("shrunk.yaml");
    Files.writeString(
        shrunk,
        Files.readString(SPEC, StandardCharsets.UTF_8)
            .replace("    FinishReason:\n", "    StopReason:\n"),
        StandardCharsets.UTF_8);

    IllegalStateException e =
        assertThrows(
            IllegalStateException.class,
            () ->
                SpecEvolution.main(
                    new String[] {shrunk.toString(), dir.resolve("out.yaml").toString()}));
    assertEquals("the spec has no components.schemas.FinishReason", e.getMessage());
  }

  @Test
  @SuppressWarnings("unchecked")
  void refusesANewMemberWhoseDiscriminatorIsNotAOneValueInlineEnum() throws IOException {
    Map<String, Object> additions = SpecEvolution.additions();
    Map<String, Object> type =
        (Map<String, Object>)
            ((Map<String, Object>)
                    ((Map<String, Object>) additions.get("ResponseProgressEvent"))
                        .get("properties"))
                .get("type");
    type.remove("enum");

    IllegalStateException e =
        assertThrows(
            IllegalStateException.class, () -> SpecEvolution.evolve(root(SPEC), additions));
    assertEquals(
        "ResponseProgressEvent.type must declare the discriminator of ResponseEvent as a one-value"
            + " inline enum, is {type=string}",
        e.getMessage());

    type.put("enum", List.of("response.progress", "response.progressed"));
    assertThrows(IllegalStateException.class, () -> SpecEvolution.evolve(root(SPEC), additions));
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> schemas(Path spec) throws IOException {
    return (Map<String, Object>)
        ((Map<String, Object>) root(spec).get("components")).get("schemas");
  }

  private static Map<String, Object> root(Path spec) throws IOException {
    return new Yaml(new SafeConstructor(new LoaderOptions()))
        .load(Files.readString(spec, StandardCharsets.UTF_8));
  }
}
