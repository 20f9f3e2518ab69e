package org.codomyrmex.tracing;

import java.util.Locale;

/**
 * The role a span plays in a trace, as in OpenTelemetry; serialised in lowercase ({@code
 * "server"}).
 */
public enum SpanKind {
  /** An operation inside the application; the default. */
  INTERNAL,
  /** The handling of a request received from a remote caller. */
  SERVER,
  /** A request sent to a remote service. */
  CLIENT,
  /** The sending of a message to a broker. */
  PRODUCER,
  /** The processing of a message received from a broker. */
  CONSUMER;

  private static final SpanKind[] VALUES = values();
  private final String wireName = name().toLowerCase(Locale.ROOT);

  /** Returns the lowercase name used in span JSON, for example {@code "client"}. */
  public String wireName() {
    return wireName;
  }

  static SpanKind ofOrdinal(int ordinal) {
    return VALUES[ordinal];
  }
}
