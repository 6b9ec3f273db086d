package ai.orq.sdk.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.orq.sdk.model.ModelJsonException;
import ai.orq.sdk.model.ResponseEvent;
import com.google.gson.Gson;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import com.google.gson.JsonPrimitive;
import com.google.gson.TypeAdapter;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * A union reads its member as the properties stream when the discriminator comes first, and from
 * the properties it kept as JSON when others come before it: the place of the discriminator (and of
 * every property) changes neither the event read nor the error and path a bad value gets.
 */
class UnionOrderTest {
  private static final int CASES = 3000;
  private static final String[] EVENTS = {
    "{'type':'part.delta','timestamp':'t','data':{'partId':'p',"
        + "'delta':{'_id':'p','kind':'text','text':'word'}}}",
    "{'type':'part.done','timestamp':'t','data':{'partId':'p',"
        + "'part':{'_id':'p','kind':'file','file':{'type':'s3','key':'k'}}}}",
    "{'type':'response.done','timestamp':'t','data':{'finishReason':'stop',"
        + "'usage':{'prompt_tokens':12,'completion_tokens':3,'total_tokens':15}}}",
    "{'type':'response.started','timestamp':'t','data':{'responseId':'r','taskId':'k',"
        + "'model':'m','workflowRunId':'w'}}",
    "{'type':'brand.new','timestamp':'t','data':{'partId':'p',"
        + "'delta':{'_id':'p','kind':'hologram','depth':3}}}",
  };
  private static final JsonElement[] BAD_VALUES = {
    new JsonPrimitive(5), new JsonPrimitive(true), new JsonObject(), JsonParser.parseString("[1]")
  };

  private final Gson gson = JsonModels.newGson();
  private final TypeAdapter<ResponseEvent> events = gson.getAdapter(ResponseEvent.class);

  @Test
  void thePlaceOfTheDiscriminatorChangesNeitherTheEventNorTheError() {
    long seed = new Random().nextLong();
    Random random = new Random(seed);
    int errors = 0;
    for (int i = 0; i < CASES; i++) {
      JsonObject event =
          JsonParser.parseString(EVENTS[random.nextInt(EVENTS.length)].replace('\'', '"'))
              .getAsJsonObject();
      if (random.nextBoolean()) {
        spoil(event, random);
      }
      String inOrder = gson.toJson(event);
      String shuffled = gson.toJson(shuffled(event, random));
      Object expected = outcome(inOrder);
      errors += expected instanceof String ? 1 : 0;
      assertEquals(
          expected, outcome(shuffled), "seed " + seed + ": " + inOrder + " as " + shuffled);
    }
    assertTrue(errors > CASES / 10, errors + " errors");
  }

  /** One property somewhere in {@code json} removed or given a value of the wrong type. */
  private static void spoil(JsonObject json, Random random) {
    List<String> names = new ArrayList<>(json.keySet());
    String name = names.get(random.nextInt(names.size()));
    JsonElement value = json.get(name);
    if (value.isJsonObject() && random.nextInt(3) > 0) {
      spoil(value.getAsJsonObject(), random);
    } else if (random.nextInt(4) == 0) {
      json.remove(name);
    } else {
      json.add(name, BAD_VALUES[random.nextInt(BAD_VALUES.length)]);
    }
  }

  /** A copy of {@code json} with the properties of every object in a random order. */
  private static JsonElement shuffled(JsonElement json, Random random) {
    if (!json.isJsonObject()) {
      return json;
    }
    List<Map.Entry<String, JsonElement>> properties =
        new ArrayList<>(json.getAsJsonObject().entrySet());
    Collections.shuffle(properties, random);
    JsonObject copy = new JsonObject();
    for (Map.Entry<String, JsonElement> property : properties) {
      copy.add(property.getKey(), shuffled(property.getValue(), random));
    }
    return copy;
  }

  /**
   * The event (equal whatever the order of its properties) or the error: its path, and its problem
   * without the position a Gson exception adds to its own message, which names the reader Gson was
   * at (a JSON tree's for properties before the discriminator).
   */
  private Object outcome(String json) {
    try {
      return JsonModels.read(events, json);
    } catch (ModelJsonException e) {
      int position = e.problem().indexOf(" at ");
      String problem = position == -1 ? e.problem() : e.problem().substring(0, position);
      return "error at " + e.path() + ": " + problem + ", missing " + e.isMissingProperty();
    }
  }
}
