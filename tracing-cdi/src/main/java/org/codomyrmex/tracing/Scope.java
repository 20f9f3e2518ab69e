package org.codomyrmex.tracing;

/**
 * Undoes one change of the current span on this thread when closed.
 *
 * <pre>{@code
 * try (Scope ignored = span.makeCurrent()) {
 *   // span is current here
 * }
 * }</pre>
 */
public interface Scope extends AutoCloseable {
  /** Restores the span that was current before this scope was opened; never throws. */
  @Override
  void close();
}
