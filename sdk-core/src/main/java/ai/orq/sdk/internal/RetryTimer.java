package ai.orq.sdk.internal;

import com.google.errorprone.annotations.concurrent.GuardedBy;
import jakarta.annotation.Nullable;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Not API. The waits between attempts of one client. A wait holds no thread: it is a timer on the
 * client's scheduler, which has at most one daemon thread, and none once idle for {@value
 * #IDLE_SECONDS} s; a client that never waits never makes it. A wait ends early when woken (its
 * call was canceled) and when the timer closes with the client, so that no call waits out its delay
 * for nothing. Thread-safe.
 */
public final class RetryTimer implements AutoCloseable {
  static final int IDLE_SECONDS = 2;

  @GuardedBy("this")
  @Nullable
  private ScheduledExecutorService scheduler;

  @GuardedBy("this")
  private final Set<Wait> pending = new HashSet<>();

  @GuardedBy("this")
  private boolean closed;

  /**
   * A timer on {@code scheduler}, or without one on a scheduler of its own ({@link #newScheduler}),
   * made on first use.
   */
  public RetryTimer(@Nullable ScheduledExecutorService scheduler) {
    this.scheduler = scheduler;
  }

  /** A scheduler with one daemon thread, named {@code threadName}, that exits when idle. */
  public static ScheduledExecutorService newScheduler(String threadName) {
    ScheduledThreadPoolExecutor executor =
        new ScheduledThreadPoolExecutor(
            1,
            runnable -> {
              Thread thread = new Thread(runnable, threadName);
              thread.setDaemon(true);
              return thread;
            });
    executor.setKeepAliveTime(IDLE_SECONDS, TimeUnit.SECONDS);
    executor.allowCoreThreadTimeOut(true);
    executor.setRemoveOnCancelPolicy(true);
    return executor;
  }

  /** Runs {@code then} once: after the delay, or sooner on the thread that wakes or closes it. */
  public Wait start(long delayMillis, Runnable then) {
    Wait wait = new Wait(then);
    ScheduledExecutorService scheduler;
    synchronized (this) {
      if (closed) {
        throw Operations.clientClosed(null);
      }
      pending.add(wait);
      scheduler = scheduler();
    }
    try {
      wait.timer = scheduler.schedule(wait::wake, delayMillis, TimeUnit.MILLISECONDS);
      if (wait.done.get()) {
        wait.timer.cancel(false); // woken before its timer existed: leaves the queue
      }
    } catch (RejectedExecutionException e) {
      wait.wake(); // closed meanwhile: the close woke it, or wakes it now
    }
    return wait;
  }

  /**
   * Runs {@code task} on the scheduler after the delay, unless the returned future is cancelled
   * first; null once the client is closed (which ends what the task would have ended).
   */
  @Nullable
  public Future<?> schedule(long delayMillis, Runnable task) {
    ScheduledExecutorService scheduler;
    synchronized (this) {
      if (closed) {
        return null;
      }
      scheduler = scheduler();
    }
    try {
      return scheduler.schedule(task, delayMillis, TimeUnit.MILLISECONDS);
    } catch (RejectedExecutionException e) {
      return null;
    }
  }

  @GuardedBy("this")
  private ScheduledExecutorService scheduler() {
    if (scheduler == null) {
      scheduler = newScheduler("orq-retry-scheduler");
    }
    return scheduler;
  }

  /** Whether the client closed. */
  public synchronized boolean isClosed() {
    return closed;
  }

  /** Stops the timer and ends every wait, on this thread. Idempotent. */
  @Override
  public void close() {
    List<Wait> woken;
    ScheduledExecutorService made;
    synchronized (this) {
      if (closed) {
        return;
      }
      closed = true;
      woken = new ArrayList<>(pending);
      made = scheduler;
    }
    if (made != null) {
      made.shutdownNow();
    }
    for (Wait wait : woken) {
      wait.wake();
    }
  }

  /** One wait before an attempt. */
  public final class Wait {
    private final Runnable then;
    private final AtomicBoolean done = new AtomicBoolean();
    private volatile Future<?> timer;

    private Wait(Runnable then) {
      this.then = then;
    }

    /** Ends the wait now, running what follows it on this thread; no effect once it ended. */
    public void wake() {
      if (!done.compareAndSet(false, true)) {
        return;
      }
      synchronized (RetryTimer.this) {
        pending.remove(this);
      }
      Future<?> scheduled = timer;
      if (scheduled != null) {
        scheduled.cancel(false);
      }
      then.run();
    }
  }
}
