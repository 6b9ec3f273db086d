package ai.orq.sdk.streaming;

import static ai.orq.sdk.streaming.Fixtures.RESPONSES_PATH;
import static ai.orq.sdk.streaming.StreamResponseTest.sse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.orq.sdk.Messages;
import ai.orq.sdk.OrqClient;
import ai.orq.sdk.OrqJson;
import ai.orq.sdk.model.CreateResponseRequest;
import ai.orq.sdk.model.PendingToolCall;
import ai.orq.sdk.model.ResponseEvent;
import ai.orq.sdk.model.ToolResultPart;
import ai.orq.sdk.model.ToolStartedEventData;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.google.gson.JsonPrimitive;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A tool call's arguments, streamed as a JSON object (a {@code tool.started} event) and as a JSON
 * string (a pending tool call of {@code response.done}), bind to one class with one call and the
 * same numbers; the result goes back from a user object in one call.
 */
final class ToolArgumentsTest {
  @RegisterExtension static WireMockExtension server = Fixtures.wireMock();

  @AutoClose private final OrqClient client = Fixtures.client(server);

  /** A user's class for the arguments. */
  static final class Weather {
    String city;
    int days;
    Object scale; // no declared type: a whole number arrives as Long, from both shapes
    Map<String, Object> options;
  }

  /** A user's class for the result. */
  static final class Forecast {
    String city = "Paris";
    double celsius = 21.5;
    Object rain; // null: left out, as Gson does
  }

  @Test
  void argumentsBindTheSameFromAnEventAndFromAPendingToolCall() {
    String arguments = "{\"city\":\"Paris\",\"days\":3,\"scale\":3,\"options\":{\"hourly\":2}}";
    String started =
        "{\"type\":\"tool.started\",\"timestamp\":\"t\",\"data\":{\"toolId\":\"t1\","
            + "\"toolCallId\":\"call_1\",\"arguments\":"
            + arguments
            + "}}";
    String done =
        "{\"type\":\"response.done\",\"timestamp\":\"t\",\"data\":{\"finishReason\":"
            + "\"function_call\",\"pendingToolCalls\":[{\"id\":\"call_1\",\"type\":\"function\","
            + "\"function\":{\"name\":\"weather\",\"arguments\":"
            + new JsonPrimitive(arguments) // the same arguments as a JSON string
            + "}}]}}";
    server.stubFor(
        post(urlEqualTo(RESPONSES_PATH))
            .willReturn(sse("data: " + started + "\n\ndata: " + done + "\n\ndata: [DONE]\n\n")));

    List<ResponseEvent> events = readAll(Fixtures.request());

    ToolStartedEventData event = events.get(0).asToolStarted().getData();
    PendingToolCall pending = events.get(1).asResponseDone().getData().getPendingToolCalls().get(0);
    Weather fromEvent = OrqJson.bind(event.getArguments(), Weather.class);
    Weather fromPending = OrqJson.bind(pending.getFunction().getArguments(), Weather.class);
    for (Weather weather : new Weather[] {fromEvent, fromPending}) {
      assertEquals("Paris", weather.city);
      assertEquals(3, weather.days);
      assertEquals(3L, weather.scale);
      assertEquals(2L, weather.options.get("hourly"));
    }
  }

  @Test
  void aToolResultIsSentFromAUserObjectInOneCall() {
    server.stubFor(post(urlEqualTo(RESPONSES_PATH)).willReturn(sse("data: [DONE]\n\n")));
    ToolResultPart result =
        ToolResultPart.builder()
            .toolCallId("call_1")
            .result(OrqJson.toJson(new Forecast()))
            .build();

    readAll(
        CreateResponseRequest.builder()
            .model("openai/gpt-4o")
            .message(Messages.user(result))
            .build());

    server.verify(
        postRequestedFor(urlEqualTo(RESPONSES_PATH))
            .withRequestBody(
                equalToJson(
                    "{\"message\":{\"role\":\"user\",\"parts\":[{\"kind\":\"tool_result\","
                        + "\"tool_call_id\":\"call_1\",\"result\":{\"city\":\"Paris\","
                        + "\"celsius\":21.5}}]},\"model\":\"openai/gpt-4o\",\"stream\":true}")));
  }

  @Test
  void argumentsThatDoNotFitNameTheClass() {
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class, () -> OrqJson.bind("{\"days\":\"x\"}", Weather.class));
    assertTrue(e.getMessage().contains(Weather.class.getName()), e.getMessage());
    com.google.gson.JsonObject fraction = new com.google.gson.JsonObject();
    fraction.addProperty("days", 2.5);
    assertThrows(IllegalArgumentException.class, () -> OrqJson.bind(fraction, Weather.class));
    assertThrows(IllegalArgumentException.class, () -> OrqJson.bind("", Weather.class));
  }

  private List<ResponseEvent> readAll(CreateResponseRequest request) {
    return Fixtures.readAll(client, request);
  }
}
