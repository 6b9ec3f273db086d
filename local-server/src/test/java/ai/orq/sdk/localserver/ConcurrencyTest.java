package ai.orq.sdk.localserver;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;

class ConcurrencyTest {
  @AutoClose private final LocalOrqServer server =
      LocalOrqServer.builder().tokenDelay(Duration.ofMillis(5)).build().start();
  private final Http http = new Http(server);

  private static <T> List<HttpResponse<T>> all(List<CompletableFuture<HttpResponse<T>>> futures) throws Exception {
    CompletableFuture.allOf(futures.toArray(new CompletableFuture<?>[0])).get(120, TimeUnit.SECONDS);
    List<HttpResponse<T>> responses = new ArrayList<>();
    for (CompletableFuture<HttpResponse<T>> future : futures) {
      responses.add(future.join());
    }
    return responses;
  }

  @Test
  void twoHundredParallelCreatesGetDistinctIdsAndAllAreListed() throws Exception {
    List<CompletableFuture<HttpResponse<String>>> futures = new ArrayList<>();
    for (int i = 0; i < 200; i++) {
      futures.add(Http.client().sendAsync(
          http.request("POST", "v2/conversations", "{\"projectId\":\"p\",\"displayName\":\"n" + i + "\"}"),
          HttpResponse.BodyHandlers.ofString()));
    }
    Set<String> ids = new HashSet<>();
    for (HttpResponse<String> response : all(futures)) {
      assertEquals(201, response.statusCode(), response.body());
      ids.add(Http.json(response).get("_id").getAsString());
    }
    assertEquals(200, ids.size());

    List<String> listed = new ArrayList<>();
    JsonObject page = Http.json(http.get("v2/conversations/?limit=100"));
    for (JsonElement item : page.getAsJsonArray("data")) {
      listed.add(item.getAsJsonObject().get("_id").getAsString());
    }
    page = Http.json(http.get("v2/conversations/?limit=100&startingAfter=" + listed.get(99)));
    for (JsonElement item : page.getAsJsonArray("data")) {
      listed.add(item.getAsJsonObject().get("_id").getAsString());
    }
    assertEquals(ids, new HashSet<>(listed));
    List<String> sorted = new ArrayList<>(listed);
    sorted.sort((a, b) -> b.compareTo(a));
    assertEquals(sorted, listed, "newest first, ids increase with creation order");
  }

  @Test
  void twoThousandConcurrentCallsAllSucceed() throws Exception {
    String id = http.createStandalone().get("_id").getAsString();
    List<CompletableFuture<HttpResponse<String>>> futures = new ArrayList<>();
    for (int i = 0; i < 2000; i++) {
      String path = i % 2 == 0 ? "v2/conversations/" + id : "v2/conversations/?limit=5";
      futures.add(Http.client().sendAsync(http.request("GET", path, null), HttpResponse.BodyHandlers.ofString()));
    }
    int ok = 0;
    for (HttpResponse<String> response : all(futures)) {
      assertEquals(200, response.statusCode(), response.body());
      ok++;
    }
    assertEquals(2000, ok);
  }

  @Test
  void sixtyFourConcurrentStreamsAllComplete() throws Exception {
    List<String> ids = new ArrayList<>();
    List<CompletableFuture<HttpResponse<String>>> futures = new ArrayList<>();
    for (int i = 0; i < 64; i++) {
      String id = http.createStandalone().get("_id").getAsString();
      ids.add(id);
      futures.add(Http.client().sendAsync(
          http.request("POST", "v2/conversations/" + id + "/responses",
              Http.userMessage("stream number " + i, "openai/gpt-4o")),
          HttpResponse.BodyHandlers.ofString()));
    }
    List<HttpResponse<String>> responses = all(futures);
    for (int i = 0; i < 64; i++) {
      List<String> data = Http.dataLines(responses.get(i).body());
      assertEquals("[DONE]", data.get(data.size() - 1));
      JsonObject part = Http.parse(data.get(data.size() - 3)).getAsJsonObject()
          .getAsJsonObject("data").getAsJsonObject("part");
      assertEquals("You said: stream number " + i, part.get("text").getAsString());
      assertEquals(2, Http.json(http.get("v2/conversations/" + ids.get(i))).getAsJsonArray("messages").size());
    }
    assertTrue(responses.size() == 64);
  }
}
