package ai.orq.sdk.reliability;

import java.io.IOException;
import java.io.OutputStream;

/** Scripts of a {@link HostileServer} whose answers start and then stall, the connection open. */
final class Stalling {
  /** How long an answer stalls: longer than any test waits. */
  static final long STALL_MILLIS = 120_000;

  private Stalling() {}

  /**
   * A GET gets a head and the first byte of its JSON body; a stream gets its head and first event.
   * Then nothing, for {@link #STALL_MILLIS}.
   */
  static HostileServer.Script afterTheFirstEvent() {
    return (request, out) -> {
      if (request.method().equals("GET")) {
        HostileServer.write(
            out,
            "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\n"
                + "Content-Length: 1000\r\n\r\n{");
      } else {
        HostileServer.write(
            out,
            "HTTP/1.1 200 OK\r\nContent-Type: text/event-stream\r\nConnection: close\r\n\r\n"
                + Bodies.EVENTS.substring(0, Bodies.EVENTS.indexOf("\n\n") + 2));
      }
      stall(out);
    };
  }

  static void stall(OutputStream out) throws IOException, InterruptedException {
    out.flush();
    Thread.sleep(STALL_MILLIS);
  }
}
