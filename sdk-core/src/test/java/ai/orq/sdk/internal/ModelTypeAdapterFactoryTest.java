package ai.orq.sdk.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.orq.sdk.model.ConversationWithMessages;
import ai.orq.sdk.model.MessageRole;
import ai.orq.sdk.model.ModelJsonException;
import ai.orq.sdk.model.ModelTypeAdapterFactory;
import ai.orq.sdk.model.ResponseEvent;
import ai.orq.sdk.model.ToolResultPart;
import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonElement;
import com.google.gson.JsonParser;
import com.google.gson.TypeAdapter;
import com.google.gson.reflect.TypeToken;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The models' one adapter factory: the adapters the client reads and writes with, made without a
 * Gson, are those any Gson finds through the models' annotation; and a free-form value goes through
 * the models' own JSON trees exactly as through Gson's.
 */
class ModelTypeAdapterFactoryTest {
  /** Gson writing a tree as the models write free-form JSON: nulls kept, nothing escaped. */
  private static final Gson AS_RECEIVED =
      new GsonBuilder().serializeNulls().disableHtmlEscaping().create();

  private static final String CONVERSATION =
      "{\"_id\":\"c1\",\"kind\":\"conversation\",\"displayName\":\"<b>&</b>\",\"createdAt\":1,"
          + "\"updatedAt\":2,\"metadata\":{\"entityId\":null,\"pinned\":true},\"messages\":[{\"_id\":"
          + "\"m\",\"conversationId\":\"c1\",\"createdAt\":3,\"createdById\":\"u\",\"role\":\"user\","
          + "\"parts\":[{\"kind\":\"text\",\"text\":\"hi\"},{\"kind\":\"video\",\"n\":1e5}]}],"
          + "\"folder\":{\"id\":7,\"tags\":[null,1.50]}}";

  @Test
  void anyGsonReadsAndWritesTheModelsAsTheClientDoes() throws Exception {
    TypeAdapter<ConversationWithMessages> ours =
        ModelTypeAdapterFactory.adapter(ConversationWithMessages.class);
    ConversationWithMessages read = JsonModels.read(ours, CONVERSATION);
    String written = JsonModels.newGson().toJson(read);
    assertEquals(JsonParser.parseString(CONVERSATION), JsonParser.parseString(written));
    for (Gson gson :
        List.of(
            new Gson(),
            new GsonBuilder().registerTypeAdapterFactory(new ModelTypeAdapterFactory()).create(),
            JsonModels.newGson())) {
      assertEquals(read, gson.fromJson(CONVERSATION, ConversationWithMessages.class));
      assertEquals(
          JsonParser.parseString(written),
          JsonParser.parseString(gson.toJson(read)),
          "as the client writes it");
    }
    assertSame(
        ours, JsonModels.newGson().getAdapter(ConversationWithMessages.class), "one, shared");
  }

  @Test
  void aTypeOfAnotherPackageIsNoneOfTheFactorys() {
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class, () -> ModelTypeAdapterFactory.adapter(String.class));
    assertEquals("java.lang.String is not a type of ai.orq.sdk.model", e.getMessage());
    Gson gson = new Gson();
    ModelTypeAdapterFactory factory = new ModelTypeAdapterFactory();
    assertNull(factory.create(gson, TypeToken.get(String.class)));
    assertNull(factory.create(gson, new TypeToken<List<MessageRole>>() {}));
    assertNull(factory.create(gson, TypeToken.get(ModelJsonException.class)));
  }

  @Test
  void aFreeFormValueIsReadAndWrittenAsGsonsOwnTreeReadsAndWritesIt() {
    TypeAdapter<ToolResultPart> parts = ModelTypeAdapterFactory.adapter(ToolResultPart.class);
    Gson gson = new Gson();
    Random random = new Random(20261203);
    for (int round = 0; round < 500; round++) {
      String value = randomJson(random, 0);
      String json = "{\"kind\":\"tool_result\",\"tool_call_id\":\"c\",\"result\":" + value + "}";
      JsonElement expected = gson.fromJson(value, JsonElement.class);

      ToolResultPart part = JsonModels.read(parts, json);

      assertEquals(expected, part.getResult(), value);
      assertEquals(gson.toJson(expected), gson.toJson(part.getResult()), "numbers keep their text");
      String written = parts.toJson(part);
      assertEquals(JsonParser.parseString(json), JsonParser.parseString(written), value);
      assertTrue(written.contains("\"result\":" + AS_RECEIVED.toJson(expected)), written);
    }
  }

  @Test
  void aValueThatIsNoJsonIsAnErrorNamingItsPath() {
    ModelJsonException e =
        assertThrows(
            ModelJsonException.class,
            () ->
                JsonModels.read(
                    ModelTypeAdapterFactory.adapter(ResponseEvent.class),
                    "{\"type\":\"tool.done\",\"data\":{\"result\":{\"a\":[1,}}}"));
    assertTrue(e.getMessage().contains("$.data.result.a"), e.getMessage());
  }

  /** A random JSON object: every JSON type, numbers as text Gson keeps, nested a few levels. */
  private static String randomJson(Random random, int depth) {
    StringBuilder json = new StringBuilder("{");
    int properties = random.nextInt(4);
    for (int i = 0; i < properties; i++) {
      json.append(i == 0 ? "" : ",").append("\"p").append(i).append("\":");
      json.append(randomValue(random, depth + 1));
    }
    return json.append('}').toString();
  }

  private static String randomValue(Random random, int depth) {
    switch (random.nextInt(depth < 4 ? 8 : 6)) {
      case 0:
        return "null";
      case 1:
        return random.nextBoolean() ? "true" : "false";
      case 2:
        return "\""
            + List.of("", "a\\\"b", "\\u00e9\\n", "<&>", "\uD83D\uDE00").get(random.nextInt(5))
            + "\"";
      case 3:
        return List.of("0", "-1", "1.50", "1e5", "-2.5E-3", "123456789012345678901234567890")
            .get(random.nextInt(6));
      case 4:
        return Long.toString(random.nextLong());
      case 5:
        return Double.toString(random.nextDouble() * 1e6);
      case 6:
        StringBuilder array = new StringBuilder("[");
        int elements = random.nextInt(4);
        for (int i = 0; i < elements; i++) {
          array.append(i == 0 ? "" : ",").append(randomValue(random, depth + 1));
        }
        return array.append(']').toString();
      default:
        return randomJson(random, depth);
    }
  }
}
