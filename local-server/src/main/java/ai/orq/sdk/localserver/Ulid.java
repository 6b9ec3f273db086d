package ai.orq.sdk.localserver;

import java.security.SecureRandom;

/**
 * Monotonic ULID generator: 26 characters of lowercase Crockford base32 (as orq.ai writes them), a
 * 48-bit millisecond timestamp followed by 80 random bits. Within one millisecond the random part
 * is incremented, so ids from one generator sort (as strings) in the order they were made.
 * Thread-safe.
 */
final class Ulid {
  private static final char[] ALPHABET = "0123456789abcdefghjkmnpqrstvwxyz".toCharArray();

  private final SecureRandom random = new SecureRandom();
  private long lastMillis = -1;
  private long randomHigh; // upper 16 of the 80 random bits
  private long randomLow; // lower 64 of the 80 random bits

  /** Returns the next ULID. */
  synchronized String next() {
    long now = System.currentTimeMillis();
    if (now > lastMillis) {
      lastMillis = now;
      randomHigh = random.nextInt(1 << 16);
      randomLow = random.nextLong();
    } else {
      randomLow++;
      if (randomLow == 0) {
        randomHigh = (randomHigh + 1) & 0xFFFF;
        if (randomHigh == 0) {
          lastMillis++; // 80-bit overflow: borrow the next millisecond to stay monotonic
        }
      }
    }
    return encode(lastMillis, randomHigh, randomLow);
  }

  /** Returns {@code prefix + "_" + next()}, e.g. {@code conv_01jj1hdhn79xas7a01wb3hysdb}. */
  String next(String prefix) {
    return prefix + "_" + next();
  }

  static String encode(long millis, long high, long low) {
    char[] out = new char[26];
    for (int i = 0; i < 10; i++) {
      out[i] = ALPHABET[(int) (millis >>> (45 - 5 * i)) & 31];
    }
    for (int i = 0; i < 16; i++) {
      int shift = 75 - 5 * i;
      long bits;
      if (shift >= 64) {
        bits = high >>> (shift - 64);
      } else if (shift > 59) {
        bits = (low >>> shift) | (high << (64 - shift));
      } else {
        bits = low >>> shift;
      }
      out[10 + i] = ALPHABET[(int) bits & 31];
    }
    return new String(out);
  }
}
