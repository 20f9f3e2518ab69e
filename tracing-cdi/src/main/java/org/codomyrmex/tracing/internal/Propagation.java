package org.codomyrmex.tracing.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.BiConsumer;
import java.util.function.Function;
import org.codomyrmex.tracing.SpanContext;

/** Not API: reads and writes a span context in carrier headers. */
public interface Propagation {
  /** The library's own headers: X-Trace-Id, X-Span-Id, X-Parent-Span-Id, X-Sampled. */
  Propagation X_TRACE =
      new Propagation() {
        @Override
        public Optional<SpanContext> extract(Function<String, String> getter) {
          return SpanContext.fromHeaders(getter);
        }

        @Override
        public void inject(SpanContext context, BiConsumer<String, String> setter) {
          context.toHeaders().forEach(setter);
        }
      };

  /** Reads a context through {@code getter} (header name to value, case-insensitive). */
  Optional<SpanContext> extract(Function<String, String> getter);

  /** Writes {@code context} through {@code setter}. */
  void inject(SpanContext context, BiConsumer<String, String> setter);

  /** Returns the propagation named by {@code tracing.propagation}. */
  static Propagation fromConfig(TracingConfig config) {
    List<Propagation> all = new ArrayList<>();
    for (String name : config.propagation()) {
      all.add(named(name));
    }
    return all.size() == 1 ? all.get(0) : new CompositePropagation(all);
  }

  private static Propagation named(String name) {
    if ("x-trace".equals(name)) {
      return X_TRACE;
    }
    if ("w3c".equals(name)) {
      return W3cPropagation.INSTANCE;
    }
    throw new IllegalArgumentException(
        TracingConfig.PROPAGATION + ": propagation '" + name + "' is not available in this build");
  }
}
