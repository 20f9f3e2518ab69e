package org.codomyrmex.tracing;

import org.codomyrmex.tracing.internal.RateLimitedLogger;

/**
 * The span current on each thread, shared by all tracers.
 *
 * <p>One mutable holder per thread keeps a push or pop to a field write after one thread-local
 * lookup.
 */
final class CurrentSpan {
  private static final ThreadLocal<Holder> HOLDER = ThreadLocal.withInitial(Holder::new);
  private static final RateLimitedLogger LOG = new RateLimitedLogger(CurrentSpan.class.getName());
  private static volatile boolean strict = Boolean.getBoolean("tracing.strict");
  // Plain field: set when tracers are created, read on every change of the current span.
  private static CurrentSpanListener listener;

  private CurrentSpan() {}

  static final class Holder {
    Span span;

    /** Makes {@code next} current and returns what was current before. */
    Span swap(Span next) {
      Span previous = span;
      set(next);
      return previous;
    }

    /** Makes {@code next} current, telling the listener when that changes anything. */
    void set(Span next) {
      Span previous = span;
      span = next;
      CurrentSpanListener current = listener;
      if (current != null && previous != next) {
        tell(current, previous, next);
      }
    }
  }

  /** Installs the listener told of every change of the current span; {@code null} for none. */
  static void listener(CurrentSpanListener next) {
    listener = next;
  }

  static CurrentSpanListener listener() {
    return listener;
  }

  private static void tell(CurrentSpanListener listener, Span previous, Span next) {
    try {
      listener.currentSpanChanged(previous, next);
    } catch (RuntimeException | LinkageError e) {
      LOG.warn("current-span listener " + listener.getClass().getName() + " failed", e);
    }
  }

  static Holder holder() {
    return HOLDER.get();
  }

  static Span get() {
    return HOLDER.get().span;
  }

  static void strict(boolean enabled) {
    strict = enabled;
  }

  /** Makes {@code span} current for a try-with-resources on the span itself. */
  static void push(Holder holder, Span span) {
    span.previous = holder.span;
    span.scopeState = Span.SCOPE_OPEN;
    holder.set(span);
  }

  /** Restores what was current before {@code span}, skipping spans whose scope already closed. */
  static void closeScopedSpan(Span span) {
    Holder holder = HOLDER.get();
    span.scopeState = Span.SCOPE_CLOSED;
    if (holder.span != span) {
      // Keeps its link, so that the span current now can later restore past it.
      misnested("span '" + span.name() + "' closed while another span was current");
      return;
    }
    Span previous = span.previous;
    span.previous = null;
    while (previous != null && previous.scopeState == Span.SCOPE_CLOSED) {
      previous = previous.previous;
    }
    holder.set(previous);
  }

  static Scope attach(Span span) {
    Holder holder = HOLDER.get();
    return new SwapScope(holder, span, holder.swap(span));
  }

  static void misnested(String what) {
    String message = "tracing scope mis-nested: " + what;
    if (strict) {
      throw new IllegalStateException(message);
    }
    LOG.warn(message, null);
  }

  /** Puts back the previous span when closed on the thread that opened it. */
  private static final class SwapScope implements Scope {
    private final Holder holder;
    private final Span attached;
    private final Span previous;
    private boolean closed;

    SwapScope(Holder holder, Span attached, Span previous) {
      this.holder = holder;
      this.attached = attached;
      this.previous = previous;
    }

    @Override
    public void close() {
      if (closed) {
        return;
      }
      closed = true;
      if (HOLDER.get() != holder || holder.span != attached) {
        misnested("a scope was closed on another thread or out of order");
        return;
      }
      holder.set(previous);
    }
  }
}
