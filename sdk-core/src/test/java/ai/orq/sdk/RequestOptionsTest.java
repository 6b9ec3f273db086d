package ai.orq.sdk;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import java.util.List;
import okhttp3.Headers;
import org.junit.jupiter.api.Test;

class RequestOptionsTest {

  @Test
  void noneOverridesNothing() {
    RequestOptions none = RequestOptions.none();

    assertSame(none, RequestOptions.none());
    assertNull(none.timeout());
    assertNull(none.maxRetries());
    assertEquals(Headers.of(), none.headers());
    assertEquals(none, RequestOptions.builder().build());
  }

  @Test
  void builtOptionsAreValues() {
    RequestOptions options =
        RequestOptions.builder()
            .timeout(Duration.ofSeconds(5))
            .maxRetries(0)
            .header("X-A", "1")
            .header("X-A", "2")
            .header("X-B", "3")
            .build();

    assertEquals(Duration.ofSeconds(5), options.timeout());
    assertEquals(0, options.maxRetries());
    assertEquals(
        List.of("2"), options.headers().values("X-A"), "a header replaces one of the same name");
    assertEquals(options, options.toBuilder().build());
    assertEquals(options.hashCode(), options.toBuilder().build().hashCode());
    assertNotEquals(options, options.toBuilder().maxRetries(1).build());
    assertNotEquals(options, options.toBuilder().timeout(Duration.ZERO).build());
    assertNotEquals(options, options.toBuilder().header("X-C", "4").build());
    assertNotEquals(options, "options");
    assertEquals(
        "RequestOptions{timeout=PT5S, deadline=null, maxRetries=0, retryNonIdempotent=null,"
            + " headers=[X-A, X-B]}",
        options.toString());
  }

  @Test
  void badValuesFailNamingTheArgument() {
    RequestOptions.Builder builder = RequestOptions.builder();
    assertEquals(
        "timeout == null",
        assertThrows(NullPointerException.class, () -> builder.timeout(null)).getMessage());
    assertEquals(
        "timeout must not be negative, was PT-0.001S",
        assertThrows(IllegalArgumentException.class, () -> builder.timeout(Duration.ofMillis(-1)))
            .getMessage());
    assertEquals(
        "maxRetries must be >= 0, was -2",
        assertThrows(IllegalArgumentException.class, () -> builder.maxRetries(-2)).getMessage());
    assertEquals(
        "name == null",
        assertThrows(NullPointerException.class, () -> builder.header(null, "v")).getMessage());
    assertEquals(
        "value == null",
        assertThrows(NullPointerException.class, () -> builder.header("n", null)).getMessage());
    assertThrows(IllegalArgumentException.class, () -> builder.header("X-Bad", "line\nbreak"));
  }
}
