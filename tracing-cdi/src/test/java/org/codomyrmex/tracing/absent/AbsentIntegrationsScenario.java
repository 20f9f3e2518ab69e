package org.codomyrmex.tracing.absent;

import java.util.function.Supplier;
import org.codomyrmex.tracing.CapturedSpan;
import org.codomyrmex.tracing.Scope;
import org.codomyrmex.tracing.Span;
import org.codomyrmex.tracing.Tracer;
import org.codomyrmex.tracing.Tracers;
import org.codomyrmex.tracing.export.InMemoryExporter;

/**
 * Runs inside a class loader that hides every optional API: traces a little through everything
 * those integrations hook into, and reports how many spans were exported.
 */
public final class AbsentIntegrationsScenario implements Supplier<String> {

  /** Creates the scenario; called reflectively. */
  public AbsentIntegrationsScenario() {}

  @Override
  public String get() {
    InMemoryExporter memory = new InMemoryExporter();
    Tracer tracer = Tracer.create("absent-integrations", memory);
    try (Span outer = tracer.span("outer")) {
      CapturedSpan captured = CapturedSpan.capture();
      Runnable task = Tracers.wrap(() -> tracer.span("wrapped").close());
      try (Scope ignored = CapturedSpan.none().attach()) {
        task.run();
        try (Scope again = captured.attach()) {
          tracer.span("attached").close();
        }
      }
      outer.setAttribute("k", "v");
    }
    tracer.flush();
    String result = "exported " + memory.getSpans().size();
    tracer.shutdown();
    return result;
  }
}
