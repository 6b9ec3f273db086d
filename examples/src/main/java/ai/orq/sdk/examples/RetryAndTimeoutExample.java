package ai.orq.sdk.examples;

import ai.orq.sdk.LogLevel;
import ai.orq.sdk.OrqClient;
import ai.orq.sdk.RequestOptions;
import ai.orq.sdk.errors.OrqTimeoutException;
import ai.orq.sdk.model.ConversationPage;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import okhttp3.Interceptor;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Protocol;
import okhttp3.Response;
import okhttp3.ResponseBody;

/**
 * How long the client waits and how often it tries again. Which failures are retried, and when a
 * POST is, is stated once: {@link OrqClient.Builder#maxRetries}. Streams that have started are
 * never retried.
 *
 * <p>Shown here against a gateway that fails twice before letting a request through, and against a
 * server that accepts connections and never answers.
 */
public final class RetryAndTimeoutExample {
  private RetryAndTimeoutExample() {}

  public static void main(String[] args) {
    try (ExampleEnvironment env = ExampleEnvironment.open()) {
      run(env.client(), System.out);
    }
  }

  static void run(OrqClient client, PrintStream out) {
    // [readme:config-builder]
    OrqClient configured =
        client
            .newBuilder() // or OrqClient.builder().apiKey(...)
            .maxRetries(4) // defaults to 2; 0 turns retries off
            .timeout(
                Duration.ofSeconds(30)) // each attempt, request to last byte; defaults to 10 min
            .connectTimeout(Duration.ofSeconds(5)) // defaults to 60 s
            .applicationId("trip-planner/1.4") // added to the User-Agent
            .logLevel(LogLevel.BASIC) // NONE (default), BASIC, HEADERS or BODY; keys are redacted
            .build();
    // [/readme:config-builder]
    configured.close();

    // [readme:config-per-call]
    ConversationPage page =
        client
            .conversations()
            .list()
            .withOptions(
                RequestOptions.builder().timeout(Duration.ofSeconds(5)).maxRetries(0).build())
            .execute();
    // [/readme:config-per-call]
    out.println(
        "per-call options: listed "
            + page.getData().size()
            + " conversations, no retries, 5 s timeout");

    int attempts = flakyGateway(client, out);
    out.println("flaky gateway: succeeded on attempt " + attempts);

    int timedOut = silentServer(client, out);
    out.println("silent server: gave up after " + timedOut + " attempts");

    // [readme:config-okhttp]
    OkHttpClient http =
        new OkHttpClient.Builder()
            .retryOnConnectionFailure(true)
            .build(); // your proxy, TLS, connection pool, dispatcher, interceptors...
    try (OrqClient onYourHttp = client.newBuilder().okHttpClient(http).build()) {
      onYourHttp.conversations().list().execute();
    }
    // closing the OrqClient leaves your OkHttpClient alone: shut it down when you are done with it
    http.dispatcher().executorService().shutdown();
    http.connectionPool().evictAll();
    // [/readme:config-okhttp]
    out.println("own OkHttpClient: used, then shut down by its owner");
  }

  /** Calls through a gateway that answers 503 twice; returns the attempt that succeeded. */
  static int flakyGateway(OrqClient client, PrintStream out) {
    AtomicInteger attempts = new AtomicInteger();
    // An interceptor sees every attempt; this one plays a gateway that is failing for a moment.
    Interceptor flaky =
        chain -> {
          int attempt = attempts.incrementAndGet();
          String retryCount =
              chain.request().header("X-Orq-Retry-Count"); // 0, 1, 2... sent by the SDK
          if (attempt <= 2) {
            out.println(
                "   attempt "
                    + attempt
                    + " (X-Orq-Retry-Count "
                    + retryCount
                    + "): 503, retry after 100 ms");
            return new Response.Builder()
                .request(chain.request())
                .protocol(Protocol.HTTP_1_1)
                .code(503)
                .message("Service Unavailable")
                .header("Retry-After-Ms", "100")
                .body(
                    ResponseBody.create(
                        "{\"message\":\"try again\"}", MediaType.get("application/json")))
                .build();
          }
          out.println(
              "   attempt "
                  + attempt
                  + " (X-Orq-Retry-Count "
                  + retryCount
                  + "): passed to the server");
          return chain.proceed(chain.request());
        };
    try (OrqClient retrying = client.newBuilder().addInterceptor(flaky).maxRetries(3).build()) {
      retrying.conversations().list().execute();
    }
    return attempts.get();
  }

  /**
   * Calls a server that never answers, with a 300 ms timeout and one retry; returns how many
   * attempts were made before the {@link OrqTimeoutException}.
   */
  static int silentServer(OrqClient client, PrintStream out) {
    AtomicInteger attempts = new AtomicInteger();
    // The operating system accepts the connections; nobody ever reads or answers them.
    try (ServerSocket silent = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        OrqClient impatient =
            client
                .newBuilder()
                .baseUrl("http://127.0.0.1:" + silent.getLocalPort())
                .timeout(Duration.ofMillis(300))
                .maxRetries(1)
                .addInterceptor(
                    chain -> {
                      attempts.incrementAndGet();
                      return chain.proceed(chain.request());
                    })
                .build()) {
      long start = System.nanoTime();
      try {
        impatient.conversations().list().execute();
        throw new IllegalStateException("the silent server answered");
      } catch (OrqTimeoutException e) {
        long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
        out.println("   OrqTimeoutException after " + millis + " ms: " + e.getMessage());
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return attempts.get();
  }
}
