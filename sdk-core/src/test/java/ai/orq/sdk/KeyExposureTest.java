package ai.orq.sdk;

import static ai.orq.sdk.TestServers.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import okhttp3.Call;
import okhttp3.EventListener;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import okhttp3.logging.HttpLoggingInterceptor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The API key never reaches the user's own interceptors or listener, which may log everything. */
class KeyExposureTest {
  @RegisterExtension static WireMockExtension server = TestServers.wireMock();

  @Test
  void loggingInterceptorsOfTheUserNeverSeeTheKey() {
    List<String> theirClientLog = new CopyOnWriteArrayList<>();
    List<String> addedLog = new CopyOnWriteArrayList<>();
    OkHttpClient theirs =
        new OkHttpClient.Builder()
            .addInterceptor(
                new HttpLoggingInterceptor(theirClientLog::add)
                    .setLevel(HttpLoggingInterceptor.Level.BODY))
            .build();
    server.stubFor(
        get(urlEqualTo("/v2/conversations/conv_1")).willReturn(okJson(Fixtures.WITH_MESSAGES)));

    try (OrqClient client =
        OrqClient.builder()
            .apiKey(TestServers.API_KEY)
            .baseUrl(TestServers.baseUrl(server))
            .okHttpClient(theirs)
            .addInterceptor(
                new HttpLoggingInterceptor(addedLog::add)
                    .setLevel(HttpLoggingInterceptor.Level.BODY))
            .build()) {
      client.conversations().retrieve("conv_1").execute();
    } finally {
      theirs.dispatcher().executorService().shutdown();
    }

    server.verify(
        getRequestedFor(urlEqualTo("/v2/conversations/conv_1"))
            .withHeader("Authorization", equalTo("Bearer " + TestServers.API_KEY)));
    for (List<String> log : List.of(theirClientLog, addedLog)) {
      assertTrue(
          log.stream().anyMatch(line -> line.contains("--> GET")), "the interceptor ran: " + log);
      assertFalse(
          String.join("\n", log).contains(TestServers.API_KEY), "the key was logged: " + log);
    }
  }

  /** Either kind alone keeps the key from the user's interceptors: each one is checked. */
  @ParameterizedTest(name = "on their client {0}")
  @ValueSource(booleans = {false, true})
  void oneInterceptorOfTheUserNeverSeesTheKey(boolean onTheirClient) {
    List<String> log = new CopyOnWriteArrayList<>();
    HttpLoggingInterceptor logging =
        new HttpLoggingInterceptor(log::add).setLevel(HttpLoggingInterceptor.Level.HEADERS);
    OkHttpClient theirs =
        onTheirClient
            ? new OkHttpClient.Builder().addInterceptor(logging).build()
            : new OkHttpClient();
    server.stubFor(
        get(urlEqualTo("/v2/conversations/conv_1")).willReturn(okJson(Fixtures.WITH_MESSAGES)));
    OrqClient.Builder builder =
        OrqClient.builder()
            .apiKey(TestServers.API_KEY)
            .baseUrl(TestServers.baseUrl(server))
            .okHttpClient(theirs);
    if (!onTheirClient) {
      builder.addInterceptor(logging);
    }

    try (OrqClient client = builder.build()) {
      client.conversations().retrieve("conv_1").execute();
    } finally {
      theirs.dispatcher().executorService().shutdown();
    }

    server.verify(
        getRequestedFor(urlEqualTo("/v2/conversations/conv_1"))
            .withHeader("Authorization", equalTo("Bearer " + TestServers.API_KEY)));
    assertTrue(
        log.stream().anyMatch(line -> line.contains("--> GET")), "the interceptor ran: " + log);
    assertFalse(String.join("\n", log).contains(TestServers.API_KEY), "the key was logged: " + log);
  }

  /**
   * The requests a network interceptor and an event listener of the user can reach, those of the
   * responses they see included, carry no key (the response the SDK's network interceptors return
   * has the request without it).
   */
  @Test
  void networkInterceptorsAndListenerOfTheUserNeverSeeTheKey() {
    List<String> seen = new CopyOnWriteArrayList<>();
    OkHttpClient theirs =
        new OkHttpClient.Builder()
            .addNetworkInterceptor(
                chain -> {
                  seen.add("network request " + chain.request().headers().toMultimap());
                  Response response = chain.proceed(chain.request());
                  seen.add(
                      "network response.request() " + response.request().headers().toMultimap());
                  return response;
                })
            .eventListener(
                new EventListener() {
                  @Override
                  public void requestHeadersEnd(Call call, Request request) {
                    seen.add("listener requestHeadersEnd " + request.headers().toMultimap());
                  }

                  @Override
                  public void responseHeadersEnd(Call call, Response response) {
                    seen.add(
                        "listener response.request() " + response.request().headers().toMultimap());
                  }
                })
            .build();
    server.stubFor(
        get(urlEqualTo("/v2/conversations/conv_1")).willReturn(okJson(Fixtures.WITH_MESSAGES)));

    try (OrqClient client =
        OrqClient.builder()
            .apiKey(TestServers.API_KEY)
            .baseUrl(TestServers.baseUrl(server))
            .okHttpClient(theirs)
            .build()) {
      client.conversations().retrieve("conv_1").execute();
    } finally {
      theirs.dispatcher().executorService().shutdown();
    }

    server.verify(
        getRequestedFor(urlEqualTo("/v2/conversations/conv_1"))
            .withHeader("Authorization", equalTo("Bearer " + TestServers.API_KEY)));
    assertEquals(4, seen.size(), "every hook ran once: " + seen);
    assertFalse(
        String.join("\n", seen).contains(TestServers.API_KEY), "a hook saw the key: " + seen);
  }
}
