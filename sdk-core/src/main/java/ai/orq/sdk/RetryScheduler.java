package ai.orq.sdk;

import java.util.concurrent.Delayed;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.RunnableScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The client's timer of retry delays: at most one daemon thread, which no waiting call occupies,
 * and none once no retry has waited for {@value #IDLE_SECONDS} s, so that an idle client (closed
 * or not) holds no thread. A cancelled timer leaves the queue at once, with what it would have run.
 * When the client closes, {@link #shutdownNowAndWake()} runs at once, on the closing thread, every
 * retry still waiting, so that each wakes, finds the client closed and fails instead of waiting
 * forever.
 */
class RetryScheduler extends ScheduledThreadPoolExecutor {
  static final int IDLE_SECONDS = 2;

  RetryScheduler(String threadName) {
    super(1, runnable -> {
      Thread thread = new Thread(runnable, threadName);
      thread.setDaemon(true);
      return thread;
    });
    setKeepAliveTime(IDLE_SECONDS, TimeUnit.SECONDS);
    allowCoreThreadTimeOut(true);
  }

  /** Stops the timer and runs, on this thread, each retry that was still waiting for it. */
  final void shutdownNowAndWake() {
    for (Runnable waiting : shutdownNow()) {
      if (waiting instanceof Wakeable && !((Wakeable<?>) waiting).isCancelled()) {
        ((Wakeable<?>) waiting).command.run();
      }
    }
  }

  @Override
  protected <V> RunnableScheduledFuture<V> decorateTask(Runnable command, RunnableScheduledFuture<V> task) {
    return new Wakeable<>(command, task);
  }

  /**
   * A scheduled task that remembers what it runs, so that a shutdown can still run it. Being
   * what the queue holds, it removes itself on cancel (the executor's remove-on-cancel policy
   * would look for the task it decorates, which is not in the queue).
   */
  private final class Wakeable<V> implements RunnableScheduledFuture<V> {
    final Runnable command;
    private final RunnableScheduledFuture<V> task;

    Wakeable(Runnable command, RunnableScheduledFuture<V> task) {
      this.command = command;
      this.task = task;
    }

    @Override public boolean isPeriodic() { return task.isPeriodic(); }
    @Override public long getDelay(TimeUnit unit) { return task.getDelay(unit); }
    @Override public int compareTo(Delayed other) { return task.compareTo(other); }
    @Override
    public void run() {
      task.run();
      if (task.isCancelled() && isShutdown()) {
        // taken from the queue just before a close drained it, then refused by the executor as
        // shut down: nobody else will wake the waiting call (ClientContext runs it at most once)
        command.run();
      }
    }

    @Override
    public boolean cancel(boolean mayInterrupt) {
      boolean canceled = task.cancel(mayInterrupt);
      if (canceled) {
        remove(this);
      }
      return canceled;
    }

    @Override public boolean isCancelled() { return task.isCancelled(); }
    @Override public boolean isDone() { return task.isDone(); }
    @Override public V get() throws InterruptedException, ExecutionException { return task.get(); }

    @Override
    public V get(long timeout, TimeUnit unit)
        throws InterruptedException, ExecutionException, TimeoutException {
      return task.get(timeout, unit);
    }
  }
}
