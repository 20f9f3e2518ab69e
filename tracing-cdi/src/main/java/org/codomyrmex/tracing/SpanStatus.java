package org.codomyrmex.tracing;

import java.util.Locale;

/** The outcome of a span; serialised in lowercase ({@code "error"}). */
public enum SpanStatus {
  /** Nothing was said about the outcome; the default. */
  UNSET,
  /** The operation was explicitly marked as successful. */
  OK,
  /** The operation failed. */
  ERROR;

  private static final SpanStatus[] VALUES = values();
  private final String wireName = name().toLowerCase(Locale.ROOT);

  /** Returns the lowercase name used in span JSON, for example {@code "error"}. */
  public String wireName() {
    return wireName;
  }

  static SpanStatus ofOrdinal(int ordinal) {
    return VALUES[ordinal];
  }
}
