package org.codomyrmex.tracing.it;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.function.Predicate;
import org.codomyrmex.tracing.Span;
import org.codomyrmex.tracing.SpanExporter;
import org.codomyrmex.tracing.Tracers;

/** Keeps every exported span (unbounded) so tests can look at whole traces. */
final class CollectingExporter implements SpanExporter {
  static final CollectingExporter INSTANCE = new CollectingExporter();

  private final ConcurrentLinkedQueue<Span> spans = new ConcurrentLinkedQueue<>();

  @Override
  public void export(Collection<Span> batch) {
    spans.addAll(batch);
  }

  @Override
  public void shutdown() {}

  void clear() {
    spans.clear();
  }

  List<Span> all() {
    return new ArrayList<>(spans);
  }

  List<Span> trace(String traceId) {
    return all().stream().filter(s -> s.traceId().equals(traceId)).toList();
  }

  /** Flushes the services' tracers until {@code done} holds for the exported spans, or fails. */
  List<Span> await(Predicate<List<Span>> done, Duration timeout) {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (true) {
      Services.flushAll();
      List<Span> now = all();
      if (done.test(now)) {
        return now;
      }
      if (System.nanoTime() > deadline) {
        throw new AssertionError("spans not exported in " + timeout + ": " + names(now));
      }
      sleep();
    }
  }

  /** Waits for the spans of {@code traceId} until there are {@code count} of them. */
  List<Span> awaitTrace(String traceId, int count) {
    return await(all -> countTrace(all, traceId) >= count, Duration.ofSeconds(10)).stream()
        .filter(s -> s.traceId().equals(traceId))
        .toList();
  }

  /** Proves nothing of {@code traceId} is exported: a later traced request gets through alone. */
  void assertNothingExported(String traceId) {
    Http.frontend("api/orders/2");
    List<Span> all = await(s -> s.size() == 1, Duration.ofSeconds(10));
    if (all.stream().anyMatch(s -> s.traceId().equals(traceId))) {
      throw new AssertionError("trace " + traceId + " was exported: " + names(all));
    }
  }

  private static long countTrace(List<Span> all, String traceId) {
    return all.stream().filter(s -> s.traceId().equals(traceId)).count();
  }

  private static List<String> names(List<Span> spans) {
    return spans.stream().limit(50).map(Span::name).toList();
  }

  private static void sleep() {
    try {
      Thread.sleep(10);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError(e);
    }
  }

  static void flush(String... tracerNames) {
    for (String name : tracerNames) {
      Tracers.get(name).flush();
    }
  }
}
