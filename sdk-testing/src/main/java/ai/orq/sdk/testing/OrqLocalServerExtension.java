package ai.orq.sdk.testing;

import ai.orq.sdk.OrqClient;
import ai.orq.sdk.localserver.LocalOrqServer;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolutionException;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.junit.platform.commons.support.AnnotationSupport;

/**
 * The JUnit 5 extension behind {@link OrqLocalServerTest}: starts a {@link LocalOrqServer} and an
 * {@link OrqClient} pointed at it before each test (or once before all tests of a class), resolves
 * parameters of those two types, and closes both afterwards, after the test's own
 * {@code @AfterEach} (or {@code @AfterAll}) methods. Each server binds its own ephemeral port, so
 * tests can run in parallel.
 *
 * <p>Register it yourself to configure the server or the client:
 *
 * <pre>{@code
 * @RegisterExtension
 * final OrqLocalServerExtension orq = OrqLocalServerExtension.builder()
 *     .client(client -> client.maxRetries(0))
 *     .build();
 *
 * @Test
 * void rateLimited() {
 *   orq.server().failNext(Operation.CREATE, 1, ScriptedError.status(429));
 *   // ... run the code under test with orq.client() ...
 * }
 * }</pre>
 *
 * <p>Registered in an instance field or through {@code @ExtendWith}, it reads {@link
 * OrqLocalServerTest#perClass()} from the test class; built with the builder, the builder decides.
 * Use either the annotation or a registered extension on one class, not both.
 */
public final class OrqLocalServerExtension
    implements BeforeAllCallback,
        AfterAllCallback,
        BeforeEachCallback,
        AfterEachCallback,
        ParameterResolver {
  private static final ExtensionContext.Namespace NAMESPACE =
      ExtensionContext.Namespace.create(OrqLocalServerExtension.class);
  private static final String KEY = "environment";

  /** Null: whatever {@link OrqLocalServerTest#perClass()} says. */
  private final Boolean perClass;

  private final Consumer<LocalOrqServer.Builder> serverSettings;
  private final Consumer<OrqClient.Builder> clientSettings;

  /** The per-class environment; null when none is running. */
  private volatile Environment classEnvironment;

  /** The per-test environment of the test running on this thread. */
  @SuppressWarnings("ThreadLocalUsage") // one per extension instance, by design
  private final ThreadLocal<Environment> testEnvironment = new ThreadLocal<>();

  /** The extension with the defaults, as {@link OrqLocalServerTest} registers it. */
  public OrqLocalServerExtension() {
    this(null, server -> {}, client -> {});
  }

  private OrqLocalServerExtension(
      Boolean perClass,
      Consumer<LocalOrqServer.Builder> serverSettings,
      Consumer<OrqClient.Builder> clientSettings) {
    this.perClass = perClass;
    this.serverSettings = serverSettings;
    this.clientSettings = clientSettings;
  }

  public static Builder builder() {
    return new Builder();
  }

  /**
   * The server of the current test: the class's server when it is shared per class, otherwise the
   * server of the test running on the calling thread.
   *
   * @throws IllegalStateException outside a test and its lifecycle methods
   */
  public LocalOrqServer server() {
    return current().server;
  }

  /**
   * The client of the current test, pointed at {@link #server()}.
   *
   * @throws IllegalStateException outside a test and its lifecycle methods
   */
  public OrqClient client() {
    return current().client;
  }

  /** A {@code @Nested} class shares the server of its enclosing class. */
  @Override
  public void beforeAll(ExtensionContext context) {
    if (isPerClass(context) && context.getStore(NAMESPACE).get(KEY) == null) {
      classEnvironment = start(context);
    }
  }

  @Override
  public void afterAll(ExtensionContext context) {
    if (isPerClass(context) && stop(context)) {
      classEnvironment = null;
    }
  }

  @Override
  public void beforeEach(ExtensionContext context) {
    if (!isPerClass(context)) {
      testEnvironment.set(start(context));
    }
  }

  @Override
  public void afterEach(ExtensionContext context) {
    if (!isPerClass(context)) {
      testEnvironment.remove();
      stop(context);
    }
  }

  @Override
  public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
    Class<?> type = parameter.getParameter().getType();
    return type == LocalOrqServer.class || type == OrqClient.class;
  }

  @Override
  public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
    Environment environment = context.getStore(NAMESPACE).get(KEY, Environment.class);
    if (environment == null) {
      throw new ParameterResolutionException(
          "No local orq server is running for "
              + parameter.getDeclaringExecutable()
              + ": with a server per test, only @BeforeEach, @Test and @AfterEach methods can take"
              + " one; use @OrqLocalServerTest(perClass = true) for constructors and @BeforeAll"
              + " methods");
    }
    return parameter.getParameter().getType() == LocalOrqServer.class
        ? environment.server
        : environment.client;
  }

  private boolean isPerClass(ExtensionContext context) {
    if (perClass != null) {
      return perClass;
    }
    for (Class<?> type = context.getRequiredTestClass();
        type != null;
        type = type.getEnclosingClass()) {
      Optional<OrqLocalServerTest> annotation =
          AnnotationSupport.findAnnotation(type, OrqLocalServerTest.class);
      if (annotation.isPresent()) {
        return annotation.get().perClass();
      }
    }
    return false;
  }

  private Environment start(ExtensionContext context) {
    LocalOrqServer.Builder serverBuilder = LocalOrqServer.builder();
    serverSettings.accept(serverBuilder);
    LocalOrqServer server = serverBuilder.build().start();
    try {
      OrqClient.Builder clientBuilder =
          OrqClient.builder().apiKey(server.apiKey()).baseUrl(server.baseUrl());
      clientSettings.accept(clientBuilder);
      Environment environment = new Environment(server, clientBuilder.build());
      context.getStore(NAMESPACE).put(KEY, environment);
      return environment;
    } catch (RuntimeException | Error e) {
      server.close();
      throw e;
    }
  }

  /** Closes the environment this context started, if it started one. */
  private static boolean stop(ExtensionContext context) {
    Environment environment = context.getStore(NAMESPACE).remove(KEY, Environment.class);
    if (environment == null) {
      return false;
    }
    environment.close();
    return true;
  }

  private Environment current() {
    Environment environment = classEnvironment != null ? classEnvironment : testEnvironment.get();
    if (environment == null) {
      throw new IllegalStateException(
          "No local orq server is running here: call server() and client() from a test or its"
              + " lifecycle methods");
    }
    return environment;
  }

  /** A running server and its client. */
  private static final class Environment {
    final LocalOrqServer server;
    final OrqClient client;

    Environment(LocalOrqServer server, OrqClient client) {
      this.server = server;
      this.client = client;
    }

    void close() {
      try {
        client.close();
      } finally {
        server.close();
      }
    }
  }

  /** Configures an {@link OrqLocalServerExtension}. Not thread-safe. */
  public static final class Builder {
    private boolean perClass;
    private Consumer<LocalOrqServer.Builder> serverSettings = server -> {};
    private Consumer<OrqClient.Builder> clientSettings = client -> {};

    private Builder() {}

    /**
     * One server and client for all tests of the class (register the extension in a static field
     * then), instead of a fresh pair for each test. Defaults to false.
     */
    public Builder perClass(boolean perClass) {
      this.perClass = perClass;
      return this;
    }

    /** Applied to each server's builder before it starts, e.g. {@code s -> s.tokenDelay(...)}. */
    public Builder server(Consumer<LocalOrqServer.Builder> settings) {
      this.serverSettings = Objects.requireNonNull(settings, "settings == null");
      return this;
    }

    /**
     * Applied to each client's builder, after its API key and base URL are set, e.g. {@code c ->
     * c.maxRetries(0)}.
     */
    public Builder client(Consumer<OrqClient.Builder> settings) {
      this.clientSettings = Objects.requireNonNull(settings, "settings == null");
      return this;
    }

    public OrqLocalServerExtension build() {
      return new OrqLocalServerExtension(perClass, serverSettings, clientSettings);
    }
  }
}
