package ai.orq.sdk;

import static ai.orq.sdk.TestServers.API_KEY;
import static ai.orq.sdk.TestServers.errorJson;
import static ai.orq.sdk.TestServers.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.matching;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import ai.orq.sdk.errors.UnauthorizedException;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.regex.Pattern;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Building, configuring and closing the client. */
class OrqClientTest {
  private static final String PATH = "/v2/conversations/conv_1";

  @RegisterExtension static WireMockExtension server = TestServers.wireMock();

  @Test
  void aMissingKeyFailsAtBuildTime() {
    IllegalStateException e =
        assertThrows(IllegalStateException.class, () -> OrqClient.builder().build());

    assertTrue(
        e.getMessage().contains("ORQ_API_KEY") && e.getMessage().contains("apiKey("),
        e.getMessage());
    assertThrows(
        IllegalStateException.class,
        () -> OrqClient.builder().fromEnv(Map.<String, String>of()::get).build());
    assertThrows(
        IllegalStateException.class,
        () ->
            OrqClient.builder()
                .fromEnv(Map.of("ORQ_API_KEY", " ", "ORQ_BASE_URL", "")::get)
                .build());
  }

  @Test
  void fromEnvFailsWithoutTheVariable() {
    assumeTrue(System.getenv("ORQ_API_KEY") == null, "ORQ_API_KEY is set here");

    IllegalStateException e = assertThrows(IllegalStateException.class, OrqClient::fromEnv);

    assertTrue(e.getMessage().contains("ORQ_API_KEY"));
  }

  @Test
  void fromEnvReadsTheKeyAndTheBaseUrlAndTakesMoreOptions() {
    server.stubFor(
        get(urlEqualTo("/gateway/orq" + PATH)).willReturn(okJson(Fixtures.WITH_MESSAGES)));
    Map<String, String> env =
        Map.of(
            "ORQ_API_KEY",
            "sk-from-env",
            "ORQ_BASE_URL",
            TestServers.baseUrl(server) + "/gateway/orq");

    try (OrqClient client =
        OrqClient.builder().fromEnv(env::get).applicationId("env-app/1").build()) {
      client.conversations().retrieve("conv_1").execute();
    }

    server.verify(
        getRequestedFor(urlEqualTo("/gateway/orq" + PATH))
            .withHeader("Authorization", equalTo("Bearer sk-from-env"))
            .withHeader("User-Agent", matching(".* env-app/1")));
  }

  @Test
  void aBaseUrlKeepsItsPathPrefixWithOrWithoutTrailingSlash() {
    server.stubFor(get(urlEqualTo("/orq" + PATH)).willReturn(okJson(Fixtures.WITH_MESSAGES)));

    for (String prefix : List.of("/orq", "/orq/")) {
      try (OrqClient client =
          OrqClient.builder()
              .apiKey(API_KEY)
              .baseUrl(TestServers.baseUrl(server) + prefix)
              .build()) {
        assertEquals(TestServers.baseUrl(server) + "/orq/", client.context().baseUrl().toString());
        client.conversations().retrieve("conv_1").execute();
      }
    }
    server.verify(2, getRequestedFor(urlEqualTo("/orq" + PATH)));
  }

  @Test
  void defaults() {
    try (OrqClient client = OrqClient.builder().apiKey(API_KEY).build()) {
      OkHttpClient http = client.context().httpClient();
      assertEquals("https://my.orq.ai/", client.context().baseUrl().toString());
      assertEquals(60_000, http.connectTimeoutMillis());
      assertEquals(600_000, http.callTimeoutMillis());
      assertEquals(600_000, http.readTimeoutMillis());
      assertEquals(600_000, http.writeTimeoutMillis());
      assertFalse(http.retryOnConnectionFailure());
      assertEquals(64, http.dispatcher().getMaxRequestsPerHost());
      assertEquals(2, client.context().defaults().maxRetries());
      assertEquals("OrqClient{baseUrl=https://my.orq.ai/, maxRetries=2}", client.toString());
    }
  }

  @Test
  void settingsReachTheOkHttpClient() {
    try (OrqClient client =
        OrqClient.builder()
            .apiKey(API_KEY)
            .connectTimeout(Duration.ofSeconds(5))
            .timeout(Duration.ofSeconds(30))
            .maxRetries(5)
            .build()) {
      OkHttpClient http = client.context().httpClient();
      assertEquals(5_000, http.connectTimeoutMillis());
      assertEquals(30_000, http.callTimeoutMillis());
      assertEquals(30_000, http.readTimeoutMillis());
      assertEquals(5, client.context().defaults().maxRetries());
      assertEquals(
          1,
          RequestOptions.builder()
              .maxRetries(1)
              .build()
              .applyTo(client.context().defaults())
              .maxRetries());
    }
  }

  @Test
  void theUserAgentNamesTheSdkItsVersionJavaAndTheApplication() {
    server.stubFor(get(urlEqualTo(PATH)).willReturn(okJson(Fixtures.WITH_MESSAGES)));

    try (OrqClient client =
        OrqClient.builder()
            .apiKey(API_KEY)
            .baseUrl(TestServers.baseUrl(server))
            .applicationId("my-app/1.2")
            .build()) {
      client.conversations().retrieve("conv_1").execute();
    }

    String userAgent = TestServers.requests(server).get(0).getHeader("User-Agent");
    String expected =
        "orq-java/\\d+\\.\\d+\\.\\d+(-SNAPSHOT)? \\(Java "
            + Pattern.quote(System.getProperty("java.version"))
            + "\\) my-app/1\\.2";
    assertTrue(userAgent.matches(expected), userAgent);
  }

  @Test
  void invalidSettingsFailNamingTheArgument() {
    OrqClient.Builder builder = OrqClient.builder();
    assertMessage("apiKey == null", NullPointerException.class, () -> builder.apiKey(null));
    assertMessage(
        "apiKey must not be blank", IllegalArgumentException.class, () -> builder.apiKey(" \t"));
    assertMessage("baseUrl == null", NullPointerException.class, () -> builder.baseUrl(null));
    assertMessage(
        "baseUrl must be an http or https URL without query or fragment, was ftp://x",
        IllegalArgumentException.class,
        () -> builder.baseUrl("ftp://x"));
    assertThrows(IllegalArgumentException.class, () -> builder.baseUrl("my.orq.ai"));
    assertThrows(IllegalArgumentException.class, () -> builder.baseUrl("https://my.orq.ai/?a=b"));
    assertThrows(IllegalArgumentException.class, () -> builder.baseUrl("https://my.orq.ai/#top"));
    assertMessage(
        "connectTimeout == null", NullPointerException.class, () -> builder.connectTimeout(null));
    assertMessage(
        "timeout must not be negative, was PT-1S",
        IllegalArgumentException.class,
        () -> builder.timeout(Duration.ofSeconds(-1)));
    assertMessage(
        "maxRetries must be >= 0, was -1",
        IllegalArgumentException.class,
        () -> builder.maxRetries(-1));
    assertMessage(
        "okHttpClient == null", NullPointerException.class, () -> builder.okHttpClient(null));
    assertMessage(
        "interceptor == null", NullPointerException.class, () -> builder.addInterceptor(null));
    assertMessage("logLevel == null", NullPointerException.class, () -> builder.logLevel(null));
    assertMessage(
        "applicationId must not be blank",
        IllegalArgumentException.class,
        () -> builder.applicationId(""));
    assertMessage(
        "applicationId must be printable ASCII, was 'café'",
        IllegalArgumentException.class,
        () -> builder.applicationId("café"));
    assertThrows(IllegalArgumentException.class, () -> builder.applicationId("a\nb"));
    String keyMessage =
        "apiKey must be printable ASCII without surrounding spaces (check for a trailing newline)";
    assertMessage(keyMessage, IllegalArgumentException.class, () -> builder.apiKey("sk-secret\r"));
    assertMessage(keyMessage, IllegalArgumentException.class, () -> builder.apiKey(" sk-secret"));
    assertMessage(keyMessage, IllegalArgumentException.class, () -> builder.apiKey("sk-sécret"));
  }

  @Test
  void theKeyNeverReachesLogsMessagesOrToString() {
    server.stubFor(
        get(urlEqualTo(PATH)).willReturn(errorJson(401, "{\"message\":\"Invalid API key\"}")));
    Logger okhttpLogger = Logger.getLogger(OkHttpClient.class.getName());
    List<String> logged = new CopyOnWriteArrayList<>();
    Handler handler =
        new Handler() {
          @Override
          public void publish(LogRecord record) {
            logged.add(record.getMessage());
          }

          @Override
          public void flush() {}

          @Override
          public void close() {}
        };
    okhttpLogger.addHandler(handler);
    List<String> texts = new ArrayList<>();
    try (OrqClient client =
        OrqClient.builder()
            .apiKey(API_KEY)
            .baseUrl(TestServers.baseUrl(server))
            .logLevel(LogLevel.BODY)
            .build()) {
      OrqCall<?> call = client.conversations().retrieve("conv_1");
      UnauthorizedException e = assertThrows(UnauthorizedException.class, call::execute);
      texts.add(e.getMessage());
      texts.add(e.toString());
      texts.add(client.toString());
      texts.add(client.context().toString());
      texts.add(call.toString());
      texts.add(
          RequestOptions.builder().header("Authorization", "Bearer " + API_KEY).build().toString());
    } finally {
      okhttpLogger.removeHandler(handler);
    }

    assertFalse(
        logged.stream().anyMatch(line -> line.startsWith("Authorization")),
        "the key is added below the logger: " + logged);
    assertTrue(logged.contains("{\"message\":\"Invalid API key\"}"), "bodies are logged at BODY");
    texts.addAll(logged);
    for (String text : texts) {
      assertFalse(text.contains(API_KEY), text);
    }
    assertEquals("HTTP 401 Unauthorized: Invalid API key (request id req_123)", texts.get(0));
  }

  @Test
  void nothingIsLoggedByDefault() {
    server.stubFor(get(urlEqualTo(PATH)).willReturn(okJson(Fixtures.WITH_MESSAGES)));
    Logger okhttpLogger = Logger.getLogger(OkHttpClient.class.getName());
    List<LogRecord> logged = new CopyOnWriteArrayList<>();
    Handler handler =
        new Handler() {
          @Override
          public void publish(LogRecord record) {
            logged.add(record);
          }

          @Override
          public void flush() {}

          @Override
          public void close() {}
        };
    okhttpLogger.addHandler(handler);
    try (OrqClient client =
        OrqClient.builder().apiKey(API_KEY).baseUrl(TestServers.baseUrl(server)).build()) {
      client.conversations().retrieve("conv_1").execute();
    } finally {
      okhttpLogger.removeHandler(handler);
    }
    assertEquals(List.of(), logged);
  }

  @Test
  void closeReleasesTheThreadsAndConnectionsOfAnOwnedClient() {
    server.stubFor(get(urlEqualTo(PATH)).willReturn(okJson(Fixtures.WITH_MESSAGES)));
    OrqClient client =
        OrqClient.builder().apiKey(API_KEY).baseUrl(TestServers.baseUrl(server)).build();
    client.conversations().retrieve("conv_1").executeAsync().join();
    OkHttpClient http = client.context().httpClient();
    assertEquals(1, http.connectionPool().connectionCount());

    client.close();
    client.close();

    assertTrue(http.dispatcher().executorService().isShutdown());
    assertEquals(0, http.connectionPool().connectionCount());
    assertTrue(client.context().timer().isClosed());
  }

  @Test
  void aUsersOkHttpClientIsSharedAndLeftOpen() {
    server.stubFor(get(urlEqualTo(PATH)).willReturn(okJson(Fixtures.WITH_MESSAGES)));
    List<String> seen = new CopyOnWriteArrayList<>();
    OkHttpClient users =
        new OkHttpClient.Builder()
            .addInterceptor(
                chain -> {
                  seen.add("user client: " + chain.request().header("Authorization"));
                  return chain.proceed(chain.request());
                })
            .build();
    OrqClient client =
        OrqClient.builder()
            .apiKey(API_KEY)
            .baseUrl(TestServers.baseUrl(server))
            .okHttpClient(users)
            .addInterceptor(
                chain -> {
                  seen.add("added: " + chain.request().header("X-Orq-Retry-Count"));
                  return chain.proceed(chain.request());
                })
            .build();
    OkHttpClient http = client.context().httpClient();

    client.conversations().retrieve("conv_1").executeAsync().join();
    client.close();

    assertSame(users.dispatcher(), http.dispatcher());
    assertSame(users.connectionPool(), http.connectionPool());
    assertFalse(users.dispatcher().executorService().isShutdown());
    assertEquals(1, users.connectionPool().connectionCount());
    assertEquals(List.of("user client: null", "added: 0"), seen, "the key is added after them");
    assertTrue(users.retryOnConnectionFailure(), "the user's own client is not changed");
    users.dispatcher().executorService().shutdown();
    users.connectionPool().evictAll();
  }

  @Test
  void newBuilderCopiesTheSettingsButNotTheResources() {
    server.stubFor(get(urlEqualTo(PATH)).willReturn(okJson(Fixtures.WITH_MESSAGES)));
    try (OrqClient first =
            OrqClient.builder()
                .apiKey(API_KEY)
                .baseUrl(TestServers.baseUrl(server))
                .applicationId("copied/1")
                .maxRetries(4)
                .build();
        OrqClient second = first.newBuilder().build()) {

      second.conversations().retrieve("conv_1").execute();

      assertEquals(first.toString(), second.toString());
      assertNotSame(
          first.context().httpClient().dispatcher(), second.context().httpClient().dispatcher());
      assertNotSame(first.context().timer(), second.context().timer());
    }
    server.verify(
        getRequestedFor(urlEqualTo(PATH))
            .withHeader("Authorization", equalTo("Bearer " + API_KEY))
            .withHeader("User-Agent", matching(".* copied/1")));
  }

  private static void assertMessage(
      String message,
      Class<? extends Throwable> type,
      org.junit.jupiter.api.function.Executable executable) {
    assertEquals(message, assertThrows(type, executable).getMessage());
  }
}
