package ai.orq.sdk.reliability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.orq.sdk.OrqClient;
import ai.orq.sdk.StreamResponse;
import ai.orq.sdk.model.ResponseEvent;
import java.io.IOException;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import okhttp3.Call;
import okhttp3.EventListener;
import okhttp3.Interceptor;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Point 2 of issue 22: the key never leaves the SDK's own interceptor. Every hook OkHttp offers a
 * user (application and network interceptors of their client, interceptors added to the builder, an
 * {@link EventListener}, an authenticator) records every request it can reach, including those of
 * the responses it sees ({@code request()}, {@code networkResponse()}, {@code priorResponse()});
 * none may hold the key, for calls and streams, blocking and async. Before the fix, the responses
 * seen by interceptors and the listener carried {@code Authorization: Bearer <key>}. (The headers
 * are recorded as a map: OkHttp's {@code Headers.toString()} would hide the key by itself.)
 */
class HostileKeyTest {
  private final List<String> seen = new CopyOnWriteArrayList<>();

  private HostileServer server() throws IOException {
    return new HostileServer(
        (request, out) -> {
          String body = request.method().equals("GET") ? Bodies.WITH_MESSAGES : Bodies.EVENTS;
          String type = request.method().equals("GET") ? "application/json" : "text/event-stream";
          byte[] bytes = body.getBytes(java.nio.charset.StandardCharsets.UTF_8);
          HostileServer.write(
              out,
              "HTTP/1.1 200 OK\r\nConnection: close\r\nContent-Type: "
                  + type
                  + "\r\nContent-Length: "
                  + bytes.length
                  + "\r\n\r\n"
                  + body);
        });
  }

  @ParameterizedTest(name = "{0}, async {1}")
  @CsvSource({"retrieve,false", "retrieve,true", "stream,false", "stream,true"})
  void noHookOfTheUserSeesTheKey(String operation, boolean async) throws Exception {
    OkHttpClient theirs =
        new OkHttpClient.Builder()
            .addInterceptor(recording("their interceptor"))
            .addNetworkInterceptor(recording("their network interceptor"))
            .eventListener(listener())
            .authenticator(
                (route, response) -> {
                  record("their authenticator", response);
                  return null;
                })
            .build();
    try (HostileServer server = server();
        OrqClient client =
            Hostile.client(
                server, b -> b.okHttpClient(theirs).addInterceptor(recording("added")))) {
      assertTimeoutPreemptively(Hostile.BOUND, () -> run(client, operation, async));

      assertEquals(
          "Bearer " + Hostile.KEY, server.requests().get(0).headers().get("Authorization"));
    } finally {
      theirs.dispatcher().executorService().shutdown();
    }
    assertTrue(seen.size() >= 10, "every hook ran: " + seen);
    List<String> leaks =
        seen.stream()
            .filter(line -> line.contains(Hostile.KEY))
            .map(line -> line.substring(0, line.indexOf(':')))
            .toList();
    assertEquals(List.of(), leaks, "hooks that saw the key");
  }

  private static void run(OrqClient client, String operation, boolean async) throws Exception {
    if (operation.equals("retrieve")) {
      if (async) {
        client.conversations().retrieve(Bodies.ID).executeAsync().get(10, TimeUnit.SECONDS);
      } else {
        client.conversations().retrieve(Bodies.ID).execute();
      }
    } else if (async) {
      client
          .conversations()
          .createConversationResponseAsync(Bodies.ID, Operation.streamRequest())
          .subscribe(event -> {})
          .onCompleteFuture()
          .get(10, TimeUnit.SECONDS);
    } else {
      try (StreamResponse<ResponseEvent> events =
          client.conversations().createConversationResponse(Bodies.ID, Operation.streamRequest())) {
        events.forEach(event -> {});
      }
    }
  }

  private Interceptor recording(String hook) {
    return chain -> {
      seen.add(hook + " request: " + chain.request().headers().toMultimap());
      Response response = chain.proceed(chain.request());
      record(hook, response);
      return response;
    };
  }

  private void record(String hook, Response response) {
    for (Response r = response; r != null; r = r.priorResponse()) {
      seen.add(hook + " response.request(): " + r.request().headers().toMultimap());
      if (r.networkResponse() != null) {
        seen.add(
            hook
                + " networkResponse().request(): "
                + r.networkResponse().request().headers().toMultimap());
      }
      if (r.cacheResponse() != null) {
        seen.add(
            hook
                + " cacheResponse().request(): "
                + r.cacheResponse().request().headers().toMultimap());
      }
    }
  }

  private EventListener listener() {
    return new EventListener() {
      @Override
      public void callStart(Call call) {
        seen.add("listener callStart: " + call.request().headers().toMultimap());
      }

      @Override
      public void requestHeadersEnd(Call call, Request request) {
        seen.add("listener requestHeadersEnd: " + request.headers().toMultimap());
      }

      @Override
      public void responseHeadersEnd(Call call, Response response) {
        record("listener responseHeadersEnd", response);
      }

      @Override
      public void callEnd(Call call) {
        seen.add("listener callEnd: " + call.request().headers().toMultimap());
      }
    };
  }
}
