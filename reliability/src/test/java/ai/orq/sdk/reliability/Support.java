package ai.orq.sdk.reliability;

import ai.orq.sdk.internal.JsonModels;
import com.google.gson.Gson;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;

/** Shared helpers: the SDK's Gson, thread counts, the seed of the randomized tests. */
final class Support {
  private static final Gson GSON = JsonModels.newGson();

  private Support() {}

  /**
   * The SDK's configured Gson (with the union adapters), to decode expected values independently of
   * the code path under test. {@code JsonModels} is not API; tests may use it.
   */
  static Gson sdkGson() {
    return GSON;
  }

  /** Names of live threads whose name contains {@code part} (case-insensitive), sorted. */
  static List<String> threadsNamed(String part) {
    List<String> names = new ArrayList<>();
    String needle = part.toLowerCase(Locale.ROOT);
    for (Thread thread : Thread.getAllStackTraces().keySet()) {
      if (thread.isAlive() && thread.getName().toLowerCase(Locale.ROOT).contains(needle)) {
        names.add(thread.getName());
      }
    }
    names.sort(null);
    return names;
  }

  /** The seed used when none is given, so the test command is deterministic. */
  static final long DEFAULT_SEED = 20260101L;

  /**
   * The seed of a randomized test: {@code -Dreliability.seed=N} to reproduce a failure, {@code
   * -Dreliability.seed=random} to explore a fresh one, {@link #DEFAULT_SEED} otherwise. Printed
   * either way, and failures name it.
   */
  static long seed(String test) {
    String given = System.getProperty("reliability.seed", "").trim();
    long seed =
        given.isEmpty()
            ? DEFAULT_SEED
            : given.equals("random") ? new Random().nextLong() : Long.parseLong(given);
    System.out.println(
        test + ": seed " + seed + " (reproduce with -Dreliability.seed=" + seed + ")");
    return seed;
  }
}
