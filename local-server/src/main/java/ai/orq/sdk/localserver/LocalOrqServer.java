package ai.orq.sdk.localserver;

import com.google.gson.JsonObject;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * An in-memory, orq-compatible HTTP server for the seven Conversations API v2 operations, bound to
 * the loopback interface. Use it to run examples without an API key and to test code that talks to
 * orq.ai:
 *
 * <pre>{@code
 * try (LocalOrqServer server = LocalOrqServer.builder().apiKey("test-key").build().start()) {
 *   String baseUrl = server.baseUrl(); // e.g. "http://127.0.0.1:53211/"
 *   // point a client at baseUrl, authenticating with "Authorization: Bearer test-key"
 * }
 * }</pre>
 *
 * <p>Conversations live in memory until the server is closed. Replies are deterministic: the
 * assistant answers {@code "You said: "} followed by the user's text, streamed word by word, unless
 * a test {@linkplain #enqueue scripts} what it does next (text in chunks, reasoning, tool calls and
 * reviews, a failed or cut-off stream, delays) or {@linkplain #failNext scripts HTTP errors} for an
 * operation. Every request is recorded for {@link #takeRequest()}:
 *
 * <pre>{@code
 * server.failNext(Operation.CREATE_RESPONSE, 1, ScriptedError.status(429).retryAfter(Duration.ofMillis(10)));
 * server.enqueue(ScriptedResponse.builder().text("Hel", "lo").build());
 * // ... the code under test sends a message ...
 * RecordedRequest first = server.takeRequest(1, TimeUnit.SECONDS); // answered 429
 * RecordedRequest retry = server.takeRequest(1, TimeUnit.SECONDS); // streamed "Hello"
 * }</pre>
 *
 * <p>Thread-safe. {@link #start()} may be called once; {@link #close()} stops the server promptly,
 * ending open streams, and may be called any number of times.
 */
public final class LocalOrqServer implements AutoCloseable {
  private static final int DEFAULT_THREADS = 128;
  private static final int BACKLOG = 4096;
  private static final String NO_DELAY = "sun.net.httpserver.nodelay";
  private static final String MAX_IDLE_CONNECTIONS = "sun.net.httpserver.maxIdleConnections";

  private final String apiKey;
  private final int port;
  private final Duration tokenDelay;
  private final int threads;
  private final Script script = new Script();

  /** Null when the builder turned recording off. */
  private final BlockingQueue<RecordedRequest> recorded;

  private final ConversationStore store;
  private final Ulid ulid = new Ulid();
  private final AtomicInteger requestCount = new AtomicInteger();
  private HttpServer server;
  private ThreadPoolExecutor executor;
  private boolean closed;

  private LocalOrqServer(Builder builder) {
    this.apiKey = builder.apiKey;
    this.port = builder.port;
    this.tokenDelay = builder.tokenDelay;
    this.threads = builder.threads;
    this.recorded = builder.recordRequests ? new LinkedBlockingQueue<>() : null;
    this.store = new ConversationStore(ulid);
    if (builder.scriptFile != null) {
      builder.scriptFile.applyTo(this);
    }
  }

  /**
   * Returns a builder with the defaults: key {@code "local-test-key"}, an ephemeral port, no delay.
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Binds {@code 127.0.0.1} and starts serving.
   *
   * @return this server, now running
   * @throws IllegalStateException if already started or closed
   * @throws UncheckedIOException if the port cannot be bound
   */
  public synchronized LocalOrqServer start() {
    if (closed) {
      throw new IllegalStateException("Closed.");
    }
    if (server != null) {
      throw new IllegalStateException("Already started.");
    }
    Router router =
        new Router(
            apiKey,
            ulid,
            new ConversationApi(store),
            new ResponseApi(store, ulid, tokenDelay, script),
            script,
            recorded,
            requestCount);
    configureJdkServer();
    HttpServer http;
    try {
      InetAddress loopback = InetAddress.getByAddress(new byte[] {127, 0, 0, 1}); // no lookup
      http = HttpServer.create(new InetSocketAddress(loopback, port), BACKLOG);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot bind 127.0.0.1:" + port, e);
    }
    executor = newExecutor(threads);
    http.setExecutor(executor);
    http.createContext("/", router);
    http.start();
    server = http;
    return this;
  }

  /**
   * Returns the base URL with a trailing slash, e.g. {@code "http://127.0.0.1:53211/"}.
   *
   * @throws IllegalStateException if not started
   */
  public synchronized String baseUrl() {
    if (server == null) {
      throw new IllegalStateException("Not started.");
    }
    return "http://127.0.0.1:" + server.getAddress().getPort() + "/";
  }

  /** Returns the API key that requests must carry as {@code Authorization: Bearer <key>}. */
  public String apiKey() {
    return apiKey;
  }

  /**
   * Queues responses for the next {@code createConversationResponse} requests, to any conversation,
   * one each, in order. Once the queue is empty the server echoes again.
   */
  public void enqueue(ScriptedResponse... responses) {
    if (responses == null) {
      throw new NullPointerException("responses == null");
    }
    for (int i = 0; i < responses.length; i++) {
      if (responses[i] == null) {
        throw new NullPointerException("responses[" + i + "] == null");
      }
    }
    for (ScriptedResponse response : responses) {
      script.enqueue(response);
    }
  }

  /**
   * Answers the next {@code times} requests of {@code operation} with {@code error} instead of
   * running them (after the API key is checked, before the body is). Errors queued for one
   * operation are answered in order; other operations are not affected.
   *
   * @throws IllegalArgumentException when {@code times} is less than 1
   */
  public void failNext(Operation operation, int times, ScriptedError error) {
    if (operation == null) {
      throw new NullPointerException("operation == null");
    }
    if (error == null) {
      throw new NullPointerException("error == null");
    }
    if (times < 1) {
      throw new IllegalArgumentException("times must be at least 1, was " + times);
    }
    script.failNext(operation, times, error);
  }

  /**
   * Removes and returns the oldest request not taken yet, waiting for one to arrive if need be.
   * Prefer {@link #takeRequest(long, TimeUnit)} in tests, which cannot hang.
   *
   * @throws IllegalStateException when the builder turned recording off
   */
  public RecordedRequest takeRequest() throws InterruptedException {
    return recorded().take();
  }

  /**
   * As {@link #takeRequest()}, waiting at most {@code timeout}.
   *
   * @return the request, or null when none arrived in time
   */
  public RecordedRequest takeRequest(long timeout, TimeUnit unit) throws InterruptedException {
    if (unit == null) {
      throw new NullPointerException("unit == null");
    }
    return recorded().poll(timeout, unit);
  }

  /** How many requests the server has received so far, taken or not. */
  public int requestCount() {
    return requestCount.get();
  }

  /**
   * The conversations stored now, oldest first, each as the JSON that retrieve returns (with its
   * {@code messages}); a snapshot the server's later changes do not affect.
   */
  public List<JsonObject> storedConversations() {
    return store.snapshot();
  }

  /** Stops the server at once, closing open connections and streams. Idempotent. */
  @Override
  public synchronized void close() {
    closed = true;
    if (server == null) {
      return;
    }
    server.stop(0);
    executor.shutdownNow();
    try {
      executor.awaitTermination(2, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    server = null;
  }

  private BlockingQueue<RecordedRequest> recorded() {
    if (recorded == null) {
      throw new IllegalStateException(
          "This server does not record requests; see Builder.recordRequests.");
    }
    return recorded;
  }

  /**
   * Runs a server from the command line until the process is killed: {@code --port N} (default 0,
   * ephemeral), {@code --api-key K} (default {@code local-test-key}), {@code --token-delay-ms N}
   * (default 0) and {@code --script FILE} (scripted responses and errors as JSON, see the module's
   * README). Prints the base URL on the first line of standard output. Requests are not recorded.
   */
  public static void main(String[] args) throws InterruptedException {
    LocalOrqServer server;
    try {
      server = CommandLine.launch(args, System.out);
    } catch (IllegalArgumentException e) {
      System.err.println(e.getMessage());
      System.err.println(CommandLine.USAGE);
      System.exit(2);
      return;
    }
    if (server != null) {
      Runtime.getRuntime().addShutdownHook(new Thread(server::close, "orq-local-server-shutdown"));
      new CountDownLatch(1).await();
    }
  }

  /**
   * Two settings of the JDK server, which it reads once, when its first server is created; an
   * explicit setting is left alone. It flushes headers and body in separate writes: without
   * TCP_NODELAY, Nagle's algorithm meeting the client's delayed ACK adds about 40 ms to every
   * response. And once 200 connections are idle it closes each further one after its answer,
   * without a {@code Connection: close}, so a client that sends its next request on it meanwhile
   * sees the connection closed without an answer: the limit is raised to the backlog.
   */
  private static void configureJdkServer() {
    prefer(NO_DELAY, "true");
    prefer(MAX_IDLE_CONNECTIONS, String.valueOf(BACKLOG));
  }

  private static void prefer(String property, String value) {
    try {
      if (System.getProperty(property) == null) {
        System.setProperty(property, value);
      }
    } catch (SecurityException e) {
      // Not allowed here: the server works, only slower or with fewer kept-alive connections.
    }
  }

  private static ThreadPoolExecutor newExecutor(int threads) {
    AtomicInteger count = new AtomicInteger();
    ThreadFactory factory =
        runnable -> {
          Thread thread = new Thread(runnable, "orq-local-server-" + count.incrementAndGet());
          thread.setDaemon(true);
          return thread;
        };
    ThreadPoolExecutor pool =
        new ThreadPoolExecutor(
            threads, threads, 30, TimeUnit.SECONDS, new LinkedBlockingQueue<>(), factory);
    pool.allowCoreThreadTimeOut(true);
    return pool;
  }

  /** Configures a {@link LocalOrqServer}. Not thread-safe. */
  public static final class Builder {
    private String apiKey = "local-test-key";
    private int port;
    private Duration tokenDelay = Duration.ZERO;
    private int threads = DEFAULT_THREADS;
    private boolean recordRequests = true;
    private ScriptFile scriptFile;

    private Builder() {}

    /** The key requests must present as a bearer token. Defaults to {@code "local-test-key"}. */
    public Builder apiKey(String apiKey) {
      if (apiKey == null) {
        throw new NullPointerException("apiKey == null");
      }
      if (apiKey.trim().isEmpty()) {
        throw new IllegalArgumentException("apiKey is blank");
      }
      this.apiKey = apiKey;
      return this;
    }

    /** The loopback port to bind, 0 to 65535. Defaults to 0: an ephemeral port. */
    public Builder port(int port) {
      if (port < 0 || port > 65535) {
        throw new IllegalArgumentException("port out of range: " + port);
      }
      this.port = port;
      return this;
    }

    /** The pause before each streamed {@code part.delta} event. Defaults to zero. */
    public Builder tokenDelay(Duration tokenDelay) {
      if (tokenDelay == null) {
        throw new NullPointerException("tokenDelay == null");
      }
      if (tokenDelay.isNegative()) {
        throw new IllegalArgumentException("tokenDelay is negative: " + tokenDelay);
      }
      this.tokenDelay = tokenDelay;
      return this;
    }

    /**
     * Whether to keep every request for {@link LocalOrqServer#takeRequest()}. Defaults to true; a
     * long-running server (the command line) turns it off so memory does not grow.
     */
    public Builder recordRequests(boolean recordRequests) {
      this.recordRequests = recordRequests;
      return this;
    }

    /** A script read from the command line, queued when the server is built. */
    Builder scriptFile(ScriptFile scriptFile) {
      this.scriptFile = scriptFile;
      return this;
    }

    /** Request-handling threads; for tests of this module only. */
    Builder threads(int threads) {
      this.threads = threads;
      return this;
    }

    /** Returns a server that is not yet started; call {@link LocalOrqServer#start()}. */
    public LocalOrqServer build() {
      return new LocalOrqServer(this);
    }
  }
}
