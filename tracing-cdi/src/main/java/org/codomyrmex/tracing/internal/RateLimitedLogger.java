package org.codomyrmex.tracing.internal;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import java.util.logging.Level;
import java.util.logging.Logger;

/** Not API: logs at most one message per interval and says how many were suppressed. */
public final class RateLimitedLogger {
  private static final long INTERVAL_NANOS = TimeUnit.SECONDS.toNanos(10);

  private final Logger logger;
  private final AtomicLong nextAllowed = new AtomicLong(Long.MIN_VALUE);
  // Striped: every dropped span of every thread counts here, and a shared counter would be
  // contended.
  private final LongAdder suppressed = new LongAdder();

  /** Creates a limiter writing to the named java.util.logging logger. */
  public RateLimitedLogger(String loggerName) {
    this.logger = Logger.getLogger(loggerName);
  }

  /** Logs a warning unless one was logged less than ten seconds ago. */
  public void warn(String message, Throwable error) {
    if (permits()) {
      log(message, error);
    }
  }

  /**
   * Returns true when a message may be logged now, else counts one more suppressed message; lets a
   * hot path skip building a message that would not be logged.
   */
  public boolean permits() {
    long now = System.nanoTime();
    long next = nextAllowed.get();
    boolean due = next == Long.MIN_VALUE || now - next >= 0;
    if (due && nextAllowed.compareAndSet(next, now + INTERVAL_NANOS)) {
      return true;
    }
    suppressed.increment();
    return false;
  }

  /** Logs a warning now, saying how many were suppressed; call only after {@link #permits()}. */
  public void log(String message, Throwable error) {
    long skipped = suppressed.sumThenReset();
    String suffix = skipped == 0 ? "" : " (" + skipped + " similar messages suppressed)";
    logger.log(Level.WARNING, message + suffix, error);
  }
}
