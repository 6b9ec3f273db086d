package ai.orq.sdk.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.EOFException;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.net.UnknownServiceException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.net.ssl.SSLPeerUnverifiedException;
import okhttp3.Protocol;
import okhttp3.Request;
import okhttp3.Response;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The retry rules and delays, with a fixed clock and fixed jitter. */
class RetryPolicyTest {
  private static final long NOW = 1_767_225_600_000L; // 2026-01-01T00:00:00Z

  private final RetryPolicy noJitter = new RetryPolicy(() -> NOW, () -> 0.0);
  private final RetryPolicy fullJitter = new RetryPolicy(() -> NOW, () -> 1.0);

  @ParameterizedTest
  @ValueSource(ints = {408, 409, 429, 500, 501, 502, 503, 504, 599})
  void retryableStatuses(int status) {
    assertTrue(noJitter.isRetryable(status));
  }

  @ParameterizedTest
  @ValueSource(ints = {200, 201, 204, 301, 400, 401, 403, 404, 405, 410, 413, 422, 428})
  void statusesThatAreNotRetried(int status) {
    assertFalse(noJitter.isRetryable(status));
  }

  /**
   * The retry rule's one statement for users, the Javadoc of {@code OrqClient.Builder.maxRetries}
   * ("on HTTP 408, 409, 429 and 5xx"), names exactly the statuses this policy retries.
   */
  @Test
  void theStatusesTheJavadocNamesAreTheRetriedOnes() throws IOException {
    String source =
        new String(
                Files.readAllBytes(Paths.get("src/main/java/ai/orq/sdk/OrqClient.java")),
                StandardCharsets.UTF_8)
            .replaceAll("\\s*\\n\\s*\\*\\s*", " ");
    Matcher stated =
        Pattern.compile("on HTTP ((?:\\d{3}|\\dxx)(?:(?:, | and )(?:\\d{3}|\\dxx))*)")
            .matcher(source);
    assertTrue(
        stated.find(),
        "OrqClient.java states the retried statuses as \"on HTTP ..., ... and ...\"");
    List<String> named = new ArrayList<>();
    Matcher status = Pattern.compile("\\d{3}|\\dxx").matcher(stated.group(1));
    while (status.find()) {
      named.add(status.group());
    }
    List<String> retried = new ArrayList<>();
    for (int code = 100; code < 600; code++) {
      if (noJitter.isRetryable(code)) {
        String family = code / 100 + "xx";
        if (code % 100 == 0 && isWholeFamilyRetried(code)) {
          retried.add(family);
          code += 99;
        } else {
          retried.add(String.valueOf(code));
        }
      }
    }
    assertEquals(
        retried, named, "the statuses OrqClient.Builder.maxRetries names, and RetryPolicy's");
  }

  private boolean isWholeFamilyRetried(int first) {
    for (int code = first; code < first + 100; code++) {
      if (!noJitter.isRetryable(code)) {
        return false;
      }
    }
    return true;
  }

  @Test
  void ioFailuresAreRetriedExceptWhereANewAttemptCannotHelp() {
    assertTrue(noJitter.isRetryable(new ConnectException("refused")));
    assertTrue(noJitter.isRetryable(new EOFException("unexpected end of stream")));
    assertTrue(noJitter.isRetryable(new SocketTimeoutException("read timed out")));
    assertTrue(noJitter.isRetryable(new InterruptedIOException("timeout")));
    assertTrue(noJitter.isRetryable(new IOException("connection reset")));
    assertFalse(noJitter.isRetryable(new SSLPeerUnverifiedException("bad certificate")));
    assertFalse(noJitter.isRetryable(new UnknownServiceException("CLEARTEXT not permitted")));
  }

  @ParameterizedTest
  @CsvSource({
    "1, 500, 375",
    "2, 1000, 750",
    "3, 2000, 1500",
    "4, 4000, 3000",
    "5, 8000, 6000",
    "6, 8000, 6000",
    "40, 8000, 6000"
  })
  void backoffDoublesFromHalfASecondToEightWithUpTo25PercentJitter(int retry, long max, long min) {
    assertEquals(max, noJitter.delayMillis(retry, null));
    assertEquals(min, fullJitter.delayMillis(retry, null));
    assertEquals(max, noJitter.delayMillis(retry, response()));
  }

  @Test
  void retryAfterSeconds() {
    assertEquals(3000, noJitter.delayMillis(1, response("Retry-After", "3")));
    assertEquals(1500, noJitter.delayMillis(1, response("Retry-After", " 1.5 ")));
    assertEquals(0, noJitter.delayMillis(1, response("Retry-After", "0")));
    assertEquals(60_000, noJitter.delayMillis(1, response("Retry-After", "60")));
  }

  @Test
  void retryAfterHttpDate() {
    assertEquals(
        10_000, noJitter.delayMillis(1, response("Retry-After", "Thu, 01 Jan 2026 00:00:10 GMT")));
    assertEquals(
        0,
        noJitter.delayMillis(1, response("Retry-After", "Wed, 31 Dec 2025 23:59:00 GMT")),
        "a date in the past means: now");
  }

  @Test
  void retryAfterMsComesFirst() {
    assertEquals(
        250, noJitter.delayMillis(1, response("retry-after-ms", "250", "Retry-After", "30")));
    assertEquals(1, noJitter.delayMillis(1, response("retry-after-ms", "1.9")));
  }

  @Test
  void aServerAskingForMoreThanAMinuteIsNotRetried() {
    assertEquals(-1, noJitter.delayMillis(1, response("Retry-After", "61")));
    assertEquals(-1, noJitter.delayMillis(1, response("retry-after-ms", "60001")));
    assertEquals(
        -1, noJitter.delayMillis(1, response("Retry-After", "Thu, 01 Jan 2026 01:00:00 GMT")));
    assertEquals(-1, noJitter.delayMillis(1, response("Retry-After", "1e300")));
  }

  @Test
  void unreadableHeadersFallBackToBackoff() {
    assertEquals(1000, noJitter.delayMillis(2, response("Retry-After", "soon")));
    assertEquals(1000, noJitter.delayMillis(2, response("Retry-After", "NaN")));
    assertEquals(1000, noJitter.delayMillis(2, response("retry-after-ms", "Infinity")));
  }

  @Test
  void theDefaultsJitterWithinBounds() {
    assertSame(RetryPolicy.defaults(), RetryPolicy.defaults());
    for (int i = 0; i < 100; i++) {
      long delay = RetryPolicy.defaults().delayMillis(1, null);
      assertTrue(delay >= 375 && delay <= 500, Long.toString(delay));
    }
    assertEquals("X-Orq-Retry-Count", RetryPolicy.RETRY_COUNT_HEADER);
  }

  private static Response response(String... headers) {
    Response.Builder response =
        new Response.Builder()
            .request(new Request.Builder().url("http://127.0.0.1/").build())
            .protocol(Protocol.HTTP_1_1)
            .code(503)
            .message("Service Unavailable");
    for (int i = 0; i < headers.length; i += 2) {
      response.addHeader(headers[i], headers[i + 1]);
    }
    return response.build();
  }
}
