package org.codomyrmex.tracing.ui;

/** One line of the trace list: what the root did, when, for how long, and how it went. */
record TraceSummary(
    String traceId,
    String rootName,
    String service,
    long startNanos,
    long durationNanos,
    int spanCount,
    int errorCount,
    int droppedSpans) {

  static TraceSummary of(RecordedTrace trace) {
    SpanCopy root = trace.root();
    return new TraceSummary(
        trace.traceId(),
        root == null ? "" : root.name(),
        root == null ? "" : root.service(),
        trace.startNanos(),
        trace.durationNanos(),
        trace.spanCount(),
        trace.errors(),
        trace.dropped());
  }
}
