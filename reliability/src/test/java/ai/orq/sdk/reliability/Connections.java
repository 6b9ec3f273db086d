package ai.orq.sdk.reliability;

import ai.orq.sdk.OrqClient;
import ai.orq.sdk.internal.ClientContext;
import java.io.IOException;
import java.lang.reflect.Field;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import okhttp3.OkHttpClient;

/** Counting a client's connections, from its pool and from the kernel. */
final class Connections {
  private Connections() {}

  /**
   * The OkHttp client an {@link OrqClient} built for itself. Not API: reached through the client's
   * (package-private) context, by reflection, only to count its pooled connections.
   */
  static OkHttpClient okHttpClientOf(OrqClient client) throws ReflectiveOperationException {
    Field context = OrqClient.class.getDeclaredField("context");
    context.setAccessible(true);
    return ((ClientContext) context.get(client)).httpClient();
  }

  /**
   * Established TCP connections from this machine to 127.0.0.1:{@code port} (the client ends of
   * connections to the server), from {@code /proc/net/tcp} and {@code /proc/net/tcp6} (where Java's
   * dual-stack sockets show 127.0.0.1 as {@code ::ffff:127.0.0.1}); -1 where neither is readable.
   */
  static int established(int port) {
    // IPv4 "0100007F:PPPP"; IPv4-mapped IPv6 "0000000000000000FFFF00000100007F:PPPP"
    String remote = String.format("0100007F:%04X", port);
    int count = 0;
    boolean readable = false;
    for (String name : new String[] {"/proc/net/tcp", "/proc/net/tcp6"}) {
      Path table = Path.of(name);
      if (!Files.isReadable(table)) {
        continue;
      }
      try {
        List<String> lines = Files.readAllLines(table);
        readable = true;
        for (String line : lines.subList(1, lines.size())) {
          String[] f = line.trim().split("\\s+");
          // f[1] local address, f[2] remote address, f[3] state (01 = ESTABLISHED)
          if (f.length > 3 && f[2].endsWith(remote) && f[3].equals("01")) {
            count++;
          }
        }
      } catch (IOException e) {
        // unreadable after all: skip
      }
    }
    return readable ? count : -1;
  }
}
