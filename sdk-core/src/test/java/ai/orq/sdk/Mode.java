package ai.orq.sdk;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import ai.orq.sdk.errors.OrqException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;

/** Runs a call synchronously or with {@code enqueue}, so that each test covers both. */
enum Mode {
  SYNC {
    @Override
    <T> OrqResponse<T> run(OrqCall<T> call) {
      return call.executeWithResponse();
    }
  },
  ASYNC {
    @Override
    <T> OrqResponse<T> run(OrqCall<T> call) {
      CompletableFuture<OrqResponse<T>> result = new CompletableFuture<>();
      AtomicReference<String> thread = new AtomicReference<>();
      call.enqueue(
          new OrqCallback<T>() {
            @Override
            public void onSuccess(OrqCall<T> c, OrqResponse<T> response) {
              thread.set(Thread.currentThread().getName());
              assertTrue(c == call, "the callback names its call");
              result.complete(response);
            }

            @Override
            public void onFailure(OrqCall<T> c, OrqException error) {
              thread.set(Thread.currentThread().getName());
              result.completeExceptionally(error);
            }
          });
      try {
        OrqResponse<T> response = result.get(20, TimeUnit.SECONDS);
        assertTrue(thread.get().startsWith("OkHttp"), "callback thread: " + thread.get());
        return response;
      } catch (ExecutionException e) {
        assertTrue(thread.get().startsWith("OkHttp"), "callback thread: " + thread.get());
        throw (OrqException) e.getCause();
      } catch (InterruptedException | TimeoutException e) {
        return fail(e);
      }
    }
  };

  abstract <T> OrqResponse<T> run(OrqCall<T> call);
}
