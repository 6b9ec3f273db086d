package ai.orq.sdk;

import ai.orq.sdk.errors.OrqException;

/**
 * The outcome of {@link OrqCall#enqueue}. Exactly one method runs, once, after all retries: keep it
 * short or hand the work to your own executor. Whatever is thrown while the answer is read, an
 * {@code Error} included, becomes {@code onFailure} (the throwable as the cause); an {@code Error}
 * is thrown on after it.
 *
 * <p>It runs on an OkHttp dispatcher thread, with one exception: a failure because the client is
 * closed is reported on the thread that finds it closed, which is the thread that called {@code
 * enqueue} (closed before), the thread that closed the client (the call was waiting to retry), or
 * the client's retry-scheduler thread (the client closed as the wait ended).
 */
public interface OrqCallback<T> {

  void onSuccess(OrqCall<T> call, OrqResponse<T> response);

  /** The call failed: an error status, an I/O failure or timeout, a cancel, or an invalid body. */
  void onFailure(OrqCall<T> call, OrqException error);
}
