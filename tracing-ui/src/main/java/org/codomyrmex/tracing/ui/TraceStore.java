package org.codomyrmex.tracing.ui;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.codomyrmex.tracing.Span;

/**
 * The most recent traces, in memory: spans grouped by trace id, at most {@code maxTraces} traces
 * (the trace seen first is forgotten first), each at most {@link RecordedTrace#MAX_SPANS} spans.
 */
final class TraceStore {
  private static final Comparator<RecordedTrace> NEWEST_FIRST =
      Comparator.comparingLong(RecordedTrace::startNanos).reversed();
  private static TraceStore shared; // guarded by TraceStore.class

  private final int maxTraces;
  private final Map<String, RecordedTrace> traces = new LinkedHashMap<>(); // guarded by this

  TraceStore(int maxTraces) {
    this.maxTraces = maxTraces;
  }

  /** The process-wide store the tap writes and the viewer reads, sized by the first caller. */
  static synchronized TraceStore shared(int maxTraces) {
    if (shared == null) {
      shared = new TraceStore(maxTraces);
    }
    return shared;
  }

  /** Copies {@code spans} into their traces, forgetting the oldest traces beyond the limit. */
  void record(Collection<Span> spans) {
    List<SpanCopy> copies = new ArrayList<>(spans.size());
    spans.forEach(span -> copies.add(SpanCopy.of(span))); // outside the lock
    synchronized (this) {
      for (SpanCopy span : copies) {
        traces.computeIfAbsent(span.traceId(), RecordedTrace::new).add(span);
      }
      Iterator<RecordedTrace> oldest = traces.values().iterator();
      while (traces.size() > maxTraces) {
        oldest.next();
        oldest.remove();
      }
    }
  }

  /** The traces kept, the latest start first. */
  synchronized List<TraceSummary> summaries() {
    List<RecordedTrace> all = new ArrayList<>(traces.values());
    all.sort(NEWEST_FIRST);
    return all.stream().map(TraceSummary::of).toList();
  }

  /** The trace with id {@code traceId}, if it is still kept. */
  synchronized Optional<TraceDetail> trace(String traceId) {
    RecordedTrace trace = traces.get(traceId);
    return trace == null ? Optional.empty() : Optional.of(TraceDetail.of(trace));
  }

  synchronized int size() {
    return traces.size();
  }
}
