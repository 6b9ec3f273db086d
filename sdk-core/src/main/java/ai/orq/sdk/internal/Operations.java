package ai.orq.sdk.internal;

import ai.orq.sdk.errors.OrqCanceledException;
import jakarta.annotation.Nullable;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Not API. The operations of one client that have started and not ended: calls being sent, waiting
 * to retry or reading their body, and streams until their body is closed. Closing the client closes
 * them all, each failing with {@code OrqCanceledException("The client is closed")}; an operation
 * that starts afterwards fails so at once. Thread-safe.
 */
public final class Operations {
  private final Set<RetryingCall> running = new HashSet<>(); // guarded by this
  private boolean closed; // guarded by this

  /** The failure of an operation ended, or refused, because the client is closed. */
  public static OrqCanceledException clientClosed(@Nullable Throwable cause) {
    return new OrqCanceledException("The client is closed", cause);
  }

  /** Adds {@code call}, or throws the closed client's exception. */
  synchronized void add(RetryingCall call) {
    if (closed) {
      throw clientClosed(null);
    }
    running.add(call);
  }

  synchronized void remove(RetryingCall call) {
    running.remove(call);
  }

  /** How many operations are running, for tests. */
  public synchronized int size() {
    return running.size();
  }

  /** Ends every running operation, on this thread, and refuses new ones. Idempotent. */
  public void close() {
    List<RetryingCall> ended;
    synchronized (this) {
      if (closed) {
        return;
      }
      closed = true;
      ended = new ArrayList<>(running);
      running.clear();
    }
    for (RetryingCall call : ended) {
      call.closeByClient();
    }
  }
}
