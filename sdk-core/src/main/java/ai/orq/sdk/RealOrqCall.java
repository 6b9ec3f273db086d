package ai.orq.sdk;

import ai.orq.sdk.errors.OrqException;
import ai.orq.sdk.internal.BodyText;
import ai.orq.sdk.internal.CallSettings;
import ai.orq.sdk.internal.ClientContext;
import ai.orq.sdk.internal.ErrorMapper;
import ai.orq.sdk.internal.JsonModels;
import ai.orq.sdk.internal.RetryingCall;
import ai.orq.sdk.model.ModelJsonException;
import ai.orq.sdk.model.ModelTypeAdapterFactory;
import com.google.gson.TypeAdapter;
import jakarta.annotation.Nullable;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import okhttp3.Request;
import okhttp3.Response;
import okio.Buffer;

/**
 * Runs one request built by the generated {@code ConversationsApiRequests} on the attempt engine
 * ({@link RetryingCall}), and reads its 2xx body strictly into the response type.
 */
final class RealOrqCall<T> implements OrqCall<T> {
  private final ClientContext context;
  private final Request request;
  private final Class<T> responseType;
  private final RequestOptions options;
  @Nullable private final String conversationId;
  private final RetryingCall attempts;
  private final AtomicBoolean executed = new AtomicBoolean();

  RealOrqCall(
      ClientContext context,
      Request request,
      Class<T> responseType,
      RequestOptions options,
      @Nullable String conversationId) {
    this.context = context;
    this.request = request;
    this.responseType = responseType;
    this.options = options;
    this.conversationId = conversationId;
    CallSettings settings = options.applyTo(context.defaults());
    this.attempts =
        new RetryingCall(
            context, context.httpClient(settings), request, settings, false, conversationId, null);
  }

  @Override
  public T execute() {
    return executeWithResponse().body();
  }

  @Override
  public OrqResponse<T> executeWithResponse() {
    markExecuted();
    return attempts.execute(this::read);
  }

  @Override
  public void enqueue(OrqCallback<T> callback) {
    Objects.requireNonNull(callback, "callback == null");
    markExecuted();
    attempts.enqueue(
        this::read,
        new RetryingCall.ResultCallback<OrqResponse<T>>() {
          @Override
          public void onSuccess(OrqResponse<T> response) {
            attempts.observation().run(() -> callback.onSuccess(RealOrqCall.this, response));
          }

          @Override
          public void onFailure(OrqException error) {
            attempts.observation().run(() -> callback.onFailure(RealOrqCall.this, error));
          }
        });
  }

  @Override
  public CompletableFuture<T> executeAsync() {
    CompletableFuture<T> future =
        new CompletableFuture<T>() {
          @Override
          public boolean cancel(boolean mayInterruptIfRunning) {
            boolean result = super.cancel(mayInterruptIfRunning);
            RealOrqCall.this.cancel();
            return result;
          }
        };
    enqueue(
        new OrqCallback<T>() {
          @Override
          public void onSuccess(OrqCall<T> call, OrqResponse<T> response) {
            future.complete(response.body());
          }

          @Override
          public void onFailure(OrqCall<T> call, OrqException error) {
            future.completeExceptionally(error);
          }
        });
    return future;
  }

  @Override
  public void cancel() {
    attempts.cancel();
  }

  @Override
  public boolean isCanceled() {
    return attempts.isCanceled();
  }

  @Override
  public boolean isExecuted() {
    return executed.get();
  }

  @Override
  public OrqCall<T> withOptions(RequestOptions options) {
    Objects.requireNonNull(options, "options == null");
    return new RealOrqCall<>(context, request, responseType, options, conversationId);
  }

  @Override
  public OrqCall<T> clone() {
    return new RealOrqCall<>(context, request, responseType, options, conversationId);
  }

  @Override
  public String toString() {
    return "OrqCall{" + request.method() + " " + request.url() + "}";
  }

  private void markExecuted() {
    if (!executed.compareAndSet(false, true)) {
      throw new IllegalStateException("Already executed.");
    }
  }

  /** The 2xx response's body, strictly parsed: an InvalidResponseException names the JSON path. */
  private OrqResponse<T> read(Response started) throws IOException {
    try (Response response = started) {
      if (responseType == Void.class) {
        return new OrqResponse<>(response.code(), response.headers(), null);
      }
      Charset charset = BodyText.loadWhole(response, context.maxResponseBytes());
      Buffer body = response.body().source().getBuffer();
      String problem;
      ModelJsonException cause = null;
      try {
        T value = parse(body, charset);
        if (value != null) {
          return new OrqResponse<>(response.code(), response.headers(), value);
        }
        problem = "expected a " + responseType.getSimpleName() + " but the body was empty or null";
      } catch (ModelJsonException e) {
        problem = "not a valid " + responseType.getSimpleName() + ": " + e.getMessage();
        cause = e;
      }
      throw ErrorMapper.invalidResponse(response, body.readString(charset), problem, cause);
    }
  }

  /** The value in {@code body}, which it leaves unconsumed. */
  @Nullable
  private T parse(Buffer body, Charset charset) {
    TypeAdapter<T> adapter = ModelTypeAdapterFactory.adapter(responseType);
    return charset.equals(StandardCharsets.UTF_8)
        ? JsonModels.readUtf8(adapter, body)
        : JsonModels.read(adapter, body.snapshot().string(charset));
  }
}
