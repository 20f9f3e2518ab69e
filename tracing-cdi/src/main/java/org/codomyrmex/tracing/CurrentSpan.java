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

  private CurrentSpan() {}

  static final class Holder {
    Span span;

    /** Makes {@code next} current and returns what was current before. */
    Span swap(Span next) {
      Span previous = span;
      span = next;
      return previous;
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
    holder.span = span;
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
    holder.span = previous;
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
      holder.span = previous;
    }
  }
}
