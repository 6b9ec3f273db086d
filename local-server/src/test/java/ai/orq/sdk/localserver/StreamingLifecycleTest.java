package ai.orq.sdk.localserver;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** Streams over time: the token delay, clients that go away, and closing the server mid-stream. */
class StreamingLifecycleTest {
  private static final String LONG_TEXT = "word ".repeat(100).trim();

  @Test
  void tokenDelaySpreadsEventsOverTime() throws Exception {
    try (LocalOrqServer server =
        LocalOrqServer.builder().tokenDelay(Duration.ofMillis(100)).build().start()) {
      Http http = new Http(server);
      String id = http.createStandalone().get("_id").getAsString();
      HttpResponse<Stream<String>> response =
          Http.client()
              .send(
                  http.request(
                      "POST",
                      "v2/conversations/" + id + "/responses",
                      Http.userMessage("a b c d e", "openai/gpt-4o")),
                  HttpResponse.BodyHandlers.ofLines());
      assertEquals(200, response.statusCode());

      List<String> data = new ArrayList<>();
      long firstEventAt = 0;
      try (Stream<String> lines = response.body()) {
        Iterator<String> it = lines.iterator();
        while (it.hasNext()) {
          String line = it.next();
          if (line.startsWith("data: ")) {
            if (data.isEmpty()) {
              firstEventAt = System.nanoTime();
            }
            data.add(line.substring(6));
          }
        }
      }
      long afterFirstMillis = (System.nanoTime() - firstEventAt) / 1_000_000;
      assertEquals("[DONE]", data.get(data.size() - 1));
      assertEquals(11, data.size(), "started, 7 deltas, part.done, response.done, [DONE]");
      // 7 deltas, each preceded by a 100 ms pause, all after response.started was received.
      assertTrue(
          afterFirstMillis >= 500,
          "first event arrived " + afterFirstMillis + " ms before the end");

      Instant firstDelta =
          Instant.parse(Http.parse(data.get(1)).getAsJsonObject().get("timestamp").getAsString());
      Instant lastDelta =
          Instant.parse(Http.parse(data.get(7)).getAsJsonObject().get("timestamp").getAsString());
      assertTrue(Duration.between(firstDelta, lastDelta).toMillis() >= 500);
    }
  }

  @Test
  void clientThatGoesAwayEndsTheStreamQuietlyAndFreesTheThread() throws Exception {
    try (LocalOrqServer server =
        LocalOrqServer.builder().tokenDelay(Duration.ofMillis(50)).threads(1).build().start()) {
      Http http = new Http(server);
      String id = http.createStandalone().get("_id").getAsString();

      URI uri = URI.create(server.baseUrl());
      byte[] body = Http.userMessage(LONG_TEXT, "openai/gpt-4o").getBytes(StandardCharsets.UTF_8);
      try (Socket socket = new Socket(uri.getHost(), uri.getPort())) {
        socket.setSoTimeout(30_000);
        OutputStream out = socket.getOutputStream();
        out.write(
            ("POST /v2/conversations/"
                    + id
                    + "/responses HTTP/1.1\r\nHost: "
                    + uri.getAuthority()
                    + "\r\nAuthorization: Bearer "
                    + server.apiKey()
                    + "\r\nContent-Type: application/json\r\n"
                    + "Content-Length: "
                    + body.length
                    + "\r\n\r\n")
                .getBytes(StandardCharsets.UTF_8));
        out.write(body);
        out.flush();
        BufferedReader in =
            new BufferedReader(
                new InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8));
        String line;
        while ((line = in.readLine()) != null && !line.startsWith("data: ")) {
          // skip the status line, headers and chunk sizes
        }
        assertTrue(line != null && line.contains("response.started"), String.valueOf(line));
      } // the client hangs up after the first event

      // With one handler thread, this request runs only once the abandoned stream has ended: had it
      // run to completion (100 words at 50 ms) the assistant message would be stored.
      JsonArray messages = Http.json(http.get("v2/conversations/" + id)).getAsJsonArray("messages");
      assertEquals(1, messages.size(), "only the user message: the reply was abandoned");
      assertEquals("user", messages.get(0).getAsJsonObject().get("role").getAsString());
    }
  }

  @Test
  void closeEndsOpenStreamsPromptly() throws Exception {
    LocalOrqServer server =
        LocalOrqServer.builder().tokenDelay(Duration.ofMillis(200)).build().start();
    Http http = new Http(server);
    String id = http.createStandalone().get("_id").getAsString();
    HttpResponse<Stream<String>> response =
        Http.client()
            .send(
                http.request(
                    "POST",
                    "v2/conversations/" + id + "/responses",
                    Http.userMessage(LONG_TEXT, "openai/gpt-4o")),
                HttpResponse.BodyHandlers.ofLines());
    List<String> received = new ArrayList<>();
    boolean failed = false;
    try (Stream<String> lines = response.body()) {
      Iterator<String> it = lines.iterator();
      received.add(it.next()); // response.started has arrived; the reply would take 20 s more

      long start = System.nanoTime();
      server.close();
      long closeMillis = (System.nanoTime() - start) / 1_000_000;
      assertTrue(closeMillis < 10_000, "close took " + closeMillis + " ms");

      while (it.hasNext()) {
        received.add(it.next());
      }
    } catch (RuntimeException e) {
      failed = true; // the connection was cut: also an acceptable end
    }
    assertTrue(received.get(0).contains("response.started"));
    assertTrue(failed || !received.contains("data: [DONE]"), "the stream was cut short");
  }

  @Test
  void conversationDeletedMidStreamStillFinishesTheStream() throws Exception {
    try (LocalOrqServer server =
        LocalOrqServer.builder().tokenDelay(Duration.ofMillis(100)).build().start()) {
      Http http = new Http(server);
      String id = http.createStandalone().get("_id").getAsString();
      HttpResponse<Stream<String>> response =
          Http.client()
              .send(
                  http.request(
                      "POST",
                      "v2/conversations/" + id + "/responses",
                      Http.userMessage("a b c", "openai/gpt-4o")),
                  HttpResponse.BodyHandlers.ofLines());
      List<String> lines = new ArrayList<>();
      try (Stream<String> body = response.body()) {
        Iterator<String> it = body.iterator();
        lines.add(it.next());
        assertEquals(204, http.delete("v2/conversations/" + id).statusCode());
        it.forEachRemaining(lines::add);
      }
      assertEquals("data: [DONE]", lines.get(lines.size() - 2));
      JsonObject done = Http.parse(lines.get(lines.size() - 6).substring(6)).getAsJsonObject();
      assertEquals("part.done", done.get("type").getAsString());
      Http.error(http.get("v2/conversations/" + id), 404);
    }
  }
}
