package ai.orq.sdk;

import java.util.concurrent.CompletableFuture;

/**
 * One request to the API, run once with {@link #execute()}, {@link #enqueue} or {@link
 * #executeAsync()}; {@link #clone()} gives a fresh call for the same request. Retries, as
 * configured on the client or with {@link #withOptions}, happen inside each of the three.
 *
 * <p>Failures are unchecked {@link ai.orq.sdk.errors.OrqException}s: an error status as an {@link
 * ai.orq.sdk.errors.OrqServiceException} subclass, a transport failure as an {@link
 * ai.orq.sdk.errors.OrqIoException}, a malformed success body as an {@link
 * ai.orq.sdk.errors.InvalidResponseException}. Thread-safe; {@link #cancel()} may come from any
 * thread.
 */
public interface OrqCall<T> extends Cloneable {

  /**
   * Runs the request on this thread and returns the body; null for an operation without one.
   *
   * @throws IllegalStateException if this call already ran ("Already executed.")
   */
  T execute();

  /** As {@link #execute()}, returning the status and headers along with the body. */
  OrqResponse<T> executeWithResponse();

  /**
   * Runs the request on OkHttp's dispatcher; exactly one method of {@code callback} runs, on the
   * threads {@link OrqCallback} names. A call waiting for its next attempt holds no thread.
   *
   * @throws IllegalStateException if this call already ran ("Already executed.")
   */
  void enqueue(OrqCallback<T> callback);

  /**
   * As {@link #enqueue}, as a future. Cancelling the future cancels the HTTP call.
   *
   * @throws IllegalStateException if this call already ran ("Already executed.")
   */
  CompletableFuture<T> executeAsync();

  /**
   * Cancels the call: an attempt in flight is aborted, a wait before a retry ends, and the call
   * fails with {@link ai.orq.sdk.errors.OrqCanceledException}. Idempotent; no effect once done.
   */
  void cancel();

  boolean isCanceled();

  /** Whether one of {@code execute}, {@code enqueue} or {@code executeAsync} was called. */
  boolean isExecuted();

  /** A new, unexecuted call for the same request with these options instead of the current ones. */
  OrqCall<T> withOptions(RequestOptions options);

  /** A new, unexecuted call for the same request with the same options. */
  OrqCall<T> clone();
}
