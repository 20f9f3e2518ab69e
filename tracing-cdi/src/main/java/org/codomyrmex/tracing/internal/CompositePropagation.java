package org.codomyrmex.tracing.internal;

import java.util.List;
import java.util.Optional;
import java.util.function.BiConsumer;
import java.util.function.Function;
import org.codomyrmex.tracing.SpanContext;

/** Writes every format; reads the first one present, in configuration order. */
final class CompositePropagation implements Propagation {
  private final List<Propagation> formats;

  CompositePropagation(List<Propagation> formats) {
    this.formats = List.copyOf(formats);
  }

  @Override
  public Optional<SpanContext> extract(Function<String, String> getter) {
    Optional<SpanContext> first = Optional.empty();
    for (Propagation format : formats) {
      // Every format reads, so W3C keeps the tracestate even when x-trace wins.
      Optional<SpanContext> context = format.extract(getter);
      first = first.isPresent() ? first : context;
    }
    return first;
  }

  @Override
  public void inject(SpanContext context, BiConsumer<String, String> setter) {
    for (Propagation format : formats) {
      format.inject(context, setter);
    }
  }
}
