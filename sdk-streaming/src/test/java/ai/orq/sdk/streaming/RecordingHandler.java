package ai.orq.sdk.streaming;

import ai.orq.sdk.StreamHandler;
import ai.orq.sdk.errors.OrqException;
import ai.orq.sdk.model.ResponseEvent;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/** Records what an async stream hands to its handler, and on which threads. */
class RecordingHandler implements StreamHandler<ResponseEvent> {
  final List<ResponseEvent> events = new CopyOnWriteArrayList<>();
  final List<String> threads = new CopyOnWriteArrayList<>();
  final List<OrqException> failures = new CopyOnWriteArrayList<>();
  final CountDownLatch firstEvent = new CountDownLatch(1);
  final CountDownLatch terminal = new CountDownLatch(1);
  volatile int completions;
  volatile long firstEventAt;
  volatile long terminalAt;

  @Override
  public void onEvent(ResponseEvent event) {
    if (events.isEmpty()) {
      firstEventAt = System.nanoTime();
    }
    events.add(event);
    threads.add(Thread.currentThread().getName());
    firstEvent.countDown();
  }

  @Override
  public void onComplete() {
    completions++;
    terminalAt = System.nanoTime();
    terminal.countDown();
  }

  @Override
  public void onFailure(OrqException error) {
    failures.add(error);
    terminalAt = System.nanoTime();
    terminal.countDown();
  }

  void awaitTerminal() throws InterruptedException {
    if (!terminal.await(10, TimeUnit.SECONDS)) {
      throw new AssertionError("no terminal callback");
    }
  }

  /** The single failure, after asserting there was exactly one terminal callback. */
  OrqException onlyFailure() throws InterruptedException {
    awaitTerminal();
    if (completions != 0 || failures.size() != 1) {
      throw new AssertionError("completions=" + completions + ", failures=" + failures);
    }
    return failures.get(0);
  }
}
