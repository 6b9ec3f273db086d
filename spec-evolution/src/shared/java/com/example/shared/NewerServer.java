package com.example.shared;

/**
 * What a server of the evolved spec sends: every new member, property and enum value on the wire.
 * Served by WireMock both to the SDK of today's spec and to the SDK generated from the evolved one.
 */
public final class NewerServer {
  /** A stream with a new event type, part kind, file type and finish reason, ending in [DONE]. */
  public static final String STREAM =
      event(
              "{\"type\":\"response.progress\",\"timestamp\":\"2026-01-01T00:00:00Z\","
                  + "\"data\":{\"stage\":\"searching\",\"percent\":40}}")
          + event(
              "{\"type\":\"part.delta\",\"timestamp\":\"2026-01-01T00:00:01Z\",\"data\":{\"partId\":\"p1\","
                  + "\"delta\":{\"_id\":\"p1\",\"kind\":\"citation\",\"url\":\"https://example.com\",\"title\":\"Ex\"}}}")
          + event(
              "{\"type\":\"part.done\",\"timestamp\":\"2026-01-01T00:00:02Z\",\"data\":{\"partId\":\"p2\","
                  + "\"part\":{\"_id\":\"p2\",\"kind\":\"file\",\"file\":{\"type\":\"file_id\",\"fileId\":\"file_9\"}}}}")
          + event(
              "{\"type\":\"response.done\",\"timestamp\":\"2026-01-01T00:00:03Z\","
                  + "\"data\":{\"finishReason\":\"pause_turn\"}}")
          + "data: [DONE]\n\n";

  /** A conversation whose message has a new part kind, then a file from a new kind of source. */
  public static final String CONVERSATION_WITH_NEW_PARTS =
      """
      {"_id":"conv_1","kind":"conversation","displayName":"Evolved","createdAt":1,"updatedAt":2,
       "messages":[{"_id":"msg_1","conversationId":"conv_1","createdAt":3,"createdById":"user_1","role":"user",
         "parts":[{"kind":"audio","transcript":"hello there","durationMs":1200},
                  {"kind":"file","file":{"fileId":"file_1","mimeType":"image/png"}},
                  {"kind":"text","text":"hi"}]}]}
      """;

  private NewerServer() {}

  private static String event(String json) {
    return "data: " + json + "\n\n";
  }
}
