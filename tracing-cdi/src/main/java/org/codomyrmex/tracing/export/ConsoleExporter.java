package org.codomyrmex.tracing.export;

import java.io.PrintStream;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
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
  private final Map<String, String> resourceAttributes;

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
    this(pretty, out, Map.of());
  }

  /**
   * Creates an exporter writing to {@code out} ({@code null}: {@code System.out} at each batch),
   * adding {@code resourceAttributes} to the attributes of every span, after {@code service.name}.
   */
  public ConsoleExporter(boolean pretty, PrintStream out, Map<String, String> resourceAttributes) {
    this.pretty = pretty;
    this.out = out;
    this.resourceAttributes = Collections.unmodifiableMap(new LinkedHashMap<>(resourceAttributes));
  }

  @Override
  public void export(Collection<Span> spans) {
    StringBuilder text = new StringBuilder();
    for (Span span : spans) {
      text.append(SpanJson.write(span, pretty, resourceAttributes)).append(System.lineSeparator());
    }
    PrintStream target = out != null ? out : System.out;
    target.print(text);
    target.flush();
  }

  /** Does nothing: standard output is not ours to close. */
  @Override
  public void shutdown() {}
}
