package ai.orq.sdk.streaming.internal;

import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.orq.sdk.internal.StreamingProvider;
import java.util.Iterator;
import java.util.ServiceLoader;
import org.junit.jupiter.api.Test;

/** The core finds this module's provider with ServiceLoader. */
final class OkHttpStreamingProviderTest {

  @Test
  void theProviderIsRegisteredForServiceLoader() {
    Iterator<StreamingProvider> found = ServiceLoader.load(StreamingProvider.class).iterator();
    assertTrue(found.hasNext());
    assertInstanceOf(OkHttpStreamingProvider.class, found.next());
  }
}
