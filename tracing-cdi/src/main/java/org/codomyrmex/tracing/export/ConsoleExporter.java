package org.codomyrmex.tracing.export;

import java.io.PrintStream;
import java.util.Collection;
import org.codomyrmex.tracing.Span;
import org.codomyrmex.tracing.SpanExporter;
import org.codomyrmex.tracing.internal.SpanJson;

/**
 * Prints each span as JSON to standard output, pretty by default.
 *
 * <pre>{@code
 * Tracer tracer = Tracer.create("demo", new ConsoleExporter());
 * }</pre>
 */
public final class ConsoleExporter implements SpanExporter {
  private final boolean pretty;
  private final PrintStream out;

  /** Creates a pretty-printing exporter writing to {@code System.out}. */
  public ConsoleExporter() {
    this(true);
  }

  /** Creates an exporter writing to {@code System.out}; one line per span unless {@code pretty}. */
  public ConsoleExporter(boolean pretty) {
    this(pretty, null);
  }

  /**
   * Creates an exporter writing to {@code out} ({@code null}: {@code System.out} at each batch).
   */
  public ConsoleExporter(boolean pretty, PrintStream out) {
    this.pretty = pretty;
    this.out = out;
  }

  @Override
  public void export(Collection<Span> spans) {
    StringBuilder text = new StringBuilder();
    for (Span span : spans) {
      text.append(SpanJson.write(span, pretty)).append(System.lineSeparator());
    }
    PrintStream target = out != null ? out : System.out;
    target.print(text);
    target.flush();
  }

  /** Does nothing: standard output is not ours to close. */
  @Override
  public void shutdown() {}
}
