package ai.orq.sdk.examples;

import ai.orq.sdk.OrqClient;
import ai.orq.sdk.localserver.LocalOrqServer;
import java.io.PrintStream;
import java.time.Duration;

/**
 * Where the examples run. With {@code ORQ_API_KEY} set they call orq.ai (or {@code ORQ_BASE_URL});
 * without it they start a local, in-memory orq-compatible server and say so. Also read: {@code
 * ORQ_PROJECT_ID}, the project new conversations go to, and {@code ORQ_MODEL}, the model that
 * answers ({@code provider/model_id}). Close it to close the client and stop the server.
 */
final class ExampleEnvironment implements AutoCloseable {
  static final String DEFAULT_PROJECT_ID = "examples";
  static final String DEFAULT_MODEL = "openai/gpt-4o-mini";

  private final OrqClient client;
  private final LocalOrqServer server; // null when calling the real API
  private final String projectId;
  private final String model;

  private ExampleEnvironment(OrqClient client, LocalOrqServer server) {
    this.client = client;
    this.server = server;
    this.projectId = env("ORQ_PROJECT_ID", DEFAULT_PROJECT_ID);
    this.model = env("ORQ_MODEL", DEFAULT_MODEL);
  }

  /** As {@link #open(Duration)} with a local server that answers at once. */
  static ExampleEnvironment open() {
    return open(Duration.ZERO);
  }

  /**
   * The real API when {@code ORQ_API_KEY} is set, otherwise a local server started here whose
   * replies pause {@code tokenDelay} before each streamed word, so their arrival can be seen. Says
   * which on standard output.
   */
  static ExampleEnvironment open(Duration tokenDelay) {
    PrintStream out = System.out;
    if (!env("ORQ_API_KEY", "").isEmpty()) {
      // [readme:env]
      OrqClient client = OrqClient.fromEnv(); // ORQ_API_KEY, and ORQ_BASE_URL when set
      // [/readme:env]
      out.println("ORQ_API_KEY set: calling " + env("ORQ_BASE_URL", "https://my.orq.ai"));
      return new ExampleEnvironment(client, null);
    }
    ExampleEnvironment local = local(tokenDelay);
    out.println(
        "No ORQ_API_KEY set: using a local orq-compatible server at " + local.server.baseUrl());
    return local;
  }

  /** A local server and a client for it, whatever the environment says. */
  private static ExampleEnvironment local(Duration tokenDelay) {
    // [readme:local-server]
    LocalOrqServer server = LocalOrqServer.builder().tokenDelay(tokenDelay).build().start();
    OrqClient client =
        OrqClient.builder().apiKey(server.apiKey()).baseUrl(server.baseUrl()).build();
    // [/readme:local-server]
    return new ExampleEnvironment(client, server);
  }

  OrqClient client() {
    return client;
  }

  /** True when the examples talk to the local server rather than orq.ai. */
  boolean isLocal() {
    return server != null;
  }

  /** The local server, to script what the assistant does next; only when {@link #isLocal()}. */
  LocalOrqServer localServer() {
    return server;
  }

  String projectId() {
    return projectId;
  }

  String model() {
    return model;
  }

  @Override
  public void close() {
    client.close();
    if (server != null) {
      server.close();
    }
  }

  private static String env(String name, String fallback) {
    String value = System.getenv(name);
    return value == null || value.trim().isEmpty() ? fallback : value.trim();
  }
}
