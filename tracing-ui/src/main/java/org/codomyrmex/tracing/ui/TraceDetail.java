package org.codomyrmex.tracing.ui;

import java.util.List;

/** One trace for the waterfall: its summary and its spans, earliest start first. */
record TraceDetail(TraceSummary summary, List<SpanCopy> spans) {
  static TraceDetail of(RecordedTrace trace) {
    return new TraceDetail(TraceSummary.of(trace), trace.spans());
  }
}
