package ai.orq.sdk;

import ai.orq.sdk.errors.OrqException;

/**
 * The outcome of {@link OrqCall#enqueue}. Exactly one method runs, once, on an OkHttp dispatcher
 * thread (after all retries): keep it short or hand the work to your own executor.
 */
public interface OrqCallback<T> {

  void onSuccess(OrqCall<T> call, OrqResponse<T> response);

  /** The call failed: an error status, an I/O failure or timeout, a cancel, or an invalid body. */
  void onFailure(OrqCall<T> call, OrqException error);
}
