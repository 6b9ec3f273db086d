package ai.orq.sdk.examples;

import ai.orq.sdk.Conversations;
import ai.orq.sdk.Messages;
import ai.orq.sdk.OrqClient;
import ai.orq.sdk.OrqJson;
import ai.orq.sdk.StreamResponse;
import ai.orq.sdk.localserver.LocalOrqServer;
import ai.orq.sdk.localserver.ScriptedResponse;
import ai.orq.sdk.localserver.ScriptedToolCall;
import ai.orq.sdk.model.CreateConversationRequest;
import ai.orq.sdk.model.CreateResponseRequest;
import ai.orq.sdk.model.Message;
import ai.orq.sdk.model.MessagePart;
import ai.orq.sdk.model.PartDeltaEvent;
import ai.orq.sdk.model.PendingToolCall;
import ai.orq.sdk.model.ResponseEvent;
import ai.orq.sdk.model.ResponsePart;
import ai.orq.sdk.model.ToolResultPart;
import ai.orq.sdk.model.ToolStartedEvent;
import ai.orq.sdk.model.UserMessage;
import ai.orq.sdk.streaming.AssembledResponse;
import ai.orq.sdk.streaming.ResponseAccumulator;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;

/**
 * A reply that calls a tool of yours: the assistant announces the call with {@code tool.started}
 * (its arguments a JSON object) and ends with finish reason {@code function_call}, handing the
 * calls back as pending (their arguments a JSON string). The app binds the arguments to its own
 * class with {@link OrqJson#bind}, runs the tool, and sends each result back as a {@code
 * tool_result} part written with {@link OrqJson#toJson}.
 *
 * <p>Against the local server the example first scripts such a reply; against orq.ai the model
 * needs a {@code get_weather} tool.
 */
public final class ToolCallExample {
  static final String QUESTION = "Will it rain in Lisbon this weekend?";

  private ToolCallExample() {}

  public static void main(String[] args) {
    try (ExampleEnvironment env = ExampleEnvironment.open()) {
      if (env.isLocal()) {
        script(env.localServer());
      }
      run(env.client(), env.projectId(), env.model(), System.out);
    }
  }

  /** Makes the local server's next two replies a call of {@code get_weather}, then an answer. */
  static void script(LocalOrqServer server) {
    ScriptedToolCall weather =
        ScriptedToolCall.of("call_1", "get_weather", "{\"city\":\"Lisbon\",\"days\":2}");
    server.enqueue(
        ScriptedResponse.builder()
            .text("Let me check the forecast.")
            .toolStarted(weather)
            .finishWithToolCalls(weather)
            .build());
    server.enqueue(ScriptedResponse.text("No rain: ", "sunny ", "both days."));
  }

  /** Asks, runs the tools the assistant calls, sends their results; returns the final answer. */
  static String run(OrqClient client, String projectId, String model, PrintStream out) {
    Conversations conversations = client.conversations();
    String conversationId =
        conversations
            .create(
                CreateConversationRequest.builder()
                    .projectId(projectId)
                    .displayName("Tool call example")
                    .build())
            .execute()
            .getId();
    try {
      out.println("user:      " + QUESTION);
      AssembledResponse first =
          ask(conversations, conversationId, model, out, Messages.userText(QUESTION));

      // [readme:tool-results]
      List<MessagePart> results = new ArrayList<>();
      for (PendingToolCall pending : first.pendingToolCalls()) {
        // a pending call's arguments are a JSON string; they bind the same as the event's object
        WeatherQuery query = OrqJson.bind(pending.getFunction().getArguments(), WeatherQuery.class);
        Forecast forecast = Forecast.of(query);
        results.add(
            ToolResultPart.builder()
                .toolCallId(pending.getId())
                .result(OrqJson.toJson(forecast)) // your object as JSON
                .build());
      }
      // [/readme:tool-results]
      if (results.isEmpty()) {
        out.println("(no tool was called)");
        return first.text();
      }
      AssembledResponse answer =
          ask(
              conversations,
              conversationId,
              model,
              out,
              Messages.user(results.toArray(new MessagePart[0])));

      for (Message message : conversations.retrieve(conversationId).execute().getMessages()) {
        out.println(
            message.getCreatedAt()
                + " "
                + message.getRole()
                + ", "
                + message.getParts().size()
                + " parts");
      }
      return answer.text();
    } finally {
      conversations.delete(conversationId).execute();
    }
  }

  /** Sends {@code message}, prints the text and the tool calls as they stream in; returns all. */
  private static AssembledResponse ask(
      Conversations conversations,
      String conversationId,
      String model,
      PrintStream out,
      UserMessage message) {
    CreateResponseRequest request =
        CreateResponseRequest.builder().model(model).message(message).build();
    ResponseAccumulator reply = ResponseAccumulator.create();
    out.print("assistant: ");
    // [readme:tool-visitor]
    ResponseEvent.Visitor<Void> printer =
        new ResponseEvent.Visitor<Void>() {
          @Override
          public Void visitPartDelta(PartDeltaEvent event) {
            ResponsePart delta = event.getData().getDelta();
            if (delta.isText()) {
              out.print(delta.asText().getText());
            }
            return null;
          }

          @Override
          public Void visitToolStarted(ToolStartedEvent event) {
            // the event's arguments are a JsonObject: bind them to your own class
            WeatherQuery query = OrqJson.bind(event.getData().getArguments(), WeatherQuery.class);
            out.print(" [" + event.getData().getToolName() + ": " + query + "]");
            return null;
          }

          @Override
          public Void otherwise(ResponseEvent event) {
            return null; // every other event, and kinds this SDK version does not know
          }
        };
    try (StreamResponse<ResponseEvent> events =
        conversations.createConversationResponse(conversationId, request)) {
      for (ResponseEvent event : events) {
        reply.accept(event);
        event.accept(printer);
      }
    }
    // [/readme:tool-visitor]
    AssembledResponse assembled = reply.result();
    out.println(" (" + assembled.finishReason() + ")");
    return assembled;
  }

  /** The arguments of {@code get_weather}, as your own class; Gson fills the fields. */
  static final class WeatherQuery {
    String city;
    int days;

    @Override
    public String toString() {
      return city + ", " + days + " days";
    }
  }

  /** What {@code get_weather} returns, sent back as JSON. */
  static final class Forecast {
    final String city;
    final int days;
    final String summary;
    final double rainMillimetres;

    private Forecast(String city, int days, String summary, double rainMillimetres) {
      this.city = city;
      this.days = days;
      this.summary = summary;
      this.rainMillimetres = rainMillimetres;
    }

    /** A made-up forecast: a real tool would ask a weather service. */
    static Forecast of(WeatherQuery query) {
      return new Forecast(query.city, query.days, "sunny", 0.0);
    }
  }
}
