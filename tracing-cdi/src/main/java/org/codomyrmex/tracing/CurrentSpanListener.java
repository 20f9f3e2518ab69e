package org.codomyrmex.tracing;

/**
 * Service-provider interface: told on a thread whenever the span current on that thread changes.
 *
 * <p>Integrations such as log correlation implement it and list the class in {@code
 * META-INF/services/org.codomyrmex.tracing.CurrentSpanListener}; tracers load the listeners when
 * {@code tracing.log-correlation} is on. Called on the hot path of every scope: it must be cheap
 * and must not throw (what it throws is logged and ignored).
 *
 * <pre>{@code
 * public final class PrintingListener implements CurrentSpanListener {
 *   public void currentSpanChanged(Span previous, Span current) {
 *     System.out.println(current == null ? "none" : current.spanId());
 *   }
 * }
 * }</pre>
 */
public interface CurrentSpanListener {

  /**
   * Called after the current span of this thread changed from {@code previous} to {@code current};
   * either may be {@code null} (no span), and they are never the same span.
   */
  void currentSpanChanged(Span previous, Span current);

  /** Returns whether this listener has work to do here; an inactive one is never installed. */
  default boolean isActive() {
    return true;
  }
}
