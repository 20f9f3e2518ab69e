package org.codomyrmex.tracing.export;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.codomyrmex.tracing.Span;
import org.codomyrmex.tracing.SpanKind;
import org.codomyrmex.tracing.SpanStatus;
import org.codomyrmex.tracing.Tracer;

/** Finished spans made by a real tracer, for feeding exporters directly. */
final class SampleSpans {
  private SampleSpans() {}

  /**
   * Returns a trace of three spans of {@code service}: a SERVER root with typed attributes, a
   * CLIENT child that failed (exception event, ERROR), and an INTERNAL child with an OK status.
   */
  static List<Span> trace(String service) {
    return record(
        service,
        tracer -> {
          Span root = tracer.startSpan("GET /orders/{id}", SpanKind.SERVER, null, Map.of());
          root.setAttribute("http.request.method", "GET");
          root.setAttribute("http.response.status_code", 200L);
          root.setAttribute("ratio", 0.25);
          root.setAttribute("cached", true);
          root.setAttribute("tags", List.of("a", "b"));
          root.addEvent("validated", Map.of("items", 3L));
          Span client = tracer.startSpan("call inventory", SpanKind.CLIENT, root.context(), null);
          client.recordException(new IllegalStateException("inventory down"));
          client.finish();
          Span internal = tracer.startSpan("compute", SpanKind.INTERNAL, root.context(), null);
          internal.setStatus(SpanStatus.OK);
          internal.finish();
          root.finish();
        });
  }

  /** Returns {@code count} root INTERNAL spans, each with a few attributes. */
  static List<Span> many(String service, int count) {
    return record(
        service,
        tracer -> {
          for (int i = 0; i < count; i++) {
            Span span = tracer.startSpan("op-" + i, SpanKind.INTERNAL, null, Map.of("i", (long) i));
            span.setAttribute("component", "sample");
            span.finish();
          }
        });
  }

  /** Runs {@code body} with a tracer of {@code service} and returns the spans it finished. */
  static List<Span> record(String service, java.util.function.Consumer<Tracer> body) {
    List<Span> spans = Collections.synchronizedList(new ArrayList<>());
    Tracer tracer = Tracer.create(service, spans::addAll);
    try {
      body.accept(tracer);
      tracer.flush();
    } finally {
      tracer.shutdown();
    }
    return List.copyOf(spans);
  }
}
