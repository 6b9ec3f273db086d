package ai.orq.sdk;

import static ai.orq.sdk.TestServers.errorJson;
import static ai.orq.sdk.TestServers.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.orq.sdk.errors.InternalServerException;
import ai.orq.sdk.errors.InvalidResponseException;
import ai.orq.sdk.model.Conversation;
import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Walking every conversation, page by page, only as far as needed. */
class ConversationPagerTest {
  @RegisterExtension static WireMockExtension server = TestServers.wireMock();

  @AutoClose
  private final OrqClient client =
      TestServers.client(server, new RecordingScheduler()).maxRetries(0).build();

  /** Three pages of two, two and one conversations, for limit=2 and the given entity. */
  private void stubThreePages(String entityId) {
    server.stubFor(
        page(null, entityId).willReturn(okJson(Fixtures.page(true, "conv_1", "conv_2"))));
    server.stubFor(
        page("conv_2", entityId).willReturn(okJson(Fixtures.page(true, "conv_3", "conv_4"))));
    server.stubFor(page("conv_4", entityId).willReturn(okJson(Fixtures.page(false, "conv_5"))));
  }

  private static MappingBuilder page(String startingAfter, String entityId) {
    return get(urlPathEqualTo("/v2/conversations/"))
        .withQueryParam("limit", equalTo("2"))
        .withQueryParam("startingAfter", startingAfter == null ? absent() : equalTo(startingAfter))
        .withQueryParam("entityId", entityId == null ? absent() : equalTo(entityId))
        .withQueryParam("endingBefore", absent());
  }

  @Test
  void walksEveryPageLazily() {
    stubThreePages(null);
    ConversationPager pager =
        client.conversations().listAll(ListConversationsParams.builder().limit(2).build());
    Iterator<Conversation> conversations = pager.iterator();
    assertEquals(0, requestCount(), "no request before iteration needs a page");

    assertEquals("conv_1", conversations.next().getId());
    assertEquals(1, requestCount());
    assertEquals("conv_2", conversations.next().getId());
    assertEquals(1, requestCount(), "the next page only once this one is used up");
    assertEquals("conv_3", conversations.next().getId());
    assertEquals(2, requestCount());
    assertEquals("conv_4", conversations.next().getId());
    assertEquals("conv_5", conversations.next().getId());
    assertFalse(conversations.hasNext());
    assertThrows(NoSuchElementException.class, conversations::next);
    assertEquals(3, requestCount(), "has_more false ends the walk");
  }

  @Test
  void aStreamFetchesOnlyThePagesItConsumes() {
    stubThreePages(null);
    ConversationPager pager =
        client.conversations().listAll(ListConversationsParams.builder().limit(2).build());

    List<String> firstThree =
        pager.stream().limit(3).map(Conversation::getId).collect(Collectors.toList());

    assertEquals(List.of("conv_1", "conv_2", "conv_3"), firstThree);
    assertEquals(2, requestCount());
  }

  @Test
  void filtersApplyToEveryPageAndEachIterationStartsOver() {
    stubThreePages("agent_1");
    ConversationPager pager =
        client
            .conversations()
            .listAll(ListConversationsParams.builder().limit(2).entityId("agent_1").build());

    List<String> ids = pager.stream().map(Conversation::getId).collect(Collectors.toList());
    int count = 0;
    for (Conversation ignored : pager) {
      count++;
    }

    assertEquals(List.of("conv_1", "conv_2", "conv_3", "conv_4", "conv_5"), ids);
    assertEquals(5, count);
    assertEquals(6, requestCount());
  }

  @Test
  void aStartingCursorIsWhereTheWalkBegins() {
    stubThreePages(null);

    List<String> ids =
        client
            .conversations()
            .listAll(ListConversationsParams.builder().limit(2).startingAfter("conv_2").build())
            .stream()
            .map(Conversation::getId)
            .collect(Collectors.toList());

    assertEquals(List.of("conv_3", "conv_4", "conv_5"), ids);
  }

  @Test
  void anEmptyPageEndsTheWalkEvenIfTheServerSaysMore() {
    server.stubFor(
        get(urlPathEqualTo("/v2/conversations/")).willReturn(okJson(Fixtures.page(true))));

    assertFalse(client.conversations().listAll().iterator().hasNext());
    assertEquals(1, requestCount());
  }

  @Test
  void aPageWithoutHasMoreOrDataIsAnInvalidResponse() {
    server.stubFor(
        get(urlPathEqualTo("/v2/conversations/"))
            .willReturn(
                okJson(
                    "{\"object\":\"list\",\"data\":[" + Fixtures.conversation("conv_1") + "]}")));

    assertThrows(
        InvalidResponseException.class, () -> client.conversations().listAll().stream().count());

    server.resetAll();
    server.stubFor(
        get(urlPathEqualTo("/v2/conversations/")).willReturn(okJson("{\"has_more\":true}")));
    assertThrows(
        InvalidResponseException.class, () -> client.conversations().listAll().stream().count());
  }

  @Test
  void anItemWithoutIdOrNullIsAnInvalidResponseNotASilentEnd() {
    server.stubFor(
        get(urlPathEqualTo("/v2/conversations/"))
            .willReturn(
                okJson(
                    "{\"object\":\"list\",\"has_more\":true,\"data\":[{\"kind\":\"conversation\",\"displayName\":\"x\","
                        + "\"createdAt\":1,\"updatedAt\":1}]}")));
    InvalidResponseException noId =
        assertThrows(
            InvalidResponseException.class,
            () -> client.conversations().listAll().stream().count());
    assertTrue(noId.getMessage().contains("data[0] is without \"_id\""), noId.getMessage());

    server.resetAll();
    server.stubFor(
        get(urlPathEqualTo("/v2/conversations/"))
            .willReturn(okJson("{\"object\":\"list\",\"has_more\":false,\"data\":[null]}")));
    InvalidResponseException nullItem =
        assertThrows(
            InvalidResponseException.class,
            () -> client.conversations().listAll().stream().count());
    assertTrue(
        nullItem
            .getMessage()
            .contains("invalid value at $.data[0]: expected an element but was null"),
        nullItem.getMessage());
    assertEquals(200, nullItem.statusCode());
    assertEquals(
        "{\"object\":\"list\",\"has_more\":false,\"data\":[null]}", nullItem.bodySnippet());
  }

  @Test
  void aCursorCycleIsAnInvalidResponseNotAnEndlessWalk() {
    server.stubFor(page(null, null).willReturn(okJson(Fixtures.page(true, "conv_1", "conv_A"))));
    server.stubFor(page("conv_A", null).willReturn(okJson(Fixtures.page(true, "conv_B"))));
    server.stubFor(page("conv_B", null).willReturn(okJson(Fixtures.page(true, "conv_A"))));
    Iterator<Conversation> walk =
        client
            .conversations()
            .listAll(ListConversationsParams.builder().limit(2).build())
            .iterator();

    InvalidResponseException e =
        assertTimeoutPreemptively(
            java.time.Duration.ofSeconds(20),
            () ->
                assertThrows(
                    InvalidResponseException.class,
                    () -> {
                      while (walk.hasNext()) {
                        walk.next();
                      }
                    }));

    assertTrue(e.getMessage().contains("the cursor \"conv_A\" came back"), e.getMessage());
    assertEquals(3, requestCount());
  }

  @Test
  void aFailedPageThrowsFromTheIteration() {
    server.stubFor(page(null, null).willReturn(okJson(Fixtures.page(true, "conv_1", "conv_2"))));
    server.stubFor(page("conv_2", null).willReturn(errorJson(500, "{\"message\":\"down\"}")));
    Iterator<Conversation> conversations =
        client
            .conversations()
            .listAll(ListConversationsParams.builder().limit(2).build())
            .iterator();
    conversations.next();
    conversations.next();

    InternalServerException e = assertThrows(InternalServerException.class, conversations::hasNext);

    assertEquals("down", e.errorMessage());
  }

  @Test
  void endingBeforeCannotStartAForwardWalk() {
    ListConversationsParams params =
        ListConversationsParams.builder().endingBefore("conv_9").build();

    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> client.conversations().listAll(params));

    assertTrue(
        e.getMessage().startsWith("params.endingBefore must not be set for listAll"),
        e.getMessage());
    assertThrows(NullPointerException.class, () -> client.conversations().listAll(null));
    assertEquals(0, requestCount());
  }

  private int requestCount() {
    return TestServers.requests(server).size();
  }
}
