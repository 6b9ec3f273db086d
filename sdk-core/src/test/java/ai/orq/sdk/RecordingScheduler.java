package ai.orq.sdk;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/** Records the retry delays a client asks for and runs the retries at once. */
final class RecordingScheduler extends ScheduledThreadPoolExecutor {
  final List<Long> delaysMillis = new CopyOnWriteArrayList<>();

  /** Runs as a retry is being scheduled, to let a test race it. */
  volatile Runnable beforeSchedule = () -> {};

  RecordingScheduler() {
    super(1, TestServers.daemon("test-retry-scheduler"));
  }

  @Override
  public ScheduledFuture<?> schedule(Runnable command, long delay, TimeUnit unit) {
    beforeSchedule.run();
    delaysMillis.add(unit.toMillis(delay));
    return super.schedule(command, 0, unit);
  }
}
