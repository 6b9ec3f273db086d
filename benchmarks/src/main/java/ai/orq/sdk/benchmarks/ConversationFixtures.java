package ai.orq.sdk.benchmarks;

import ai.orq.sdk.localserver.LocalOrqServer;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;

/**
 * Real response bodies for the per-call benchmark, recorded once from the local server: a page of
 * 100 conversations ({@code GET /v2/conversations/?limit=100}) and one conversation with 10
 * messages ({@code GET /v2/conversations/{id}}). The benchmark then replays these bytes from a
 * {@link LoopbackHttpServer}, so both SDK and baseline parse exactly the same JSON and the server's
 * cost per request is negligible.
 */
@SuppressWarnings("ArrayRecordComponent") // bytes to replay, never compared or hashed
record ConversationFixtures(String conversationId, byte[] listBody, byte[] retrieveBody) {
  static final int CONVERSATIONS = 100;
  private static final int EXCHANGES = 5;
  private static final MediaType JSON = MediaType.get("application/json");

  /** Writes the fixtures into {@code dir}, for forked JVMs to {@link #load}. */
  Path save(Path dir) throws IOException {
    Files.writeString(dir.resolve("id.txt"), conversationId);
    Files.write(dir.resolve("list.json"), listBody);
    Files.write(dir.resolve("retrieve.json"), retrieveBody);
    return dir;
  }

  static ConversationFixtures load(Path dir) throws IOException {
    return new ConversationFixtures(
        Files.readString(dir.resolve("id.txt")),
        Files.readAllBytes(dir.resolve("list.json")),
        Files.readAllBytes(dir.resolve("retrieve.json")));
  }

  static ConversationFixtures record() throws IOException {
    OkHttpClient http = new OkHttpClient();
    try (LocalOrqServer server = LocalOrqServer.builder().apiKey("bench-key").build().start()) {
      String base = server.baseUrl();
      String auth = "Bearer " + server.apiKey();
      String id = null;
      for (int i = 0; i < CONVERSATIONS; i++) {
        String body =
            "{\"projectId\":\"proj_bench\",\"displayName\":\"Benchmark conversation "
                + i
                + "\",\"metadata\":{\"model\":\"openai/gpt-4o\"}}";
        JsonObject created =
            JsonParser.parseString(
                    call(
                        http,
                        new Request.Builder()
                            .url(base + "v2/conversations")
                            .header("Authorization", auth)
                            .post(RequestBody.create(body, JSON))
                            .build()))
                .getAsJsonObject();
        id = created.get("_id").getAsString();
      }
      for (int i = 0; i < EXCHANGES; i++) {
        String body =
            "{\"message\":{\"role\":\"user\",\"parts\":[{\"kind\":\"text\",\"text\":"
                + "\"Question number "
                + i
                + ": how fast is this SDK on loopback, really?\"}]},"
                + "\"model\":\"openai/gpt-4o\"}";
        call(
            http,
            new Request.Builder()
                .url(base + "v2/conversations/" + id + "/responses")
                .header("Authorization", auth)
                .post(RequestBody.create(body, JSON))
                .build());
      }
      String list =
          call(
              http,
              new Request.Builder()
                  .url(base + "v2/conversations/?limit=" + CONVERSATIONS)
                  .header("Authorization", auth)
                  .build());
      String retrieve =
          call(
              http,
              new Request.Builder()
                  .url(base + "v2/conversations/" + id)
                  .header("Authorization", auth)
                  .build());
      return new ConversationFixtures(
          id, list.getBytes(StandardCharsets.UTF_8), retrieve.getBytes(StandardCharsets.UTF_8));
    } finally {
      http.dispatcher().executorService().shutdown();
      http.connectionPool().evictAll();
    }
  }

  private static String call(OkHttpClient http, Request request) throws IOException {
    try (Response response = http.newCall(request).execute()) {
      if (!response.isSuccessful()) {
        throw new IOException("local server answered " + response.code() + " to " + request.url());
      }
      return response.body().string();
    }
  }
}
