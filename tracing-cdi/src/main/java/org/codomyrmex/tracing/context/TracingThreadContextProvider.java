package org.codomyrmex.tracing.context;

import java.util.Map;
import org.codomyrmex.tracing.CapturedSpan;
import org.codomyrmex.tracing.internal.SpanRestorer;
import org.eclipse.microprofile.context.spi.ThreadContextController;
import org.eclipse.microprofile.context.spi.ThreadContextProvider;
import org.eclipse.microprofile.context.spi.ThreadContextSnapshot;

/**
 * MicroProfile Context Propagation context of type {@value #TYPE}: a {@code ManagedExecutor} or
 * {@code ThreadContext} (Quarkus, SmallRye) runs tasks with the submitter's current span.
 *
 * <p>The runtime finds it through {@code
 * META-INF/services/org.eclipse.microprofile.context.spi.ThreadContextProvider}; applications only
 * name its type, for instance to clear it:
 *
 * <pre>{@code
 * ManagedExecutor untraced = ManagedExecutor.builder().cleared("Tracing").build();
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
  public ThreadContextSnapshot currentContext(Map<String, String> props) {
    CapturedSpan captured = CapturedSpan.capture();
    return captured == CapturedSpan.none() ? CLEARED : snapshot(captured);
  }

  /** Returns the context that runs tasks with no current span. */
  @Override
  public ThreadContextSnapshot clearedContext(Map<String, String> props) {
    return CLEARED;
  }

  /** Returns {@value #TYPE}. */
  @Override
  public String getThreadContextType() {
    return TYPE;
  }

  private static ThreadContextSnapshot snapshot(CapturedSpan captured) {
    return () -> new Controller(captured);
  }

  private static final class Controller extends SpanRestorer implements ThreadContextController {
    Controller(CapturedSpan captured) {
      super(captured);
    }
  }
}
