package org.codomyrmex.tracing.ui;

import java.util.List;
import org.codomyrmex.tracing.Span;
import org.codomyrmex.tracing.SpanKind;
import org.codomyrmex.tracing.SpanStatus;
import org.codomyrmex.tracing.Tracer;
import org.codomyrmex.tracing.export.InMemoryExporter;

/** Real finished spans from a real tracer, for the store and the JSON. */
final class SampleTraces {
  private SampleTraces() {}

  /** A server span with an internal child and a failing client grandchild, in one trace. */
  static List<Span> checkout(String service) {
    InMemoryExporter memory = new InMemoryExporter();
    Tracer tracer = Tracer.create(service, memory);
    try {
      Span root = tracer.startSpan("GET /api/orders/{id}", SpanKind.SERVER);
      Span child =
          tracer.startSpan("InventoryService.reserve", SpanKind.INTERNAL, root.context(), null);
      Span call = tracer.startSpan("GET /stock", SpanKind.CLIENT, child.context(), null);
      call.recordException(new IllegalStateException("stock <b>down</b>"));
      call.finish();
      child.setAttribute("sku", "<img src=x onerror=alert(1)>");
      child.finish();
      root.setStatus(SpanStatus.OK);
      root.finish();
      tracer.flush();
      return memory.getSpans();
    } finally {
      tracer.shutdown();
    }
  }
}
