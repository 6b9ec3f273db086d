package ai.orq.sdk.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import ai.orq.sdk.OrqClient;
import ai.orq.sdk.errors.OrqIoException;
import ai.orq.sdk.errors.RateLimitException;
import ai.orq.sdk.localserver.LocalOrqServer;
import ai.orq.sdk.localserver.Operation;
import ai.orq.sdk.localserver.ScriptedError;
import ai.orq.sdk.model.CreateConversationRequest;
import java.io.IOException;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIf;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;
import org.junit.platform.launcher.listeners.SummaryGeneratingListener;
import org.junit.platform.launcher.listeners.TestExecutionSummary;

/**
 * What the extension does around a test class: runs the fixture classes below with the JUnit
 * launcher (surefire skips nested classes) and checks what they saw and what is left afterwards.
 */
class ExtensionLifecycleTest {
  private static final String FIXTURE = "ai.orq.sdk.testing.ExtensionLifecycleTest#launching";

  /** What the fixtures saw, in order; each fixture run starts with an empty list. */
  static final List<Object> SEEN = Collections.synchronizedList(new ArrayList<>());

  /** The fixtures run only when launched from here, not when a build tool finds them. */
  private static volatile boolean launching;

  static boolean launching() {
    return launching;
  }

  @Test
  void aServerPerTestIsInjectedEverywhereAndClosedAfterTheTest() {
    TestExecutionSummary summary = run(PerTest.class);
    assertEquals(2, summary.getTestsSucceededCount(), failures(summary));

    LocalOrqServer first = (LocalOrqServer) SEEN.get(0);
    assertSame(first, SEEN.get(1), "@BeforeEach and @Test share the server");
    assertSame(first, SEEN.get(2), "and @AfterEach");
    LocalOrqServer second = (LocalOrqServer) SEEN.get(4);
    assertNotEquals(first, second, "the next test has a new server");
    assertClosed(first);
    assertClosed(second);
    assertClosed((OrqClient) SEEN.get(SEEN.size() - 1));
  }

  @Test
  void aServerPerClassIsSharedByTheTestsAndClosedAfterTheClass() {
    TestExecutionSummary summary = run(PerClass.class);
    assertEquals(2, summary.getTestsSucceededCount(), failures(summary));

    LocalOrqServer server = (LocalOrqServer) SEEN.get(0);
    for (Object seen : SEEN.subList(1, 4)) {
      assertSame(server, seen, "@BeforeAll, both tests and @AfterAll share one server");
    }
    assertEquals(1, SEEN.get(4), "the second test saw the first test's conversation");
    assertClosed(server);
  }

  @Test
  void nestedClassesShareTheServerOfTheirEnclosingClass() {
    TestExecutionSummary summary = run(PerClassWithNested.class);
    assertEquals(2, summary.getTestsSucceededCount(), failures(summary));
    assertEquals(4, SEEN.size(), SEEN.toString());
    for (Object seen : SEEN) {
      assertSame(SEEN.get(0), seen, "outer test, nested test, nested and outer @AfterAll");
    }
    assertClosed((LocalOrqServer) SEEN.get(0));
  }

  @Test
  void aServerPerTestCannotGoIntoBeforeAll() {
    TestExecutionSummary summary = run(PerTestInBeforeAll.class);
    assertEquals(1, summary.getContainersFailedCount());
    String message = summary.getFailures().get(0).getException().getMessage();
    assertTrue(
        message.contains(
            "use @OrqLocalServerTest(perClass = true) for constructors and @BeforeAll methods"),
        message);
  }

  @Test
  void aRegisteredExtensionAppliesItsSettings() {
    TestExecutionSummary summary = run(Registered.class);
    assertEquals(1, summary.getTestsSucceededCount(), failures(summary));
    assertEquals("custom-key", SEEN.get(0));
    assertTrue(SEEN.get(1) instanceof RateLimitException, "no retries: " + SEEN.get(1));
    assertClosed((LocalOrqServer) SEEN.get(2));
  }

  @Test
  void aStaticRegisteredExtensionCanServeTheWholeClass() {
    TestExecutionSummary summary = run(RegisteredPerClass.class);
    assertEquals(2, summary.getTestsSucceededCount(), failures(summary));
    assertSame(SEEN.get(0), SEEN.get(1));
    assertClosed((LocalOrqServer) SEEN.get(0));
  }

  @Test
  void outsideATestThereIsNoServer() {
    OrqLocalServerExtension extension = OrqLocalServerExtension.builder().build();
    assertEquals(
        "No local orq server is running here: call server() and client() from a test or its"
            + " lifecycle methods",
        assertThrows(IllegalStateException.class, extension::server).getMessage());
    assertThrows(IllegalStateException.class, extension::client);
    assertEquals(
        "settings == null",
        assertThrows(
                NullPointerException.class, () -> OrqLocalServerExtension.builder().server(null))
            .getMessage());
    assertEquals(
        "settings == null",
        assertThrows(
                NullPointerException.class, () -> OrqLocalServerExtension.builder().client(null))
            .getMessage());
  }

  @Test
  void aFailingClientSettingStopsTheServerItStarted() throws IOException {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      BadClientSettings.port = socket.getLocalPort();
    }
    TestExecutionSummary summary = run(BadClientSettings.class);
    assertEquals(1, summary.getTestsFailedCount());
    Throwable failure = summary.getFailures().get(0).getException();
    assertInstanceOf(IllegalArgumentException.class, failure);
    assertTrue(failure.getMessage().startsWith("timeout"), failure.getMessage());
    assertThrows(
        ConnectException.class,
        () -> new Socket(InetAddress.getLoopbackAddress(), BadClientSettings.port).close(),
        "the server on port " + BadClientSettings.port + " was stopped");
  }

  private static TestExecutionSummary run(Class<?> fixture) {
    SEEN.clear();
    SummaryGeneratingListener listener = new SummaryGeneratingListener();
    launching = true;
    try {
      LauncherFactory.create()
          .execute(
              LauncherDiscoveryRequestBuilder.request().selectors(selectClass(fixture)).build(),
              listener);
    } finally {
      launching = false;
    }
    return listener.getSummary();
  }

  private static String failures(TestExecutionSummary summary) {
    StringBuilder text = new StringBuilder();
    summary.getFailures().forEach(failure -> text.append(failure.getException()).append('\n'));
    return text.toString();
  }

  private static void assertClosed(LocalOrqServer server) {
    assertThrows(IllegalStateException.class, server::baseUrl, "stopped");
  }

  private static void assertClosed(OrqClient client) {
    assertThrows(OrqIoException.class, () -> client.conversations().list().execute(), "closed");
  }

  @EnabledIf(FIXTURE)
  @OrqLocalServerTest
  static class PerTest {
    @BeforeEach
    void before(LocalOrqServer server) {
      SEEN.add(server);
    }

    @Test
    void first(LocalOrqServer server, OrqClient client) {
      SEEN.add(server);
      assertTrue(client.conversations().list().execute().getData().isEmpty());
    }

    @Test
    void second(LocalOrqServer server) {
      SEEN.add(server);
    }

    @AfterEach
    void after(LocalOrqServer server, OrqClient client) {
      SEEN.add(server);
      SEEN.add(client);
    }
  }

  @EnabledIf(FIXTURE)
  @OrqLocalServerTest(perClass = true)
  static class PerClass {
    @BeforeAll
    static void before(LocalOrqServer server) {
      SEEN.add(server);
    }

    @Test
    void first(LocalOrqServer server, OrqClient client) {
      SEEN.add(server);
      client
          .conversations()
          .create(CreateConversationRequest.builder().projectId("p").build())
          .execute();
    }

    @Test
    void second(LocalOrqServer server) {
      SEEN.add(server);
    }

    @AfterAll
    static void after(LocalOrqServer server) {
      SEEN.add(server);
      SEEN.add(server.storedConversations().size());
    }
  }

  @EnabledIf(FIXTURE)
  @OrqLocalServerTest(perClass = true)
  static class PerClassWithNested {
    @Test
    void outer(LocalOrqServer server) {
      SEEN.add(server);
    }

    @Nested
    class Inner {
      @Test
      void inner(LocalOrqServer server) {
        SEEN.add(server);
      }

      @AfterAll
      static void afterInner(LocalOrqServer server) {
        SEEN.add(server);
      }
    }

    @AfterAll
    static void afterOuter(LocalOrqServer server) {
      SEEN.add(server);
    }
  }

  @EnabledIf(FIXTURE)
  @OrqLocalServerTest
  static class PerTestInBeforeAll {
    @BeforeAll
    static void before(LocalOrqServer server) {
      SEEN.add(server);
    }

    @Test
    void never() {}
  }

  @EnabledIf(FIXTURE)
  static class Registered {
    @RegisterExtension
    final OrqLocalServerExtension orq =
        OrqLocalServerExtension.builder()
            .server(server -> server.apiKey("custom-key"))
            .client(client -> client.maxRetries(0))
            .build();

    @Test
    void usesTheSettings() {
      SEEN.add(orq.server().apiKey());
      orq.server().failNext(Operation.LIST, 1, ScriptedError.status(429));
      try {
        orq.client().conversations().list().execute();
      } catch (RateLimitException e) {
        SEEN.add(e);
      }
      SEEN.add(orq.server());
    }
  }

  @EnabledIf(FIXTURE)
  static class RegisteredPerClass {
    @RegisterExtension
    static final OrqLocalServerExtension ORQ =
        OrqLocalServerExtension.builder().perClass(true).build();

    @Test
    void first() {
      SEEN.add(ORQ.server());
    }

    @Test
    void second() {
      SEEN.add(ORQ.server());
    }
  }

  @EnabledIf(FIXTURE)
  static class BadClientSettings {
    static volatile int port;

    @RegisterExtension
    final OrqLocalServerExtension orq =
        OrqLocalServerExtension.builder()
            .server(server -> server.port(port))
            .client(client -> client.timeout(Duration.ofSeconds(-1)))
            .build();

    @Test
    void never() {}
  }
}
