package org.codomyrmex.tracing.export;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.codomyrmex.tracing.Span;
import org.codomyrmex.tracing.SpanExporter;

/**
 * Keeps the most recent exported spans in memory; meant for tests and diagnostics.
 *
 * <pre>{@code
 * InMemoryExporter memory = new InMemoryExporter();
 * Tracer tracer = Tracer.create("test", memory);
 * // ... code under test ...
 * tracer.flush();
 * assertThat(memory.getSpans()).hasSize(1);
 * }</pre>
 */
public final class InMemoryExporter implements SpanExporter {
  private final int maxSpans;
  private final ArrayDeque<Span> spans = new ArrayDeque<>();

  /** Creates an exporter keeping the 1000 most recent spans. */
  public InMemoryExporter() {
    this(1000);
  }

  /**
   * Creates an exporter keeping the {@code maxSpans} most recent spans.
   *
   * @throws IllegalArgumentException when {@code maxSpans} is not positive
   */
  public InMemoryExporter(int maxSpans) {
    if (maxSpans < 1) {
      throw new IllegalArgumentException("maxSpans must be positive: " + maxSpans);
    }
    this.maxSpans = maxSpans;
  }

  @Override
  public synchronized void export(Collection<Span> batch) {
    for (Span span : batch) {
      if (spans.size() == maxSpans) {
        spans.removeFirst();
      }
      spans.addLast(span);
    }
  }

  /** Returns the kept spans, oldest first. */
  public synchronized List<Span> getSpans() {
    return new ArrayList<>(spans);
  }

  /** Returns the kept spans of one trace, oldest first. */
  public synchronized List<Span> getSpans(String traceId) {
    List<Span> matching = new ArrayList<>();
    for (Span span : spans) {
      if (span.traceId().equals(traceId)) {
        matching.add(span);
      }
    }
    return matching;
  }

  /** Forgets every kept span. */
  public synchronized void clear() {
    spans.clear();
  }

  /** Forgets every kept span. */
  @Override
  public void shutdown() {
    clear();
  }
}
