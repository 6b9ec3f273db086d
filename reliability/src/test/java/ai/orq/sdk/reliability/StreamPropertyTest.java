package ai.orq.sdk.reliability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.orq.sdk.OrqClient;
import ai.orq.sdk.StreamResponse;
import ai.orq.sdk.errors.MalformedEventException;
import ai.orq.sdk.errors.OrqException;
import ai.orq.sdk.errors.StreamTruncatedException;
import ai.orq.sdk.model.ResponseEvent;
import com.google.gson.Gson;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Property-based tests of the SDK's blocking stream end to end: a raw loopback server sends random
 * streams in random pieces (see {@link ChunkingSseServer}), and the SDK must yield exactly the
 * generated events; cut-off streams yield a prefix and then {@link StreamTruncatedException};
 * random garbage always ends, normally or with one of the documented stream exceptions ({@link
 * MalformedEventException}, {@link StreamTruncatedException}), never with anything else and never
 * hanging. Seeded: see {@link Support#seed}.
 */
class StreamPropertyTest {
  static final int VALID_CASES = 300;
  static final int TRUNCATED_CASES = 200;
  static final int GARBAGE_CASES = 300;
  static final Duration BOUND = Duration.ofSeconds(20);

  private static ChunkingSseServer server;
  private static OrqClient client;

  @BeforeAll
  static void start() throws Exception {
    server = new ChunkingSseServer();
    client =
        OrqClient.builder()
            .apiKey("test-key")
            .baseUrl(server.baseUrl())
            .maxRetries(0)
            .timeout(Duration.ofSeconds(10))
            .build();
  }

  @AfterAll
  static void stop() throws Exception {
    client.close();
    server.close();
  }

  @Test
  void randomValidStreamsYieldExactlyTheirEvents() {
    long seed = Support.seed("StreamPropertyTest.valid");
    Random random = new Random(seed);
    RandomStreams streams = new RandomStreams(random);
    Gson gson = Support.sdkGson();
    for (int i = 0; i < VALID_CASES; i++) {
      RandomStreams.Stream stream = streams.valid(40);
      serve(stream.body(), random);
      String where = "case " + i + " of seed " + seed;
      List<ResponseEvent> events =
          assertTimeoutPreemptively(BOUND, StreamPropertyTest::readAll, where);
      assertEquals(decode(gson, stream.eventsJson()), events, where);
      List<String> texts = new ArrayList<>();
      for (ResponseEvent event : events) {
        if (event.isPartDelta()) {
          texts.add(event.asPartDelta().getData().getDelta().asText().getText());
        }
      }
      assertEquals(stream.deltaTexts(), texts, where + ": delta texts");
    }
  }

  @Test
  void cutOffStreamsYieldAPrefixThenStreamTruncated() {
    long seed = Support.seed("StreamPropertyTest.truncated");
    Random random = new Random(seed);
    RandomStreams streams = new RandomStreams(random);
    Gson gson = Support.sdkGson();
    for (int i = 0; i < TRUNCATED_CASES; i++) {
      RandomStreams.Stream stream = streams.valid(20);
      byte[] cut = Arrays.copyOf(stream.body(), random.nextInt(stream.body().length));
      serve(cut, random);
      String where = "case " + i + " of seed " + seed;
      List<ResponseEvent> read = new ArrayList<>();
      OrqException failure = assertTimeoutPreemptively(BOUND, () -> readCatching(read), where);
      List<ResponseEvent> all = decode(gson, stream.eventsJson());
      assertTrue(read.size() <= all.size(), where);
      assertEquals(
          all.subList(0, read.size()), read, where + ": delivered events must be a prefix");
      if (failure == null) {
        // a normal end only if the cut fell after [DONE] was dispatched (inside its last line end)
        assertEquals(all, read, where + ": ended normally without every event");
      } else {
        assertEquals(StreamTruncatedException.class, failure.getClass(), where + ": " + failure);
      }
    }
  }

  @Test
  void randomGarbageEndsNormallyOrWithADocumentedStreamException() {
    long seed = Support.seed("StreamPropertyTest.garbage");
    Random random = new Random(seed);
    RandomStreams streams = new RandomStreams(random);
    for (int i = 0; i < GARBAGE_CASES; i++) {
      byte[] body;
      if (random.nextBoolean()) {
        body = streams.garbage(8192);
      } else { // garbage after the start of a valid stream
        byte[] valid = streams.valid(5).body();
        body = concat(Arrays.copyOf(valid, random.nextInt(valid.length)), streams.garbage(2048));
      }
      serve(body, random);
      String where = "case " + i + " of seed " + seed;
      List<ResponseEvent> read = new ArrayList<>();
      OrqException failure = assertTimeoutPreemptively(BOUND, () -> readCatching(read), where);
      if (failure != null) {
        assertTrue(
            failure instanceof MalformedEventException
                || failure instanceof StreamTruncatedException,
            where + ": undocumented " + failure);
      }
    }
  }

  private static void serve(byte[] body, Random random) {
    ChunkingSseServer.Framing[] framings = ChunkingSseServer.Framing.values();
    server.respondWith(body, framings[random.nextInt(framings.length)], random.nextLong());
  }

  private static List<ResponseEvent> readAll() {
    List<ResponseEvent> events = new ArrayList<>();
    try (StreamResponse<ResponseEvent> stream =
        client.conversations().createConversationResponse(Bodies.ID, Operation.streamRequest())) {
      for (ResponseEvent event : stream) {
        events.add(event);
      }
    }
    return events;
  }

  /**
   * Reads into {@code events} and returns the SDK exception that ended the stream, or null.
   * Anything that is not an {@link OrqException} propagates and fails the test.
   */
  private static OrqException readCatching(List<ResponseEvent> events) {
    try (StreamResponse<ResponseEvent> stream =
        client.conversations().createConversationResponse(Bodies.ID, Operation.streamRequest())) {
      for (ResponseEvent event : stream) {
        events.add(event);
      }
      return null;
    } catch (OrqException e) {
      return e;
    }
  }

  private static List<ResponseEvent> decode(Gson gson, List<String> json) {
    List<ResponseEvent> events = new ArrayList<>();
    for (String event : json) {
      events.add(gson.fromJson(event, ResponseEvent.class));
    }
    return events;
  }

  private static byte[] concat(byte[] a, byte[] b) {
    byte[] all = Arrays.copyOf(a, a.length + b.length);
    System.arraycopy(b, 0, all, a.length, b.length);
    return all;
  }
}
