package ai.orq.sdk;

import static ai.orq.sdk.TestServers.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.patch;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import java.util.stream.Stream;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** An update sends exactly the fields set: an explicit null for a detach, nothing for the rest. */
class ConversationUpdateTest {
  @RegisterExtension static WireMockExtension server = TestServers.wireMock();

  @AutoClose private final OrqClient client = TestServers.client(server, new RecordingScheduler()).build();

  @BeforeEach
  void setUp() {
    server.stubFor(patch(urlEqualTo("/v2/conversations/conv_1")).willReturn(okJson(Fixtures.CONVERSATION)));
  }

  static Stream<Arguments> updates() {
    Object[][] table = {
      {ConversationUpdate.builder().displayName("Trip"), "{\"displayName\":\"Trip\"}"},
      {ConversationUpdate.builder().detachEntity(), "{\"metadata\":{\"entityId\":null}}"},
      {ConversationUpdate.builder().entityId(null), "{\"metadata\":{\"entityId\":null}}"},
      {ConversationUpdate.builder().entityId("agent_2").generatingTitle(true),
          "{\"metadata\":{\"entityId\":\"agent_2\",\"generatingTitle\":true}}"},
      {ConversationUpdate.builder().displayName("Trip").detachEntity().generatingTitle(false),
          "{\"displayName\":\"Trip\",\"metadata\":{\"entityId\":null,\"generatingTitle\":false}}"},
      {ConversationUpdate.builder(), "{}"},
    };
    return Stream.of(Mode.values())
        .flatMap(mode -> Stream.of(table).map(row -> arguments(mode, ((ConversationUpdate.Builder) row[0]).build(), row[1])));
  }

  @ParameterizedTest(name = "{0} {2}")
  @MethodSource("updates")
  void sendsExactlyTheFieldsSet(Mode mode, ConversationUpdate update, String body) {
    mode.run(client.conversations().update("conv_1", update));

    assertEquals(body, TestServers.requests(server).get(0).getBodyAsString());
    assertEquals("ConversationUpdate" + body, update.toString());
  }

  @Test
  void anUpdateIsAnImmutableValue() {
    ConversationUpdate.Builder builder = ConversationUpdate.builder().displayName("a");
    ConversationUpdate first = builder.build();
    builder.detachEntity();
    ConversationUpdate second = builder.build();
    ConversationUpdate changed = first.toBuilder().displayName("b").build();

    assertEquals("ConversationUpdate{\"displayName\":\"a\"}", first.toString());
    assertEquals("ConversationUpdate{\"displayName\":\"a\",\"metadata\":{\"entityId\":null}}", second.toString());
    assertEquals("ConversationUpdate{\"displayName\":\"b\"}", changed.toString());
    assertEquals(first, ConversationUpdate.builder().displayName("a").build());
    assertEquals(first.hashCode(), ConversationUpdate.builder().displayName("a").build().hashCode());
    assertNotEquals(first, second);
    assertNotEquals(first, "displayName");
  }

  @Test
  void badValuesFailNamingTheField() {
    ConversationUpdate.Builder builder = ConversationUpdate.builder();
    assertEquals("displayName == null",
        assertThrows(NullPointerException.class, () -> builder.displayName(null)).getMessage());
    assertEquals("entityId must not be blank",
        assertThrows(IllegalArgumentException.class, () -> builder.entityId(" ")).getMessage());
  }
}
