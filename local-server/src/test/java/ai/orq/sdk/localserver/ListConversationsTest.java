package ai.orq.sdk.localserver;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;

class ListConversationsTest {
  @AutoClose private final LocalOrqServer server = LocalOrqServer.builder().build().start();
  private final Http http = new Http(server);

  /** Creates {@code count} standalone conversations and returns their ids, oldest first. */
  private List<String> createMany(int count) {
    List<String> ids = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      ids.add(
          http.create("{\"projectId\":\"p\",\"displayName\":\"c" + i + "\"}")
              .get("_id")
              .getAsString());
    }
    return ids;
  }

  private JsonObject list(String query) {
    return Http.json(http.get("v2/conversations/" + query));
  }

  private static List<String> ids(JsonObject page) {
    List<String> ids = new ArrayList<>();
    for (JsonElement item : page.getAsJsonArray("data")) {
      ids.add(item.getAsJsonObject().get("_id").getAsString());
    }
    return ids;
  }

  private static List<String> newestFirst(List<String> ids, int from, int to) {
    List<String> reversed = new ArrayList<>(ids);
    Collections.reverse(reversed);
    return reversed.subList(from, to);
  }

  @Test
  void emptyList() {
    JsonObject page = list("");
    assertEquals("list", page.get("object").getAsString());
    assertEquals(0, page.getAsJsonArray("data").size());
    assertFalse(page.get("has_more").getAsBoolean());
  }

  @Test
  void newestFirstWithDefaultLimitOf10() {
    List<String> created = createMany(12);
    JsonObject page = list("");
    assertEquals(newestFirst(created, 0, 10), ids(page));
    assertTrue(page.get("has_more").getAsBoolean());
    assertEquals(
        "conversation",
        page.getAsJsonArray("data").get(0).getAsJsonObject().get("kind").getAsString());
  }

  @Test
  void limitIsHonoured() {
    List<String> created = createMany(5);
    assertEquals(newestFirst(created, 0, 3), ids(list("?limit=3")));
    JsonObject all = list("?limit=5");
    assertEquals(newestFirst(created, 0, 5), ids(all));
    assertFalse(all.get("has_more").getAsBoolean());
    assertEquals(5, ids(list("?limit=100")).size());
    assertEquals(1, ids(list("?limit=1")).size());
  }

  @Test
  void invalidLimitIs400NamingLimit() {
    for (String limit : new String[] {"0", "101", "abc", "-1", "2.5", ""}) {
      String message = Http.error(http.get("v2/conversations/?limit=" + limit), 400);
      assertTrue(message.startsWith("limit must be an integer from 1 to 100"), message);
    }
  }

  @Test
  void startingAfterPagesForwardThroughEverything() {
    List<String> created = createMany(7);
    JsonObject first = list("?limit=3");
    assertEquals(newestFirst(created, 0, 3), ids(first));
    assertTrue(first.get("has_more").getAsBoolean());

    JsonObject second = list("?limit=3&startingAfter=" + ids(first).get(2));
    assertEquals(newestFirst(created, 3, 6), ids(second));
    assertTrue(second.get("has_more").getAsBoolean());

    JsonObject third = list("?limit=3&startingAfter=" + ids(second).get(2));
    assertEquals(newestFirst(created, 6, 7), ids(third));
    assertFalse(third.get("has_more").getAsBoolean());
  }

  @Test
  void endingBeforePagesBackward() {
    List<String> created = createMany(7);
    String oldest = created.get(0);

    JsonObject page = list("?limit=3&endingBefore=" + oldest);
    assertEquals(newestFirst(created, 3, 6), ids(page), "the three just newer than the cursor");
    assertTrue(page.get("has_more").getAsBoolean());

    JsonObject next = list("?limit=3&endingBefore=" + ids(page).get(0));
    assertEquals(newestFirst(created, 0, 3), ids(next));
    assertFalse(next.get("has_more").getAsBoolean());

    JsonObject newest = list("?endingBefore=" + created.get(6));
    assertEquals(List.of(), ids(newest));
    assertFalse(newest.get("has_more").getAsBoolean());
  }

  @Test
  void unknownCursorGivesAnEmptyPage() {
    createMany(3);
    for (String cursor : new String[] {"startingAfter=conv_unknown", "endingBefore=conv_unknown"}) {
      JsonObject page = list("?" + cursor);
      assertEquals(0, page.getAsJsonArray("data").size(), cursor);
      assertFalse(page.get("has_more").getAsBoolean(), cursor);
    }
  }

  @Test
  void deletedConversationStillWorksAsACursor() {
    List<String> created = createMany(4);
    assertEquals(204, http.delete("v2/conversations/" + created.get(2)).statusCode());
    assertEquals(
        List.of(created.get(1), created.get(0)), ids(list("?startingAfter=" + created.get(2))));
  }

  @Test
  void bothCursorsTogetherIs400() {
    List<String> created = createMany(2);
    String message =
        Http.error(
            http.get(
                "v2/conversations/?startingAfter="
                    + created.get(1)
                    + "&endingBefore="
                    + created.get(0)),
            400);
    assertTrue(message.contains("startingAfter") && message.contains("endingBefore"), message);
  }

  @Test
  void entityIdFiltersAndOmittingItListsStandaloneOnly() {
    String standalone = http.createStandalone().get("_id").getAsString();
    String agentA =
        http.create("{\"projectId\":\"p\",\"metadata\":{\"entityId\":\"agent_a\"}}")
            .get("_id")
            .getAsString();
    String agentB =
        http.create("{\"projectId\":\"p\",\"metadata\":{\"entityId\":\"agent_b\"}}")
            .get("_id")
            .getAsString();
    String agentA2 =
        http.create("{\"projectId\":\"p\",\"metadata\":{\"entityId\":\"agent_a\"}}")
            .get("_id")
            .getAsString();

    assertEquals(List.of(standalone), ids(list("")));
    assertEquals(List.of(agentA2, agentA), ids(list("?entityId=agent_a")));
    assertEquals(List.of(agentB), ids(list("?entityId=agent_b")));
    assertEquals(List.of(), ids(list("?entityId=agent_c")));
    assertEquals(List.of(agentA), ids(list("?entityId=agent_a&startingAfter=" + agentA2)));
  }

  @Test
  void queryParametersArePercentDecoded() {
    String id =
        http.create("{\"projectId\":\"p\",\"metadata\":{\"entityId\":\"agent a&b\"}}")
            .get("_id")
            .getAsString();
    assertEquals(List.of(id), ids(list("?entityId=agent+a%26b&&limit=5&limit=bogus")));
  }

  @Test
  void sameMillisecondCreationsStillOrderNewestFirst() {
    List<String> created = createMany(30); // many land in the same millisecond
    List<String> all = new ArrayList<>();
    JsonObject page = list("?limit=7");
    all.addAll(ids(page));
    while (page.get("has_more").getAsBoolean()) {
      page = list("?limit=7&startingAfter=" + all.get(all.size() - 1));
      all.addAll(ids(page));
    }
    assertEquals(newestFirst(created, 0, 30), all);
  }
}
