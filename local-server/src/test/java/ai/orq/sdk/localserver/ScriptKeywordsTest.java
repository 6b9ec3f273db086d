package ai.orq.sdk.localserver;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.google.gson.JsonObject;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;

/**
 * The JSON form of scripts against its README and the spec: the README's table of keywords lists
 * exactly the keywords {@link ScriptFile} accepts, and the README's example script sends every
 * event type and every part kind of the spec, each event valid against its schema.
 */
class ScriptKeywordsTest {
  private static final String README = readme();

  /** The README's name of each level of {@link ScriptFile}'s keywords. */
  private static final Map<String, Set<String>> PARSED = new LinkedHashMap<>();

  static {
    PARSED.put("the script", ScriptFile.SCRIPT.keySet());
    PARSED.put("a response", ScriptFile.RESPONSE.keySet());
    PARSED.put("a step", ScriptFile.STEP.keySet());
    PARSED.put("an error", ScriptFile.ERROR.keySet());
  }

  @AutoClose private final LocalOrqServer server = LocalOrqServer.builder().build().start();
  private final Http http = new Http(server);

  @Test
  void theReadmeDocumentsEveryKeywordTheParserAccepts() {
    assertEquals(List.of(), differences(documentedKeywords(README)));
  }

  @Test
  void aKeywordTheReadmeLeavesOutIsNamed() {
    String table = README.replace("| a step | `data` |", "| a step | `dataset` |");
    assertEquals(
        List.of("a step: `data` is not in the README", "a step: `dataset` is not parsed"),
        differences(documentedKeywords(table)));
  }

  @Test
  void theReadmeExampleSendsEveryEventTypeAndPartKindOfTheSpec() {
    JsonObject example = Http.parse(example()).getAsJsonObject();
    example.remove("errors"); // they would answer the streams below; ScriptFileTest plays errors
    ScriptFile.parse(example.toString()).applyTo(server);
    Set<String> types = new TreeSet<>();
    Set<String> kinds = new TreeSet<>();
    for (int i = 0; i < example.getAsJsonArray("responses").size(); i++) {
      String conversation = http.createStandalone().get("_id").getAsString();
      for (String data : http.stream(conversation, Http.userMessage("hi", "openai/gpt-4o"))) {
        if (data.equals("[DONE]")) {
          continue;
        }
        JsonObject event = Http.parse(data).getAsJsonObject();
        assertEquals(List.of(), SpecSchemas.problems(event, "ResponseEvent"), data);
        types.add(event.get("type").getAsString());
        for (String part : List.of("delta", "part")) {
          if (event.getAsJsonObject("data").has(part)) {
            kinds.add(
                event.getAsJsonObject("data").getAsJsonObject(part).get("kind").getAsString());
          }
        }
      }
    }
    Set<String> unsentTypes = new TreeSet<>(SpecSchemas.discriminatorValues("ResponseEvent"));
    unsentTypes.removeAll(types);
    assertEquals(Set.of(), unsentTypes, "event types of the spec the README's example never sends");
    Set<String> unsentKinds = new TreeSet<>(SpecSchemas.discriminatorValues("ResponsePart"));
    unsentKinds.removeAll(kinds);
    assertEquals(Set.of(), unsentKinds, "part kinds of the spec the README's example never sends");
  }

  /** The keywords of each level the README and the parser disagree on, named. */
  private static List<String> differences(Map<String, Set<String>> documented) {
    List<String> differences = new ArrayList<>();
    for (Map.Entry<String, Set<String>> level : PARSED.entrySet()) {
      Set<String> inReadme = documented.getOrDefault(level.getKey(), Set.of());
      for (String keyword : level.getValue()) {
        if (!inReadme.contains(keyword)) {
          differences.add(level.getKey() + ": `" + keyword + "` is not in the README");
        }
      }
      for (String keyword : inReadme) {
        if (!level.getValue().contains(keyword)) {
          differences.add(level.getKey() + ": `" + keyword + "` is not parsed");
        }
      }
    }
    for (String level : documented.keySet()) {
      if (!PARSED.containsKey(level)) {
        differences.add("the README's table has keywords in \"" + level + "\", not a level");
      }
    }
    return differences;
  }

  /** The rows {@code | in | `keyword` | what |} of the README's table, by level. */
  private static Map<String, Set<String>> documentedKeywords(String readme) {
    Map<String, Set<String>> keywords = new LinkedHashMap<>();
    Matcher row = Pattern.compile("(?m)^\\| ([a-z ]+) \\| `([A-Za-z]+)` \\|").matcher(readme);
    while (row.find()) {
      keywords.computeIfAbsent(row.group(1), level -> new LinkedHashSet<>()).add(row.group(2));
    }
    return keywords;
  }

  /** The JSON block of the README's section on the JSON form. */
  private static String example() {
    Matcher block =
        Pattern.compile("### The JSON form[^\\n]*\\n+```json\\n(.*?)\\n```", Pattern.DOTALL)
            .matcher(README);
    if (!block.find()) {
      throw new AssertionError("README.md has no ```json block after \"### The JSON form\"");
    }
    return block.group(1);
  }

  private static String readme() {
    try {
      return new String(Files.readAllBytes(Paths.get("README.md")), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new AssertionError("cannot read the local server's README.md", e);
    }
  }
}
