package ai.orq.sdk.localserver;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class UlidTest {
  @Test
  void encodesTimestampThenRandomnessInLowercaseCrockfordBase32() {
    assertEquals("00000000000000000000000000", Ulid.encode(0, 0, 0));
    assertEquals("7zzzzzzzzzzzzzzzzzzzzzzzzz", Ulid.encode((1L << 48) - 1, 0xFFFF, -1L));
    assertEquals("0000000001" + "0000000000000001", Ulid.encode(1, 0, 1));
    // bit 64 of the random part straddles the high and low words
    assertEquals("0000000000" + "0000000000000g00", Ulid.encode(0, 0, 1L << 14));
    assertEquals("0000000000" + "000g000000000000", Ulid.encode(0, 1, 0));
  }

  @Test
  void idsAreMonotonicEvenWithinOneMillisecond() {
    Ulid ulid = new Ulid();
    String previous = ulid.next();
    for (int i = 0; i < 10_000; i++) {
      String next = ulid.next();
      assertEquals(26, next.length());
      assertTrue(next.matches("[0-9a-hjkmnp-tv-z]{26}"), next);
      assertTrue(next.compareTo(previous) > 0, next + " after " + previous);
      previous = next;
    }
    assertTrue(ulid.next("conv").startsWith("conv_"));
  }
}
