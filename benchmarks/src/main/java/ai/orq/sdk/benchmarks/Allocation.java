package ai.orq.sdk.benchmarks;

import java.lang.management.ManagementFactory;

/** Bytes allocated by the current thread, from {@code com.sun.management.ThreadMXBean}. */
final class Allocation {
  private static final com.sun.management.ThreadMXBean THREADS =
      (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();

  private Allocation() {}

  static long currentThread() {
    return THREADS.getThreadAllocatedBytes(Thread.currentThread().getId());
  }

  static boolean supported() {
    return THREADS.isThreadAllocatedMemorySupported() && THREADS.isThreadAllocatedMemoryEnabled();
  }
}
