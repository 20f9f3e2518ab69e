package org.codomyrmex.tracing.internal;

import java.util.Optional;
import java.util.function.BiConsumer;
import java.util.function.Function;
import org.codomyrmex.tracing.SpanContext;

/**
 * Not API: W3C Trace Context propagation, the {@code traceparent} and {@code tracestate} headers.
 *
 * <p>Selected with {@code tracing.propagation=w3c} (or {@code x-trace,w3c} for both formats). An
 * invalid {@code traceparent} is ignored; a valid one yields a remote parent whose {@code sampled}
 * is trace flag {@code 01}. The {@code tracestate} that came with it is passed on unchanged by
 * every outgoing request of the same trace.
 *
 * <pre>{@code
 * Propagation w3c = W3cPropagation.INSTANCE;
 * w3c.inject(span.context(), headers::put); // traceparent: 00-<trace>-<span>-01
 * }</pre>
 */
public final class W3cPropagation implements Propagation {
  /** Header carrying version, trace id, parent id and flags. */
  public static final String TRACEPARENT = "traceparent";

  /** Header carrying vendor-specific trace data, passed on unchanged. */
  public static final String TRACESTATE = "tracestate";

  /** The process-wide instance; its {@code tracestate} memory is shared by all requests. */
  public static final W3cPropagation INSTANCE = new W3cPropagation(new TraceStates());

  private final TraceStates traceStates;

  W3cPropagation(TraceStates traceStates) {
    this.traceStates = traceStates;
  }

  /** Reads {@code traceparent} (and remembers {@code tracestate}); empty when it is invalid. */
  @Override
  public Optional<SpanContext> extract(Function<String, String> getter) {
    SpanContext context = TraceParent.parse(getter.apply(TRACEPARENT));
    if (context == null) {
      return Optional.empty();
    }
    traceStates.remember(context.traceId(), TraceParent.traceState(getter.apply(TRACESTATE)));
    return Optional.of(context);
  }

  /**
   * Writes {@code traceparent} naming {@code context}'s span, and the trace's {@code tracestate}.
   */
  @Override
  public void inject(SpanContext context, BiConsumer<String, String> setter) {
    setter.accept(TRACEPARENT, TraceParent.format(context));
    traceStates.lookup(context.traceId()).ifPresent(state -> setter.accept(TRACESTATE, state));
  }
}
