package ai.orq.sdk;

/** JSON bodies as the server sends them. */
final class Fixtures {
  private Fixtures() {}

  static String conversation(String id) {
    return """
    {"_id":"%s","kind":"conversation","displayName":"Trip planning",
     "createdAt":1767225600000,"updatedAt":1767225600123,"createdById":"user_1",
     "updatedById":"user_2","metadata":{"generatingTitle":false,"entityId":null,"model":"openai/gpt-4o"}}
    """
        .formatted(id);
  }

  static final String CONVERSATION = conversation("conv_01JJ");

  static String page(boolean hasMore, String... ids) {
    StringBuilder data = new StringBuilder();
    for (String id : ids) {
      data.append(data.length() == 0 ? "" : ",").append(conversation(id));
    }
    return "{\"object\":\"list\",\"data\":[" + data + "],\"has_more\":" + hasMore + "}";
  }

  static final String WITH_MESSAGES =
      """
      {"_id":"conv_01JJ","kind":"conversation","displayName":"Trip planning",
       "createdAt":1767225600000,"updatedAt":1767225600123,
       "messages":[
         {"_id":"msg_1","conversationId":"conv_01JJ","createdAt":1767225600001,"createdById":"user_1",
          "role":"user","parts":[{"kind":"text","text":"Hello"}]},
         {"_id":"msg_2","conversationId":"conv_01JJ","createdAt":1767225600002,"createdById":"system",
          "role":"assistant","parts":[{"kind":"text","text":"Hi!"}]}]}
      """;

  static final String NOT_FOUND = "{\"message\":\"Conversation not found\"}";
}
