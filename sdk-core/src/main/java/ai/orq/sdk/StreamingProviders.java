package ai.orq.sdk;

import ai.orq.sdk.internal.StreamingProvider;
import jakarta.annotation.Nullable;
import java.util.Iterator;
import java.util.ServiceLoader;

/** Finds the {@link StreamingProvider} of {@code orq-sdk-streaming} once, with ServiceLoader. */
final class StreamingProviders {
  @Nullable
  private static final StreamingProvider PROVIDER = load(StreamingProvider.class.getClassLoader());

  private StreamingProviders() {}

  static StreamingProvider get() {
    return orFail(PROVIDER);
  }

  static StreamingProvider orFail(@Nullable StreamingProvider provider) {
    if (provider == null) {
      throw new IllegalStateException(
          "createConversationResponse needs ai.orq:orq-sdk-streaming on the classpath");
    }
    return provider;
  }

  /** The first provider visible to {@code classLoader}, or null. */
  @Nullable
  static StreamingProvider load(ClassLoader classLoader) {
    Iterator<StreamingProvider> providers =
        ServiceLoader.load(StreamingProvider.class, classLoader).iterator();
    return providers.hasNext() ? providers.next() : null;
  }
}
