package ai.orq.sdk.internal;

import java.util.Collections;
import java.util.Map;
import java.util.Set;
import java.util.WeakHashMap;
import okhttp3.Interceptor;
import okhttp3.logging.HttpLoggingInterceptor;

/**
 * Not API. The logging interceptors the SDK itself installs, told apart from any a user put on
 * their own {@code OkHttpClient}, so that the streaming module may change ours and never theirs.
 */
public final class SdkLogging {
  private static final Set<Interceptor> OURS =
      Collections.synchronizedSet(Collections.newSetFromMap(new WeakHashMap<Interceptor, Boolean>()));

  private SdkLogging() {}

  /** A logging interceptor at {@code level} that redacts {@code Authorization}. */
  public static HttpLoggingInterceptor create(HttpLoggingInterceptor.Level level) {
    HttpLoggingInterceptor logging = new HttpLoggingInterceptor().setLevel(level);
    logging.redactHeader("Authorization");
    OURS.add(logging);
    return logging;
  }

  /** Whether the SDK installed {@code interceptor}. */
  public static boolean isOurs(Interceptor interceptor) {
    return OURS.contains(interceptor);
  }
}
