package ai.orq.sdk.streaming;

import static ai.orq.sdk.streaming.Fixtures.RESPONSES_PATH;
import static ai.orq.sdk.streaming.StreamResponseTest.sse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.orq.sdk.Messages;
import ai.orq.sdk.OrqClient;
import ai.orq.sdk.errors.MalformedEventException;
import ai.orq.sdk.model.CreateResponseRequest;
import ai.orq.sdk.model.FinishReason;
import ai.orq.sdk.model.MessagePart;
import ai.orq.sdk.model.ModelJsonException;
import ai.orq.sdk.model.ResponseDoneEvent;
import ai.orq.sdk.model.ResponseEvent;
import ai.orq.sdk.model.ResponseFile;
import ai.orq.sdk.model.ResponseFilePart;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.google.gson.JsonParser;
import java.util.List;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * A newer server streaming, over HTTP: unknown enum values and members arrive typed and go back
 * unchanged; an event of the wrong shape is a {@link MalformedEventException} naming the JSON path.
 */
final class StreamForwardCompatibilityTest {
  @RegisterExtension static WireMockExtension server = Fixtures.wireMock();

  @AutoClose private final OrqClient client = Fixtures.client(server);

  private static void stubStream(String body) {
    server.stubFor(post(urlEqualTo(RESPONSES_PATH)).willReturn(sse(body)));
  }

  private List<ResponseEvent> readAll(CreateResponseRequest request) {
    return Fixtures.readAll(client, request);
  }

  @Test
  void unknownValuesAndMembersArriveTypedAndAreSentBackUnchanged() {
    String done =
        "{\"type\":\"response.done\",\"timestamp\":\"t\",\"data\":{\"finishReason\":\"paused\",\"latencyMs\":12}}";
    String file =
        "{\"type\":\"part.done\",\"timestamp\":\"t\",\"data\":{\"partId\":\"p\","
            + "\"part\":{\"_id\":\"p\",\"kind\":\"file\",\"file\":{\"type\":\"s3\",\"key\":\"k\"}}}}";
    stubStream("data: " + done + "\n\ndata: " + file + "\n\ndata: [DONE]\n\n");
    String videoPart = "{\"kind\":\"video\",\"url\":\"https://x/v.mp4\",\"length\":null}";

    List<ResponseEvent> events =
        readAll(
            CreateResponseRequest.builder()
                .model("m")
                .message(
                    Messages.user(
                        MessagePart.Unknown.of(
                            JsonParser.parseString(videoPart).getAsJsonObject())))
                .build());

    ResponseDoneEvent paused = events.get(0).asResponseDone();
    FinishReason reason = paused.getData().getFinishReason();
    assertEquals("paused", reason.asString());
    assertEquals(FinishReason.Value._UNKNOWN, reason.value());
    assertEquals(
        JsonParser.parseString("12"), paused.getData().additionalProperties().get("latencyMs"));
    ResponseFilePart part = events.get(1).asPartDone().getData().getPart().asFile();
    ResponseFile.Type s3 = part.getFile().asUnknown().getType();
    assertEquals("s3", s3.asString());
    assertEquals(ResponseFile.Type.Value._UNKNOWN, s3.value());
    assertEquals(
        JsonParser.parseString(file),
        JsonParser.parseString(Fixtures.gson().toJson(events.get(1), ResponseEvent.class)));
    server.verify(
        postRequestedFor(urlEqualTo(RESPONSES_PATH))
            .withRequestBody(
                equalTo(
                    "{\"message\":{\"role\":\"user\",\"parts\":["
                        + videoPart
                        + "]},\"model\":\"m\",\"stream\":true}")));
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "enum of the wrong JSON type |"
            + " {'type':'response.done','timestamp':'t','data':{'finishReason':7}} | invalid value"
            + " at $.data.finishReason: expected a string for FinishReason but was NUMBER",
        "number out of range |"
            + " {'type':'response.failed','timestamp':'t','data':{'error':'e','code':30000000000}}"
            + " | invalid value at $.data.code: expected a 32-bit whole number but was 30000000000",
        "fraction for a whole number |"
            + " {'type':'response.failed','timestamp':'t','data':{'error':'e','code':1.5}} |"
            + " $.data.code",
        "union member of the wrong shape |"
            + " {'type':'part.delta','timestamp':'t','data':{'partId':'p','delta':{'_id':'p','kind':'text','text':['a']}}}"
            + " | invalid value at $.data.delta.text: expected a string but was BEGIN_ARRAY",
        "union that is not an object |"
            + " {'type':'part.delta','timestamp':'t','data':{'partId':'p','delta':'text'}} |"
            + " invalid value at $.data.delta: expected an object for ResponsePart but was STRING",
        "event without a type | {'timestamp':'t','data':{'responseId':'r'}} | the required property"
            + " \"type\" is missing",
        "union member without its discriminator |"
            + " {'type':'part.delta','timestamp':'t','data':{'partId':'p','delta':{'_id':'p','text':'a'}}}"
            + " | the required property \"data.delta.kind\" is missing",
        "nested union member without a required property |"
            + " {'type':'part.done','timestamp':'t','data':{'partId':'p','part':{'_id':'p','kind':'file','file':{'type':'uri'}}}}"
            + " | the required property \"data.part.file.uri\" is missing",
      })
  void anEventOfTheWrongShapeIsMalformedNamingThePath(String what, String event, String expected) {
    String data = event.replace('\'', '"');
    stubStream("data: " + data + "\n\ndata: [DONE]\n\n");

    MalformedEventException e =
        assertThrows(MalformedEventException.class, () -> readAll(Fixtures.request()), what);

    assertTrue(e.getMessage().contains(expected), e.getMessage());
    assertEquals(data, e.rawData());
    assertInstanceOf(ModelJsonException.class, e.getCause());
  }
}
