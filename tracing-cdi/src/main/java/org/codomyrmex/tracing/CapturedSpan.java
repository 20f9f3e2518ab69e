package org.codomyrmex.tracing;

/**
 * The span that was current on one thread, to be made current on another: what executors and
 * thread-context providers carry across an asynchronous hop.
 *
 * <p>Capturing when no span is current allocates nothing.
 *
 * <pre>{@code
 * CapturedSpan captured = CapturedSpan.capture();       // on the submitting thread
 * pool.execute(() -> {
 *   try (Scope ignored = captured.attach()) {             // on the worker
 *     work();                                             // its spans are children of the caller's
 *   }
 * });
 * }</pre>
 */
public final class CapturedSpan {
  private static final CapturedSpan NONE = new CapturedSpan(null);

  /** Closing it leaves the thread with no current span, whatever the task left current. */
  private static final Scope BACK_TO_NONE = () -> CurrentSpan.holder().set(null);

  private final Span span;

  private CapturedSpan(Span span) {
    this.span = span;
  }

  /** Captures the span current on this thread (or that none is). */
  public static CapturedSpan capture() {
    Span current = CurrentSpan.get();
    return current == null ? NONE : new CapturedSpan(current);
  }

  /** Returns a capture of no span: attaching it runs work with no current span. */
  public static CapturedSpan none() {
    return NONE;
  }

  /** Returns the captured span, or {@code null} when none was current. */
  public Span span() {
    return span;
  }

  /**
   * Makes the captured span current on this thread; closing the scope puts back exactly what the
   * thread had before, even if the work in between left another span current.
   */
  public Scope attach() {
    CurrentSpan.Holder holder = CurrentSpan.holder();
    Span previous = holder.swap(span);
    if (previous == null) {
      return BACK_TO_NONE;
    }
    return () -> holder.set(previous);
  }

  @Override
  public String toString() {
    return span == null ? "CapturedSpan{none}" : "CapturedSpan{" + span + '}';
  }
}
