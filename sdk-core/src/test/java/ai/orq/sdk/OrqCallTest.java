package ai.orq.sdk;

import static ai.orq.sdk.TestServers.API_KEY;
import static ai.orq.sdk.TestServers.errorJson;
import static ai.orq.sdk.TestServers.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.orq.sdk.errors.NotFoundException;
import ai.orq.sdk.errors.OrqCanceledException;
import ai.orq.sdk.errors.OrqException;
import ai.orq.sdk.errors.OrqTimeoutException;
import ai.orq.sdk.model.ConversationWithMessages;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import java.time.Duration;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import okhttp3.Dispatcher;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The call object: single use, clone, options, cancel (in flight and while waiting to retry). */
class OrqCallTest {
  private static final String PATH = "/v2/conversations/conv_1";

  @RegisterExtension static WireMockExtension server = TestServers.wireMock();

  @AutoClose
  private final OrqClient client =
      OrqClient.builder().apiKey(API_KEY).baseUrl(TestServers.baseUrl(server)).build();

  @Test
  void aCallRunsOnce() {
    server.stubFor(get(urlEqualTo(PATH)).willReturn(okJson(Fixtures.WITH_MESSAGES)));
    OrqCall<ConversationWithMessages> call = client.conversations().retrieve("conv_1");
    assertFalse(call.isExecuted());

    call.execute();

    assertTrue(call.isExecuted());
    assertEquals(
        "Already executed.", assertThrows(IllegalStateException.class, call::execute).getMessage());
    assertThrows(IllegalStateException.class, call::executeWithResponse);
    assertThrows(IllegalStateException.class, call::executeAsync);
    assertThrows(IllegalStateException.class, () -> call.enqueue(new IgnoringCallback<>()));
    assertEquals(1, TestServers.requests(server).size());
  }

  @Test
  void enqueueMarksTheCallExecuted() throws Exception {
    server.stubFor(get(urlEqualTo(PATH)).willReturn(okJson(Fixtures.WITH_MESSAGES)));
    OrqCall<ConversationWithMessages> call = client.conversations().retrieve("conv_1");

    CompletableFuture<ConversationWithMessages> future = call.executeAsync();

    assertTrue(call.isExecuted());
    assertThrows(IllegalStateException.class, call::execute);
    assertEquals("conv_01JJ", future.get(10, TimeUnit.SECONDS).getId());
    assertThrows(NullPointerException.class, () -> call.clone().enqueue(null));
  }

  @Test
  void cloneAndWithOptionsGiveFreshCalls() {
    server.stubFor(get(urlEqualTo(PATH)).willReturn(okJson(Fixtures.WITH_MESSAGES)));
    OrqCall<ConversationWithMessages> call = client.conversations().retrieve("conv_1");
    call.execute();

    OrqCall<ConversationWithMessages> clone = call.clone();
    OrqCall<ConversationWithMessages> withOptions = call.withOptions(RequestOptions.none());

    assertNotSame(call, clone);
    assertFalse(clone.isExecuted());
    assertFalse(withOptions.isExecuted());
    clone.execute();
    withOptions.execute();
    assertEquals(3, TestServers.requests(server).size());
    assertEquals("OrqCall{GET " + TestServers.baseUrl(server) + PATH + "}", call.toString());
    assertThrows(NullPointerException.class, () -> call.withOptions(null));
  }

  @ParameterizedTest
  @EnumSource(Mode.class)
  void perRequestHeadersAreSentAndReplaceTheSdkOnes(Mode mode) {
    server.stubFor(get(urlEqualTo(PATH)).willReturn(okJson(Fixtures.WITH_MESSAGES)));

    mode.run(
        client
            .conversations()
            .retrieve("conv_1")
            .withOptions(
                RequestOptions.builder()
                    .header("X-Trace", "abc")
                    .header("Authorization", "Bearer other-key")
                    .header("User-Agent", "custom/1")
                    .build()));

    server.verify(
        getRequestedFor(urlEqualTo(PATH))
            .withHeader("X-Trace", equalTo("abc"))
            .withHeader("Authorization", equalTo("Bearer other-key"))
            .withHeader("User-Agent", equalTo("custom/1")));
  }

  @ParameterizedTest
  @EnumSource(Mode.class)
  void perRequestTimeoutOverridesTheClient(Mode mode) {
    server.stubFor(
        get(urlEqualTo(PATH)).willReturn(okJson(Fixtures.WITH_MESSAGES).withFixedDelay(1_000)));
    OrqCall<ConversationWithMessages> call = client.conversations().retrieve("conv_1");

    assertThrows(
        OrqTimeoutException.class,
        () ->
            mode.run(
                call.withOptions(
                    RequestOptions.builder()
                        .timeout(Duration.ofMillis(200))
                        .maxRetries(0)
                        .build())));

    try (OrqClient impatient =
        client.newBuilder().timeout(Duration.ofMillis(200)).maxRetries(0).build()) {
      OrqCall<ConversationWithMessages> patientCall =
          impatient
              .conversations()
              .retrieve("conv_1")
              .withOptions(RequestOptions.builder().timeout(Duration.ofSeconds(10)).build());
      assertEquals("conv_01JJ", mode.run(patientCall).body().getId());
    }
  }

  @Test
  void cancelAbortsAnAsyncCallInFlight() throws Exception {
    server.stubFor(
        get(urlEqualTo(PATH)).willReturn(okJson(Fixtures.WITH_MESSAGES).withFixedDelay(10_000)));
    OrqCall<ConversationWithMessages> call = client.conversations().retrieve("conv_1");
    CompletableFuture<OrqException> failure = new CompletableFuture<>();
    AtomicReference<String> thread = new AtomicReference<>();
    call.enqueue(
        new IgnoringCallback<ConversationWithMessages>() {
          @Override
          public void onFailure(OrqCall<ConversationWithMessages> c, OrqException error) {
            thread.set(Thread.currentThread().getName());
            failure.complete(error);
          }
        });
    Dispatcher dispatcher = client.context().httpClient().dispatcher();
    TestServers.await(() -> dispatcher.runningCallsCount() == 1);

    call.cancel();

    assertInstanceOf(OrqCanceledException.class, failure.get(5, TimeUnit.SECONDS));
    assertTrue(thread.get().startsWith("OkHttp"), thread.get());
    assertTrue(call.isCanceled());
    TestServers.await(() -> dispatcher.runningCallsCount() == 0);
  }

  @Test
  void cancellingTheFutureCancelsTheHttpCall() throws Exception {
    server.stubFor(
        get(urlEqualTo(PATH)).willReturn(okJson(Fixtures.WITH_MESSAGES).withFixedDelay(10_000)));
    OrqCall<ConversationWithMessages> call = client.conversations().retrieve("conv_1");
    CompletableFuture<ConversationWithMessages> future = call.executeAsync();
    Dispatcher dispatcher = client.context().httpClient().dispatcher();
    TestServers.await(() -> dispatcher.runningCallsCount() == 1);

    assertTrue(future.cancel(true));

    assertTrue(call.isCanceled());
    assertThrows(CancellationException.class, future::join);
    TestServers.await(() -> dispatcher.runningCallsCount() == 0);
  }

  @Test
  void cancelAbortsASyncCallFromAnotherThread() throws Exception {
    server.stubFor(
        get(urlEqualTo(PATH)).willReturn(okJson(Fixtures.WITH_MESSAGES).withFixedDelay(10_000)));
    OrqCall<ConversationWithMessages> call = client.conversations().retrieve("conv_1");
    Dispatcher dispatcher = client.context().httpClient().dispatcher();
    Thread canceller =
        new Thread(
            () -> {
              try {
                TestServers.await(() -> dispatcher.runningCallsCount() == 1);
              } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
              }
              call.cancel();
            });
    canceller.start();

    long start = System.nanoTime();
    OrqCanceledException e = assertThrows(OrqCanceledException.class, call::execute);

    assertEquals("Request canceled", e.getMessage());
    assertTrue(
        System.nanoTime() - start < TimeUnit.SECONDS.toNanos(8),
        "canceled well before the server answered");
    canceller.join();
  }

  @ParameterizedTest
  @EnumSource(Mode.class)
  void aCallCanceledBeforeItRunsSendsNothing(Mode mode) {
    OrqCall<ConversationWithMessages> call = client.conversations().retrieve("conv_1");
    call.cancel();

    assertThrows(OrqCanceledException.class, () -> mode.run(call));

    assertEquals(0, TestServers.requests(server).size());
  }

  @ParameterizedTest
  @EnumSource(Mode.class)
  void cancelEndsTheWaitBeforeARetry(Mode mode) throws Exception {
    server.stubFor(
        get(urlEqualTo(PATH)).willReturn(errorJson(503, "").withHeader("Retry-After", "30")));
    OrqCall<ConversationWithMessages> call = client.conversations().retrieve("conv_1");
    Thread canceller =
        new Thread(
            () -> {
              try {
                TestServers.await(() -> TestServers.requests(server).size() == 1);
                Thread.sleep(100);
              } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
              }
              call.cancel();
            });
    canceller.start();

    long start = System.nanoTime();
    assertThrows(OrqCanceledException.class, () -> mode.run(call));

    assertTrue(System.nanoTime() - start < TimeUnit.SECONDS.toNanos(20), "did not wait the 30 s");
    assertEquals(1, TestServers.requests(server).size());
    canceller.join();
  }

  @Test
  void interruptingASyncCallWaitingToRetryCancelsIt() throws Exception {
    server.stubFor(
        get(urlEqualTo(PATH)).willReturn(errorJson(503, "").withHeader("Retry-After", "30")));
    OrqCall<ConversationWithMessages> call = client.conversations().retrieve("conv_1");
    CompletableFuture<Throwable> outcome = new CompletableFuture<>();
    Thread caller =
        new Thread(
            () -> {
              try {
                call.execute();
                outcome.complete(null);
              } catch (RuntimeException e) {
                outcome.complete(
                    Thread.currentThread().isInterrupted()
                        ? e
                        : new AssertionError("interrupt lost", e));
              }
            });
    caller.start();
    TestServers.await(() -> TestServers.requests(server).size() == 1);
    Thread.sleep(100);

    caller.interrupt();

    Throwable e = outcome.get(10, TimeUnit.SECONDS);
    assertInstanceOf(OrqCanceledException.class, e);
    assertEquals("Interrupted while waiting to retry", e.getMessage());
    assertTrue(call.isCanceled());
  }

  @Test
  void theFutureFailsWithTheTypedException() {
    server.stubFor(get(urlEqualTo(PATH)).willReturn(errorJson(404, Fixtures.NOT_FOUND)));

    ExecutionException e =
        assertThrows(
            ExecutionException.class,
            () ->
                client.conversations().retrieve("conv_1").executeAsync().get(10, TimeUnit.SECONDS));

    assertInstanceOf(NotFoundException.class, e.getCause());
  }

  /** Ignores what it is not overridden for. */
  private static class IgnoringCallback<T> implements OrqCallback<T> {
    @Override
    public void onSuccess(OrqCall<T> call, OrqResponse<T> response) {}

    @Override
    public void onFailure(OrqCall<T> call, OrqException error) {}
  }
}
