package org.codomyrmex.tracing.internal;

import java.nio.charset.StandardCharsets;
import java.util.concurrent.ThreadLocalRandom;

/** Not API: random ids and their lowercase hex form. */
public final class Ids {
  private static final byte[] DIGITS = "0123456789abcdef".getBytes(StandardCharsets.ISO_8859_1);

  private Ids() {}

  /** Returns a random non-zero 64-bit id. */
  public static long randomNonZero() {
    long id;
    do {
      id = ThreadLocalRandom.current().nextLong();
    } while (id == 0L);
    return id;
  }

  /** Returns the 16 lowercase hex digits of {@code id}. */
  public static String hex(long id) {
    byte[] out = new byte[16];
    write(id, out, 0);
    return new String(out, StandardCharsets.ISO_8859_1);
  }

  /** Returns the 32 lowercase hex digits of the 128-bit id {@code high:low}. */
  public static String hex(long high, long low) {
    // Latin-1 bytes: the string takes a copy as they are, with no char[] to compress first.
    byte[] out = new byte[32];
    write(high, out, 0);
    write(low, out, 16);
    return new String(out, StandardCharsets.ISO_8859_1);
  }

  private static void write(long id, byte[] out, int offset) {
    for (int i = 15; i >= 0; i--) {
      out[offset + i] = DIGITS[(int) (id & 0xf)];
      id >>>= 4;
    }
  }

  /** Returns true when {@code s} has exactly {@code length} hex digits of either case. */
  public static boolean isHex(CharSequence s, int length) {
    if (s == null || s.length() != length) {
      return false;
    }
    for (int i = 0; i < length; i++) {
      if (digit(s.charAt(i)) < 0) {
        return false;
      }
    }
    return true;
  }

  // ASCII only: Character.digit would also accept other scripts' digits.
  private static int digit(char c) {
    if (c >= '0' && c <= '9') {
      return c - '0';
    }
    if (c >= 'a' && c <= 'f') {
      return c - 'a' + 10;
    }
    return c >= 'A' && c <= 'F' ? c - 'A' + 10 : -1;
  }

  /** Parses 16 hex digits of {@code s} starting at {@code offset}; the caller validated them. */
  public static long parse(CharSequence s, int offset) {
    long id = 0;
    for (int i = 0; i < 16; i++) {
      id = (id << 4) | digit(s.charAt(offset + i));
    }
    return id;
  }
}
