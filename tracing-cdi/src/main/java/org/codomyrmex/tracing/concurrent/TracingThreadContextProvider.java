package org.codomyrmex.tracing.concurrent;

import jakarta.enterprise.concurrent.spi.ThreadContextProvider;
import jakarta.enterprise.concurrent.spi.ThreadContextRestorer;
import jakarta.enterprise.concurrent.spi.ThreadContextSnapshot;
import java.util.Map;
import org.codomyrmex.tracing.CapturedSpan;
import org.codomyrmex.tracing.internal.SpanRestorer;

/**
 * Jakarta Concurrency 3.0 context of type {@value #TYPE}: managed executors, contextual proxies and
 * {@code @Asynchronous} methods run with the submitter's current span.
 *
 * <p>The runtime finds it through {@code
 * META-INF/services/jakarta.enterprise.concurrent.spi.ThreadContextProvider}; applications only
 * name its type, for instance to clear it:
 *
 * <pre>{@code
 * @ContextServiceDefinition(name = "java:app/concurrent/Untraced", cleared = "Tracing")
 * }</pre>
 */
public final class TracingThreadContextProvider implements ThreadContextProvider {
  /** The context type, as named in {@code propagated}, {@code cleared} or {@code unchanged}. */
  public static final String TYPE = "Tracing";

  private static final ThreadContextSnapshot CLEARED = snapshot(CapturedSpan.none());

  /** Creates the provider; the runtime does this through the service loader. */
  public TracingThreadContextProvider() {}

  /** Captures the span current on this thread; with none current, allocates nothing. */
  @Override
  public ThreadContextSnapshot currentContext(Map<String, String> executionProperties) {
    CapturedSpan captured = CapturedSpan.capture();
    return captured == CapturedSpan.none() ? CLEARED : snapshot(captured);
  }

  /** Returns the context that runs tasks with no current span. */
  @Override
  public ThreadContextSnapshot clearedContext(Map<String, String> executionProperties) {
    return CLEARED;
  }

  /** Returns {@value #TYPE}. */
  @Override
  public String getThreadContextType() {
    return TYPE;
  }

  private static ThreadContextSnapshot snapshot(CapturedSpan captured) {
    return () -> new Restorer(captured);
  }

  private static final class Restorer extends SpanRestorer implements ThreadContextRestorer {
    Restorer(CapturedSpan captured) {
      super(captured);
    }
  }
}
