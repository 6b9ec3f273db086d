package ai.orq.sdk.reliability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Point 6 of issue 22: every byte from the server is bounded. Each case runs {@link BoundsProgram}
 * in a JVM with a 64 MiB heap against a server that never stops sending: a chunk-size line whose
 * extension never ends (read by OkHttp itself, before any body byte), for a call and a stream; and
 * an endless stream of valid events into {@code ResponseAccumulator.assemble}. The client's {@code
 * maxResponseBytes} is 1 MiB. Each must end in {@code ResponseTooLargeException}, having read a
 * bounded number of bytes; before the fix, each ended in {@code OutOfMemoryError}.
 */
class HostileBoundsTest {
  private static final byte[] FILLER = "a".repeat(64 * 1024).getBytes(StandardCharsets.US_ASCII);

  @ParameterizedTest(name = "{0}: {1}")
  @CsvSource({
    "retrieve, endless chunk extension",
    "stream, endless chunk extension",
    "assemble, endless valid events"
  })
  void theServerCannotFillTheHeap(String operation, String fault) throws Exception {
    AtomicLong sent = new AtomicLong();
    try (HostileServer server =
        new HostileServer(
            (request, out) -> {
              if (fault.equals("endless valid events")) {
                endlessEvents(out, sent);
              } else {
                endlessChunkExtension(
                    out,
                    request.method().equals("GET") ? "application/json" : "text/event-stream",
                    sent);
              }
            })) {
      String outcome = run(operation, server.baseUrl());

      System.out.printf("%s, %s: %s after %,d bytes sent%n", operation, fault, outcome, sent.get());
      assertTrue(outcome.startsWith("ai.orq.sdk.errors.ResponseTooLargeException"), outcome);
    }
  }

  private static void endlessChunkExtension(OutputStream out, String type, AtomicLong sent)
      throws IOException {
    HostileServer.write(
        out,
        "HTTP/1.1 200 OK\r\nContent-Type: "
            + type
            + "\r\nTransfer-Encoding: chunked\r\n\r\n5;ext=");
    while (true) {
      out.write(FILLER);
      sent.addAndGet(FILLER.length);
    }
  }

  private static void endlessEvents(OutputStream out, AtomicLong sent) throws IOException {
    HostileServer.write(
        out, "HTTP/1.1 200 OK\r\nContent-Type: text/event-stream\r\nConnection: close\r\n\r\n");
    String text = "b".repeat(4000);
    byte[] event =
        ("data:"
             + " {\"type\":\"part.delta\",\"timestamp\":\"2026-01-01T00:00:00.001Z\",\"data\":{\"partId\":\"text_1\","
             + "\"delta\":{\"_id\":\"text_1\",\"kind\":\"text\",\"text\":\""
                + text
                + "\"}}}\n\n")
            .getBytes(StandardCharsets.UTF_8);
    while (true) {
      out.write(event);
      sent.addAndGet(event.length);
    }
  }

  /** The outcome line of {@link BoundsProgram}, run with a 64 MiB heap. */
  private static String run(String operation, String baseUrl) throws Exception {
    Process program =
        new ProcessBuilder(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx64m",
                "-cp",
                System.getProperty("java.class.path"),
                BoundsProgram.class.getName(),
                operation,
                baseUrl)
            .redirectErrorStream(true)
            .start();
    try (BufferedReader out =
        new BufferedReader(
            new InputStreamReader(program.getInputStream(), StandardCharsets.UTF_8))) {
      return assertTimeoutPreemptively(
          Duration.ofSeconds(120),
          () -> {
            String line;
            while ((line = out.readLine()) != null) {
              if (line.startsWith("outcome: ")) {
                return line.substring("outcome: ".length());
              }
              System.out.println("program: " + line);
            }
            return "no outcome, exit " + program.waitFor();
          });
    } finally {
      program.destroyForcibly();
      assertEquals(true, program.waitFor(10, TimeUnit.SECONDS));
    }
  }
}
