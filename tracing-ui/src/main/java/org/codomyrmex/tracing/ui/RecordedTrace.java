package org.codomyrmex.tracing.ui;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** The spans of one trace seen so far, bounded; not thread-safe (the store guards it). */
final class RecordedTrace {
  static final int MAX_SPANS = 1_000;
  private static final Comparator<SpanCopy> BY_START =
      Comparator.comparingLong(SpanCopy::startNanos);

  private final String traceId;
  private final List<SpanCopy> spans = new ArrayList<>();
  private long startNanos = Long.MAX_VALUE;
  private long endNanos;
  private int errors;
  private int dropped;

  RecordedTrace(String traceId) {
    this.traceId = traceId;
  }

  void add(SpanCopy span) {
    if (spans.size() >= MAX_SPANS) {
      dropped++;
      return;
    }
    spans.add(span);
    startNanos = Math.min(startNanos, span.startNanos());
    endNanos = Math.max(endNanos, span.endNanos());
    errors += span.error() ? 1 : 0;
  }

  String traceId() {
    return traceId;
  }

  long startNanos() {
    return startNanos;
  }

  long durationNanos() {
    return endNanos - startNanos;
  }

  int errors() {
    return errors;
  }

  /** Spans beyond {@link #MAX_SPANS}, counted but not kept. */
  int dropped() {
    return dropped;
  }

  /** The spans, earliest start first. */
  List<SpanCopy> spans() {
    List<SpanCopy> sorted = new ArrayList<>(spans);
    sorted.sort(BY_START);
    return sorted;
  }

  int spanCount() {
    return spans.size();
  }

  /** The earliest span whose parent is not in this trace (the root, when it arrived). */
  SpanCopy root() {
    Set<String> ids = new HashSet<>();
    spans.forEach(span -> ids.add(span.spanId()));
    SpanCopy root = null;
    for (SpanCopy span : spans) {
      boolean top = span.parentSpanId() == null || !ids.contains(span.parentSpanId());
      if (top && (root == null || span.startNanos() < root.startNanos())) {
        root = span;
      }
    }
    return root;
  }
}
