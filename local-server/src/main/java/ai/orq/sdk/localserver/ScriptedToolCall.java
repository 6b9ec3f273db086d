package ai.orq.sdk.localserver;

import com.google.gson.JsonObject;

/**
 * A tool call the assistant makes in a {@link ScriptedResponse}: the same call can start, wait for
 * review, finish or fail, and be handed back as a pending call. Immutable.
 *
 * <pre>{@code
 * ScriptedToolCall weather = ScriptedToolCall.of("call_1", "get_weather", "{\"city\":\"Lisbon\"}");
 * }</pre>
 */
public final class ScriptedToolCall {
  final String toolId;
  final String toolCallId;
  final String toolName;

  /** The arguments as a JSON object; copied out, never handed to a writer. */
  private final JsonObject arguments;

  private ScriptedToolCall(
      String toolId, String toolCallId, String toolName, JsonObject arguments) {
    this.toolId = toolId;
    this.toolCallId = toolCallId;
    this.toolName = toolName;
    this.arguments = arguments;
  }

  /**
   * A call of the tool {@code toolName} with these arguments; its tool id is the tool name until
   * {@link #withToolId} says otherwise.
   *
   * @param toolCallId the id the call is known by, e.g. {@code "call_1"}
   * @param argumentsJson the arguments, a JSON object such as {@code {"city":"Lisbon"}}
   * @throws IllegalArgumentException when an argument is blank or {@code argumentsJson} is no JSON
   *     object
   */
  public static ScriptedToolCall of(String toolCallId, String toolName, String argumentsJson) {
    Scripts.requireNonBlank(toolCallId, "toolCallId");
    Scripts.requireNonBlank(toolName, "toolName");
    return new ScriptedToolCall(
        toolName, toolCallId, toolName, Scripts.parseObject(argumentsJson, "argumentsJson"));
  }

  /** A copy with this tool id, the id of the tool in orq.ai (the tool name by default). */
  public ScriptedToolCall withToolId(String toolId) {
    Scripts.requireNonBlank(toolId, "toolId");
    return new ScriptedToolCall(toolId, toolCallId, toolName, arguments);
  }

  /** The tool call id. */
  public String toolCallId() {
    return toolCallId;
  }

  JsonObject arguments() {
    return arguments.deepCopy();
  }

  String argumentsJson() {
    return Json.write(arguments);
  }

  @Override
  public String toString() {
    return "ScriptedToolCall{" + toolCallId + ", " + toolName + Json.write(arguments) + "}";
  }
}
