package org.codomyrmex.tracing.internal;

import org.codomyrmex.tracing.CapturedSpan;
import org.codomyrmex.tracing.Scope;

/**
 * Not API: the restorer of the thread-context providers, which makes a captured span current on the
 * worker and puts back, once, exactly what the worker had before.
 *
 * <p>Its {@link #endContext()} implements the method of the same name in both Jakarta Concurrency
 * and MicroProfile Context Propagation, so each provider subclasses it with its own interface.
 */
public abstract class SpanRestorer {
  private Scope attached;

  /** Makes {@code captured} current on this thread until {@link #endContext()}. */
  protected SpanRestorer(CapturedSpan captured) {
    attached = captured.attach();
  }

  /**
   * Puts back what this thread had current before; must run on the same thread.
   *
   * @throws IllegalStateException when the context was already ended, as both SPIs require
   */
  public void endContext() {
    Scope scope = attached;
    if (scope == null) {
      throw new IllegalStateException("Tracing context already ended");
    }
    attached = null;
    scope.close();
  }
}
