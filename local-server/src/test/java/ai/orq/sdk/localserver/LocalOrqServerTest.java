package ai.orq.sdk.localserver;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.UncheckedIOException;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class LocalOrqServerTest {
  @Test
  void defaultsToAnEphemeralLoopbackPortAndTheLocalKey() {
    try (LocalOrqServer server = LocalOrqServer.builder().build().start()) {
      assertTrue(server.baseUrl().matches("http://127\\.0\\.0\\.1:[1-9][0-9]*/"), server.baseUrl());
      assertEquals("local-test-key", server.apiKey());
      assertEquals(200, new Http(server).get("v2/conversations/").statusCode());
    }
  }

  @Test
  void startReturnsTheSameServer() {
    LocalOrqServer server = LocalOrqServer.builder().apiKey("test-key").build();
    try {
      assertSame(server, server.start());
      assertEquals("test-key", server.apiKey());
    } finally {
      server.close();
    }
  }

  @Test
  void bindsTheGivenPort() throws Exception {
    int port = CommandLineTest.freePort();
    try (LocalOrqServer server = LocalOrqServer.builder().port(port).build().start()) {
      assertEquals("http://127.0.0.1:" + port + "/", server.baseUrl());
      UncheckedIOException busy =
          assertThrows(
              UncheckedIOException.class,
              () -> LocalOrqServer.builder().port(port).build().start());
      assertEquals("Cannot bind 127.0.0.1:" + port, busy.getMessage());
    }
  }

  @Test
  void serversAreIndependent() {
    try (LocalOrqServer a = LocalOrqServer.builder().build().start();
        LocalOrqServer b = LocalOrqServer.builder().build().start()) {
      new Http(a).createStandalone();
      assertEquals(
          1, Http.json(new Http(a).get("v2/conversations/")).getAsJsonArray("data").size());
      assertEquals(
          0, Http.json(new Http(b).get("v2/conversations/")).getAsJsonArray("data").size());
    }
  }

  @Test
  void lifecycleMisuseIsReported() {
    LocalOrqServer server = LocalOrqServer.builder().build();
    assertEquals(
        "Not started.", assertThrows(IllegalStateException.class, server::baseUrl).getMessage());
    server.start();
    assertEquals(
        "Already started.", assertThrows(IllegalStateException.class, server::start).getMessage());
    server.close();
    server.close(); // idempotent
    assertEquals(
        "Not started.", assertThrows(IllegalStateException.class, server::baseUrl).getMessage());
    assertEquals("Closed.", assertThrows(IllegalStateException.class, server::start).getMessage());

    LocalOrqServer neverStarted = LocalOrqServer.builder().build();
    neverStarted.close();
    assertEquals(
        "Closed.", assertThrows(IllegalStateException.class, neverStarted::start).getMessage());
  }

  @Test
  void closedServerRefusesConnections() {
    LocalOrqServer server = LocalOrqServer.builder().build().start();
    Http http = new Http(server);
    server.close();
    assertThrows(AssertionError.class, () -> http.get("v2/conversations/"));
  }

  @Test
  void builderChecksItsArguments() {
    LocalOrqServer.Builder builder = LocalOrqServer.builder();
    assertEquals(
        "apiKey == null",
        assertThrows(NullPointerException.class, () -> builder.apiKey(null)).getMessage());
    assertEquals(
        "apiKey is blank",
        assertThrows(IllegalArgumentException.class, () -> builder.apiKey(" ")).getMessage());
    assertEquals(
        "port out of range: -1",
        assertThrows(IllegalArgumentException.class, () -> builder.port(-1)).getMessage());
    assertThrows(IllegalArgumentException.class, () -> builder.port(65536));
    assertEquals(
        "tokenDelay == null",
        assertThrows(NullPointerException.class, () -> builder.tokenDelay(null)).getMessage());
    assertThrows(IllegalArgumentException.class, () -> builder.tokenDelay(Duration.ofMillis(-1)));
    assertSame(builder, builder.apiKey("k").port(0).tokenDelay(Duration.ZERO));
  }
}
