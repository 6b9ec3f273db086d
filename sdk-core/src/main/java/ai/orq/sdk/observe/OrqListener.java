package ai.orq.sdk.observe;

import ai.orq.sdk.model.ResponseEvent;

/**
 * Observes the operations of a client: each call and each stream, from its first request to its
 * end. Register any number with {@code OrqClient.Builder.addListener}; with none, observing costs
 * nothing.
 *
 * <p>For each operation, {@link #onStart} is called once, on the thread that starts it (a call's
 * {@code execute()}, {@code enqueue} or {@code executeAsync()}; a stream's first read or {@code
 * subscribe}), and the {@link Operation} it returns is told the rest: each attempt as it starts
 * (where it may add request headers, such as {@code traceparent}) and as it ends (status, headers,
 * whether and when it is retried), each event of a stream, and {@link Operation#onEnd} exactly
 * once, whichever way the operation ends (success, error status, I/O failure, cancel, close of the
 * stream or the client, deadline). The calls of one operation come one at a time, but not always on
 * one thread.
 *
 * <p>A listener never sees the API key. One that throws a {@code RuntimeException} does not break
 * the operation: the exception is logged (logger {@code ai.orq.sdk.observe}, level WARNING) and the
 * operation goes on. Keep listeners fast: they run inline.
 */
public interface OrqListener {

  /**
   * An operation is about to send its first request: returns its observer, or {@link
   * Operation#NONE}.
   */
  Operation onStart(OperationStart start);

  /** The observer of one operation; every method does nothing unless overridden. */
  interface Operation {
    /** Observes nothing. */
    Operation NONE = new Operation() {};

    /** An attempt is about to be sent; {@code attempt} may add headers to its request. */
    default void onAttemptStart(AttemptStart attempt) {}

    /**
     * An attempt got its response head, or failed without one. An attempt whose head arrived but
     * whose body then failed to be read is told again, with that failure.
     */
    default void onAttemptEnd(AttemptEnd attempt) {}

    /**
     * A stream delivered {@code event} (the first call is its first event: the time to first
     * chunk). Called before the event reaches the caller.
     */
    default void onEvent(ResponseEvent event) {}

    /** The operation ended; called exactly once, last. */
    default void onEnd(OperationEnd end) {}

    /**
     * The form in which the SDK runs {@code callback}, code of the caller's that it runs for this
     * operation on a thread of its own: an {@code OrqCallback}, the completion of a future (with
     * the stages that depend on it), a {@code StreamHandler}'s calls. Return one that restores the
     * caller's context around it (a trace context, say, captured in {@link OrqListener#onStart});
     * the default runs it as it is.
     */
    default Runnable wrapCallback(Runnable callback) {
      return callback;
    }
  }
}
