package ai.orq.sdk.reliability;

import ai.orq.sdk.model.ResponseEvent;
import com.google.gson.Gson;
import java.util.ArrayList;
import java.util.List;

/** The good answers of the fault matrix: realistic bodies of each operation. */
final class Bodies {
  static final String ID = "conv_01KB2Y8Q4ZJ6N3V7W5X9R0T1BE";

  static final String CONVERSATION =
      "{\"_id\":\""
          + ID
          + "\",\"kind\":\"conversation\","
          + "\"displayName\":\"Faulty\",\"createdAt\":1767225600000,\"updatedAt\":1767225600001,"
          + "\"createdById\":\"user_1\",\"updatedById\":\"user_1\","
          + "\"metadata\":{\"generatingTitle\":false,\"entityId\":null,\"model\":\"openai/gpt-4o\"}}";

  static final String PAGE =
      "{\"object\":\"list\",\"data\":["
          + CONVERSATION
          + ","
          + CONVERSATION.replace(ID, "conv_01KB2Y8Q4ZJ6N3V7W5X9R0T1BF").replace("Faulty", "Second")
          + "],\"has_more\":true}";

  static final String WITH_MESSAGES =
      CONVERSATION.substring(0, CONVERSATION.length() - 1)
          + ",\"messages\":[{\"_id\":\"msg_1\",\"conversationId\":\""
          + ID
          + "\",\"createdAt\":1767225600000,"
          + "\"createdById\":\"user_1\",\"role\":\"user\",\"parts\":[{\"kind\":\"text\",\"text\":\"hi\"}]},"
          + "{\"_id\":\"msg_2\",\"conversationId\":\""
          + ID
          + "\",\"createdAt\":1767225600002,\"createdById\":\"system\",\"role\":\"assistant\",\"parts\":[{\"kind\":\"text\",\"text\":\"You"
          + " said: hi\"}]}]}";

  private static final String[] EVENT_JSON = {
    "{\"type\":\"response.started\",\"timestamp\":\"2026-01-01T00:00:00.000Z\",\"data\":{\"responseId\":\"resp_1\","
        + "\"taskId\":\"task_1\",\"model\":\"openai/gpt-4o\",\"workflowRunId\":\"wf_1\"}}",
    "{\"type\":\"part.delta\",\"timestamp\":\"2026-01-01T00:00:00.001Z\",\"data\":{\"partId\":\"text_1\",\"delta\":{\"_id\":\"text_1\",\"kind\":\"text\",\"text\":\"You"
        + " \"}}}",
    "{\"type\":\"part.delta\",\"timestamp\":\"2026-01-01T00:00:00.002Z\",\"data\":{\"partId\":\"text_1\",\"delta\":{\"_id\":\"text_1\",\"kind\":\"text\",\"text\":\"said:"
        + " \"}}}",
    "{\"type\":\"part.delta\",\"timestamp\":\"2026-01-01T00:00:00.003Z\",\"data\":{\"partId\":\"text_1\","
        + "\"delta\":{\"_id\":\"text_1\",\"kind\":\"text\",\"text\":\"hi\"}}}",
    "{\"type\":\"response.done\",\"timestamp\":\"2026-01-01T00:00:00.004Z\",\"data\":{\"finishReason\":\"stop\","
        + "\"usage\":{\"prompt_tokens\":1,\"completion_tokens\":3,\"total_tokens\":4}}}",
  };

  static final String EVENTS = events();

  private Bodies() {}

  private static String events() {
    StringBuilder sse = new StringBuilder();
    for (String json : EVENT_JSON) {
      sse.append("data: ").append(json).append("\n\n");
    }
    return sse.append("data: [DONE]\n\n").toString();
  }

  static List<ResponseEvent> expectedEvents(Gson gson) {
    List<ResponseEvent> events = new ArrayList<>();
    for (String json : EVENT_JSON) {
      events.add(gson.fromJson(json, ResponseEvent.class));
    }
    return events;
  }
}
