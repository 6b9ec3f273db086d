package ai.orq.sdk.localserver;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class CommandLineTest {
  @Test
  void noArgumentsGiveTheDefaults() {
    LocalOrqServer server = CommandLine.parse().build();
    assertEquals("local-test-key", server.apiKey());
  }

  @Test
  void parsesEveryOptionInBothForms() throws Exception {
    int port = freePort();
    for (String[] args :
        List.of(
            new String[] {
              "--port", String.valueOf(port), "--api-key", "k1", "--token-delay-ms", "20"
            },
            new String[] {"--port=" + port, "--api-key=k1", "--token-delay-ms=20"})) {
      try (LocalOrqServer server = CommandLine.parse(args).build().start()) {
        assertEquals("http://127.0.0.1:" + port + "/", server.baseUrl());
        assertEquals("k1", server.apiKey());
        long start = System.nanoTime();
        Http http = new Http(server);
        http.stream(
            http.createStandalone().get("_id").getAsString(),
            Http.userMessage("a", "openai/gpt-4o"));
        long millis = (System.nanoTime() - start) / 1_000_000;
        assertTrue(millis >= 60, "3 deltas at 20 ms took " + millis + " ms");
      }
    }
  }

  @Test
  void helpReturnsNull() {
    assertNull(CommandLine.parse("--help"));
    assertNull(CommandLine.parse("--port", "1", "-h"));
  }

  @Test
  void badArgumentsAreRejectedWithAMessage() {
    assertEquals(
        "unknown option: --verbose",
        assertThrows(IllegalArgumentException.class, () -> CommandLine.parse("--verbose"))
            .getMessage());
    assertEquals(
        "unknown option: 8080",
        assertThrows(IllegalArgumentException.class, () -> CommandLine.parse("8080")).getMessage());
    assertEquals(
        "missing value for --port",
        assertThrows(IllegalArgumentException.class, () -> CommandLine.parse("--port"))
            .getMessage());
    assertEquals(
        "--port needs a whole number, got \"http\"",
        assertThrows(IllegalArgumentException.class, () -> CommandLine.parse("--port", "http"))
            .getMessage());
    assertThrows(IllegalArgumentException.class, () -> CommandLine.parse("--port", "70000"));
    assertThrows(IllegalArgumentException.class, () -> CommandLine.parse("--token-delay-ms", "-5"));
    assertThrows(IllegalArgumentException.class, () -> CommandLine.parse("--api-key", " "));
  }

  @Test
  void launchStartsTheServerAndPrintsTheBaseUrlFirst() {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    LocalOrqServer server =
        CommandLine.launch(
            new String[] {"--api-key", "cli-key"},
            new PrintStream(bytes, true, StandardCharsets.UTF_8));
    try {
      String[] lines = bytes.toString(StandardCharsets.UTF_8).split("\n");
      assertEquals(server.baseUrl(), lines[0]);
      assertTrue(lines[1].contains("cli-key"));
      assertEquals(
          201, new Http(server).post("v2/conversations", "{\"projectId\":\"p\"}").statusCode());
    } finally {
      server.close();
    }
  }

  @Test
  void launchWithHelpPrintsUsageAndStartsNothing() {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    assertNull(
        CommandLine.launch(
            new String[] {"--help"}, new PrintStream(bytes, true, StandardCharsets.UTF_8)));
    assertTrue(bytes.toString(StandardCharsets.UTF_8).startsWith("usage:"));
  }

  @Test
  void mainWithHelpReturns() throws Exception {
    PrintStream original = System.out;
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    System.setOut(new PrintStream(bytes, true, StandardCharsets.UTF_8));
    try {
      LocalOrqServer.main(new String[] {"--help"});
    } finally {
      System.setOut(original);
    }
    assertTrue(bytes.toString(StandardCharsets.UTF_8).contains("--token-delay-ms"));
  }

  static int freePort() throws Exception {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }
}
