package org.codomyrmex.tracing.export;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Writes the protobuf wire format into a growing array. A nested message is opened with {@link
 * #begin} and closed with {@link #end}, which writes its length in front of it: one byte is kept
 * for it, and the body moves only when it is 128 bytes or longer.
 */
final class ProtoWriter {
  private static final int VARINT = 0;
  private static final int FIXED64 = 1;
  private static final int LENGTH_DELIMITED = 2;
  private static final int FIXED32 = 5;

  private byte[] buffer;
  private int position;
  private int[] open = new int[8];
  private int depth;

  ProtoWriter(int capacity) {
    buffer = new byte[Math.max(capacity, 64)];
  }

  /** Opens the nested message {@code field}. */
  void begin(int field) {
    tag(field, LENGTH_DELIMITED);
    if (depth == open.length) {
      open = Arrays.copyOf(open, depth * 2);
    }
    ensure(1);
    open[depth++] = position++;
  }

  /** Closes the message opened last. */
  void end() {
    int start = open[--depth];
    int length = position - start - 1;
    int size = varintSize(length);
    if (size > 1) {
      ensure(size - 1);
      System.arraycopy(buffer, start + 1, buffer, start + size, length);
      position += size - 1;
    }
    int end = position;
    position = start;
    varint(length);
    position = end;
  }

  /** Writes a {@code string} field, UTF-8 encoded. */
  void string(int field, String value) {
    tag(field, LENGTH_DELIMITED);
    if (isAscii(value)) {
      int length = value.length();
      varint(length);
      ensure(length);
      for (int i = 0; i < length; i++) {
        buffer[position++] = (byte) value.charAt(i);
      }
    } else {
      bytes(value.getBytes(StandardCharsets.UTF_8));
    }
  }

  /** Writes a {@code bytes} field holding {@code value} as big-endian bytes, as ids are. */
  void id(int field, long value) {
    tag(field, LENGTH_DELIMITED);
    varint(8);
    bigEndian(value);
  }

  /** Writes a {@code bytes} field holding the 16 bytes of {@code high} then {@code low}. */
  void id(int field, long high, long low) {
    tag(field, LENGTH_DELIMITED);
    varint(16);
    bigEndian(high);
    bigEndian(low);
  }

  /** Writes a varint field: {@code int32}, {@code int64}, {@code uint32}, an enum or a bool. */
  void varint(int field, long value) {
    tag(field, VARINT);
    varint(value);
  }

  /** Writes a {@code fixed64} field. */
  void fixed64(int field, long value) {
    tag(field, FIXED64);
    ensure(8);
    for (int i = 0; i < 8; i++) {
      buffer[position++] = (byte) (value >>> (8 * i));
    }
  }

  /** Writes a {@code double} field. */
  void doubleValue(int field, double value) {
    fixed64(field, Double.doubleToRawLongBits(value));
  }

  /** Writes a {@code fixed32} field. */
  void fixed32(int field, int value) {
    tag(field, FIXED32);
    ensure(4);
    for (int i = 0; i < 4; i++) {
      buffer[position++] = (byte) (value >>> (8 * i));
    }
  }

  /** Returns what was written; every message begun must have ended. */
  byte[] toByteArray() {
    if (depth != 0) {
      throw new IllegalStateException(depth + " nested messages not ended");
    }
    return Arrays.copyOf(buffer, position);
  }

  private void tag(int field, int wireType) {
    varint((long) field << 3 | wireType);
  }

  private void bytes(byte[] value) {
    varint(value.length);
    ensure(value.length);
    System.arraycopy(value, 0, buffer, position, value.length);
    position += value.length;
  }

  private void bigEndian(long value) {
    ensure(8);
    for (int i = 7; i >= 0; i--) {
      buffer[position++] = (byte) (value >>> (8 * i));
    }
  }

  private void varint(long value) {
    ensure(10);
    while ((value & ~0x7FL) != 0) {
      buffer[position++] = (byte) ((value & 0x7F) | 0x80);
      value >>>= 7;
    }
    buffer[position++] = (byte) value;
  }

  private static int varintSize(int value) {
    int size = 1;
    while ((value & ~0x7F) != 0) {
      value >>>= 7;
      size++;
    }
    return size;
  }

  private static boolean isAscii(String value) {
    for (int i = 0; i < value.length(); i++) {
      if (value.charAt(i) >= 0x80) {
        return false;
      }
    }
    return true;
  }

  private void ensure(int more) {
    if (position + more > buffer.length) {
      buffer = Arrays.copyOf(buffer, Math.max(buffer.length * 2, position + more));
    }
  }
}
