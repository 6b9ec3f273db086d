package ai.orq.sdk.localserver;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Paths;
import java.time.Duration;

/** Command-line arguments of {@link LocalOrqServer#main(String[])}. */
final class CommandLine {
  static final String USAGE =
      "usage: java -jar orq-local-server.jar [--port N] [--api-key KEY] [--token-delay-ms N]"
          + " [--script FILE]\n"
          + "  --port N            loopback port to bind (default 0: any free port)\n"
          + "  --api-key KEY       bearer key that requests must carry (default local-test-key)\n"
          + "  --token-delay-ms N  pause before each streamed part.delta event (default 0)\n"
          + "  --script FILE       JSON file of scripted responses and errors to play first\n"
          + "  --help              print this message";

  private CommandLine() {}

  /**
   * Parses {@code args} into a builder; also accepts {@code --name=value}. Returns null for {@code
   * --help}.
   *
   * @throws IllegalArgumentException for an unknown option or a bad value
   */
  static LocalOrqServer.Builder parse(String... args) {
    LocalOrqServer.Builder builder = LocalOrqServer.builder().recordRequests(false);
    for (int i = 0; i < args.length; i++) {
      String name = args[i];
      String value = null;
      int eq = name.indexOf('=');
      if (name.startsWith("--") && eq > 0) {
        value = name.substring(eq + 1);
        name = name.substring(0, eq);
      }
      if (name.equals("--help") || name.equals("-h")) {
        return null;
      }
      if (!name.equals("--port")
          && !name.equals("--api-key")
          && !name.equals("--token-delay-ms")
          && !name.equals("--script")) {
        throw new IllegalArgumentException("unknown option: " + args[i]);
      }
      if (value == null) {
        if (i + 1 >= args.length) {
          throw new IllegalArgumentException("missing value for " + name);
        }
        value = args[++i];
      }
      if (name.equals("--port")) {
        builder.port(number(name, value));
      } else if (name.equals("--api-key")) {
        builder.apiKey(value);
      } else if (name.equals("--script")) {
        builder.scriptFile(ScriptFile.parse(read(value)));
      } else {
        builder.tokenDelay(Duration.ofMillis(number(name, value)));
      }
    }
    return builder;
  }

  /**
   * Parses {@code args}, starts the server and prints its base URL (first line) and key to {@code
   * out}. Prints the usage and returns null for {@code --help}.
   */
  static LocalOrqServer launch(String[] args, PrintStream out) {
    LocalOrqServer.Builder builder = parse(args);
    if (builder == null) {
      out.println(USAGE);
      return null;
    }
    LocalOrqServer server = builder.build().start();
    out.println(server.baseUrl());
    out.println("orq local server running; API key: " + server.apiKey() + " (stop with Ctrl+C)");
    out.flush();
    return server;
  }

  private static String read(String file) {
    try {
      return new String(Files.readAllBytes(Paths.get(file)), StandardCharsets.UTF_8);
    } catch (IOException | InvalidPathException e) {
      throw new IllegalArgumentException("cannot read --script " + file + ": " + e.getMessage());
    }
  }

  private static int number(String name, String value) {
    try {
      return Integer.parseInt(value);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(name + " needs a whole number, got \"" + value + "\"");
    }
  }
}
