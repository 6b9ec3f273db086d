package ai.orq.sdk.internal;

import ai.orq.sdk.errors.OrqCanceledException;
import com.google.errorprone.annotations.concurrent.GuardedBy;
import jakarta.annotation.Nullable;
import java.lang.ref.PhantomReference;
import java.lang.ref.Reference;
import java.lang.ref.ReferenceQueue;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Not API. The operations of one client that have started and not ended: calls being sent, waiting
 * to retry or reading their body, and streams until their body is closed. Closing the client closes
 * them all, each failing with {@code OrqCanceledException("The client is closed")}; an operation
 * that starts afterwards fails so at once. Thread-safe.
 *
 * <p>An operation may have an {@link Owner}, the object its user holds (a stream). If the owner is
 * garbage-collected while its operation runs, nobody can end that operation any more: the next
 * {@link #add} (or the close) finds it on a reference queue and ends it. No thread of its own: an
 * abandoned stream holds its connection until the client is next used.
 */
public final class Operations {
  @GuardedBy("this")
  private final Set<RetryingCall> running = new HashSet<>();

  private final ReferenceQueue<Object> unreachable = new ReferenceQueue<>();

  @GuardedBy("this")
  private boolean closed;

  /** The failure of an operation ended, or refused, because the client is closed. */
  public static OrqCanceledException clientClosed(@Nullable Throwable cause) {
    return new OrqCanceledException("The client is closed", cause);
  }

  /**
   * The phantom reference through which {@code call} learns that {@code owner} is gone. The running
   * call keeps it reachable, so it is enqueued only while the call runs.
   */
  Owner owner(Object owner, RetryingCall call) {
    return new Owner(owner, unreachable, call);
  }

  /** Adds {@code call}, or throws the closed client's exception; first ends abandoned ones. */
  void add(RetryingCall call) {
    endAbandoned();
    synchronized (this) {
      if (closed) {
        throw clientClosed(null);
      }
      running.add(call);
    }
  }

  private void endAbandoned() {
    for (Reference<?> gone; (gone = unreachable.poll()) != null; ) {
      ((Owner) gone).call.abandon();
    }
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
    endAbandoned(); // their calls are closed already: this empties the queue
  }

  /** The owner of an operation, phantom-reachable once its user dropped it. */
  static final class Owner extends PhantomReference<Object> {
    final RetryingCall call;

    Owner(Object owner, ReferenceQueue<Object> queue, RetryingCall call) {
      super(owner, queue);
      this.call = call;
    }
  }
}
