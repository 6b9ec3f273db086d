package ai.orq.sdk.localserver;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ScriptFileTest {
  static final String SCRIPT =
      "{\n"
          + "  \"responses\": [\n"
          + "    {\"eventDelayMs\": 1, \"headersDelayMs\": 1, \"steps\": [\n"
          + "      {\"reasoning\": [\"Checking\"]},\n"
          + "      {\"text\": [\"Let me \", \"look.\"]},\n"
          + "      {\"toolStarted\": {\"toolCallId\": \"call_1\", \"toolName\": \"lookup\","
          + " \"arguments\": {\"q\": 1}}},\n"
          + "      {\"toolReviewRequested\": {\"toolCallId\": \"call_1\", \"toolName\": \"lookup\","
          + " \"toolId\": \"tool_9\"}},\n"
          + "      {\"toolReviewDone\": {\"toolCallId\": \"call_1\", \"toolName\": \"lookup\","
          + " \"review\": \"rejected\"}},\n"
          + "      {\"toolDone\": {\"toolCallId\": \"call_1\", \"toolName\": \"lookup\","
          + " \"result\": [1, 2]}},\n"
          + "      {\"toolFailed\": {\"toolCallId\": \"call_1\", \"toolName\": \"lookup\","
          + " \"error\": \"boom\"}},\n"
          + "      {\"pauseMs\": 1}\n"
          + "    ], \"pendingToolCalls\": [{\"toolCallId\": \"call_2\", \"toolName\":"
          + " \"lookup\"}]},\n"
          + "    {\"steps\": [{\"text\": [\"x\"]}], \"finish\": \"length\"},\n"
          + "    {\"fail\": {\"code\": 500, \"error\": \"broken\"}},\n"
          + "    {\"steps\": [{\"text\": [\"cut\"]}], \"truncate\": true},\n"
          + "    {\"truncate\": false}\n"
          + "  ],\n"
          + "  \"errors\": [\n"
          + "    {\"operation\": \"create\", \"status\": 429, \"times\": 2, \"retryAfterMs\": 10,"
          + " \"message\": \"busy\"}\n"
          + "  ]\n"
          + "}\n";

  @Test
  void theCommandLinePlaysAScriptFile(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("script.json");
    Files.write(file, SCRIPT.getBytes(StandardCharsets.UTF_8));
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (LocalOrqServer server =
        CommandLine.launch(
            new String[] {"--script", file.toString()}, new PrintStream(out, true, "UTF-8"))) {
      Http http = new Http(server);
      assertEquals("busy", Http.error(http.post("v2/conversations", "{\"projectId\":\"p\"}"), 429));
      Http.error(http.post("v2/conversations", "{\"projectId\":\"p\"}"), 429);
      String id = http.createStandalone().get("_id").getAsString();

      List<String> endings = new ArrayList<>();
      for (int i = 0; i < 6; i++) {
        List<String> data = http.stream(id, Http.userMessage("q", "openai/gpt-4o"));
        String last = data.get(data.size() - 1);
        JsonObject event =
            Http.parse(last.equals("[DONE]") ? data.get(data.size() - 2) : last).getAsJsonObject();
        for (String line : data) {
          if (!line.equals("[DONE]")) {
            assertEquals(List.of(), SpecSchemas.problems(Http.parse(line), "ResponseEvent"), line);
          }
        }
        JsonObject eventData = event.getAsJsonObject("data");
        endings.add(
            event.get("type").getAsString()
                + (eventData.has("finishReason")
                    ? " " + eventData.get("finishReason").getAsString()
                    : "")
                + (last.equals("[DONE]") ? "" : " (no [DONE])"));
      }
      assertEquals(
          List.of(
              "response.done function_call",
              "response.done length",
              "response.failed",
              "part.done (no [DONE])",
              "response.done stop",
              "response.done stop"),
          endings,
          "the five scripts (the last with the default ending), then the echo");
    }
  }

  @Test
  void theReadmesExampleIsAValidScript() throws Exception {
    String readme = new String(Files.readAllBytes(Path.of("README.md")), StandardCharsets.UTF_8);
    Matcher json = Pattern.compile("(?s)```json\n(.*?)```").matcher(readme);
    assertTrue(json.find(), "README.md has a json block");
    try (LocalOrqServer server =
        LocalOrqServer.builder().scriptFile(ScriptFile.parse(json.group(1))).build().start()) {
      Http http = new Http(server);
      Http.error(http.post("v2/conversations/c/responses", "{}"), 429);
      assertEquals("Slow down", Http.error(http.post("v2/conversations/c/responses", "{}"), 429));
      List<String> data =
          http.stream(
              http.createStandalone().get("_id").getAsString(),
              Http.userMessage("q", "openai/gpt-4o"));
      assertEquals(
          "response.done",
          Http.parse(data.get(data.size() - 2)).getAsJsonObject().get("type").getAsString());
    }
  }

  @Test
  void mistakesNameTheirPath() {
    assertEquals("script must be a JSON object", message("[]"));
    assertEquals(
        "script: unknown property \"reply\" (expected responses, errors)",
        message("{\"reply\": []}"));
    assertEquals("responses must be a JSON array", message("{\"responses\": {}}"));
    assertEquals(
        "responses[0].steps[0] must have exactly one property, the kind of step",
        message("{\"responses\": [{\"steps\": [{}]}]}"));
    assertEquals(
        "responses[0].steps[0].say: unknown step (expected text, reasoning, file, data,"
            + " toolStarted, toolReviewRequested, toolReviewDone, toolDone, toolFailed, pauseMs)",
        message("{\"responses\": [{\"steps\": [{\"say\": 1}]}]}"));
    assertEquals(
        "responses[0].steps[0].text[1] must be a string",
        message("{\"responses\": [{\"steps\": [{\"text\": [\"a\", 2]}]}]}"));
    assertEquals(
        "responses[0].steps[0].toolStarted.toolName must be a string",
        message("{\"responses\": [{\"steps\": [{\"toolStarted\": {\"toolCallId\": \"c\"}}]}]}"));
    assertEquals(
        "responses[0].steps[0].toolReviewDone.review must be \"approved\" or \"rejected\", was"
            + " \"maybe\"",
        message(
            "{\"responses\": [{\"steps\": [{\"toolReviewDone\": {\"toolCallId\": \"c\","
                + " \"toolName\": \"t\", \"review\": \"maybe\"}}]}]}"));
    assertEquals(
        "responses[0].steps[0].file needs either uri or bytes",
        message("{\"responses\": [{\"steps\": [{\"file\": {\"mimeType\": \"a/b\"}}]}]}"));
    assertEquals(
        "responses[0].steps[0].file.bytes must be base64",
        message(
            "{\"responses\": [{\"steps\": [{\"file\": {\"bytes\": \"!\", \"mimeType\":"
                + " \"a/b\"}}]}]}"));
    assertEquals(
        "responses[0].steps[0].data must be a JSON object",
        message("{\"responses\": [{\"steps\": [{\"data\": [1]}]}]}"));
    assertEquals(
        "responses[0].eventDelayMs must be a whole number, was 1.5",
        message("{\"responses\": [{\"eventDelayMs\": 1.5}]}"));
    assertEquals(
        "responses[0].pauseMs: unknown property (expected headersDelayMs, eventDelayMs, steps,"
            + " finish, pendingToolCalls, fail, truncate)",
        message("{\"responses\": [{\"pauseMs\": 1}]}"));
    assertEquals(
        "responses[0].fail: code must be an error status from 400 to 599, was 200",
        message("{\"responses\": [{\"fail\": {\"code\": 200, \"error\": \"e\"}}]}"));
    assertEquals(
        "responses[0].truncate: must be true or false",
        message("{\"responses\": [{\"truncate\": 1}]}"));
    assertEquals(
        "responses[0]: only one of finish, pendingToolCalls, fail and truncate",
        message("{\"responses\": [{\"finish\": \"stop\", \"truncate\": true}]}"));
    assertEquals(
        "errors[0].operation: unknown operation \"chat\"; known: create,"
            + " createConversationResponse, delete, generateName, list, retrieve, update",
        message("{\"errors\": [{\"operation\": \"chat\", \"status\": 500}]}"));
    assertEquals(
        "errors[0] needs an operation and a status",
        message("{\"errors\": [{\"operation\": \"list\"}]}"));
    assertEquals(
        "errors[0].times must be at least 1, was 0",
        message("{\"errors\": [{\"operation\": \"list\", \"status\": 500, \"times\": 0}]}"));
    assertEquals(
        "errors[0].retry: unknown property (expected operation, status, times, retryAfterMs,"
            + " message)",
        message("{\"errors\": [{\"retry\": 1}]}"));
    assertEquals(
        "cannot read --script /no/such/file.json: /no/such/file.json",
        assertThrows(
                IllegalArgumentException.class,
                () -> CommandLine.parse("--script", "/no/such/file.json"))
            .getMessage());
  }

  private static String message(String json) {
    return assertThrows(IllegalArgumentException.class, () -> ScriptFile.parse(json)).getMessage();
  }
}
