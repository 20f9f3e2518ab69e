package org.codomyrmex.tracing.logging;

import java.util.Objects;
import java.util.logging.Formatter;
import java.util.logging.Handler;
import java.util.logging.LogManager;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.logging.SimpleFormatter;
import org.codomyrmex.tracing.Span;
import org.codomyrmex.tracing.Tracers;
import org.codomyrmex.tracing.internal.TracingConfig;

/**
 * A java.util.logging formatter that starts the message of each record logged while a span is
 * current with {@code [trace_id=… span_id=…]}, then hands the record to the formatter it wraps.
 *
 * <p>java.util.logging has no MDC; this is its log correlation. It reads the span current on the
 * thread that formats, so it belongs on handlers that format where the record is logged ({@code
 * ConsoleHandler}, {@code FileHandler}), not on asynchronous ones. Configured in {@code
 * logging.properties}, it wraps the formatter named by {@code
 * org.codomyrmex.tracing.logging.TraceIdFormatter.delegate} (default {@code SimpleFormatter}):
 *
 * <pre>{@code
 * java.util.logging.ConsoleHandler.formatter=org.codomyrmex.tracing.logging.TraceIdFormatter
 * org.codomyrmex.tracing.logging.TraceIdFormatter.delegate=java.util.logging.SimpleFormatter
 * }</pre>
 *
 * <p>From code, {@link #wrapRootHandlers()} wraps the formatter of each handler of the root logger.
 * With {@code tracing.log-correlation=false} (a system property or environment variable here) it
 * adds nothing.
 */
public final class TraceIdFormatter extends Formatter {
  /** The {@code logging.properties} key naming the formatter to wrap. */
  public static final String DELEGATE_PROPERTY = TraceIdFormatter.class.getName() + ".delegate";

  private final Formatter delegate;
  private final boolean enabled;

  /** Wraps the formatter named in {@code logging.properties}, or a {@code SimpleFormatter}. */
  public TraceIdFormatter() {
    this(configuredDelegate());
  }

  /** Wraps {@code delegate}. */
  public TraceIdFormatter(Formatter delegate) {
    this.delegate = Objects.requireNonNull(delegate, "delegate");
    this.enabled = TracingConfig.of(TraceIdFormatter::systemOrEnvironment).logCorrelation();
  }

  /**
   * Wraps the formatter of every handler of the root logger, once; returns how many it wrapped.
   * Handlers without a formatter get a wrapped {@code SimpleFormatter}.
   */
  public static int wrapRootHandlers() {
    int wrapped = 0;
    for (Handler handler : Logger.getLogger("").getHandlers()) {
      if (wrap(handler)) {
        wrapped++;
      }
    }
    return wrapped;
  }

  /** Wraps the formatter of {@code handler} unless it already is one; returns whether it did. */
  public static boolean wrap(Handler handler) {
    Formatter current = handler.getFormatter();
    if (current instanceof TraceIdFormatter) {
      return false;
    }
    handler.setFormatter(new TraceIdFormatter(current == null ? new SimpleFormatter() : current));
    return true;
  }

  /** Returns the formatter this one hands records to. */
  public Formatter delegate() {
    return delegate;
  }

  /** Formats {@code record} with the ids of the current span before its message. */
  @Override
  public String format(LogRecord record) {
    Span span = enabled ? Tracers.currentSpan().orElse(null) : null;
    if (span == null || span.tracer() == null) {
      return delegate.format(record);
    }
    return delegate.format(withIds(record, span));
  }

  /** Returns the wrapped formatter's head. */
  @Override
  public String getHead(Handler handler) {
    return delegate.getHead(handler);
  }

  /** Returns the wrapped formatter's tail. */
  @Override
  public String getTail(Handler handler) {
    return delegate.getTail(handler);
  }

  /** A copy whose message is already localised and filled in, behind the ids. */
  private LogRecord withIds(LogRecord record, Span span) {
    String message =
        "[trace_id=" + span.traceId() + " span_id=" + span.spanId() + "] " + formatMessage(record);
    LogRecord copy = new LogRecord(record.getLevel(), message);
    copy.setLoggerName(record.getLoggerName());
    copy.setInstant(record.getInstant());
    copy.setSequenceNumber(record.getSequenceNumber());
    copy.setSourceClassName(record.getSourceClassName());
    copy.setSourceMethodName(record.getSourceMethodName());
    copy.setLongThreadID(record.getLongThreadID());
    copy.setThrown(record.getThrown());
    return copy;
  }

  private static Formatter configuredDelegate() {
    String name = LogManager.getLogManager().getProperty(DELEGATE_PROPERTY);
    if (name == null || name.isBlank()) {
      return new SimpleFormatter();
    }
    try {
      return (Formatter)
          Class.forName(name.trim(), true, TraceIdFormatter.class.getClassLoader())
              .getDeclaredConstructor()
              .newInstance();
    } catch (ReflectiveOperationException | ClassCastException e) {
      throw new IllegalArgumentException(
          DELEGATE_PROPERTY + ": cannot create formatter '" + name + "': " + e, e);
    }
  }

  private static String systemOrEnvironment(String key) {
    String value = System.getProperty(key);
    return value != null ? value : System.getenv(TracingConfig.envName(key));
  }
}
