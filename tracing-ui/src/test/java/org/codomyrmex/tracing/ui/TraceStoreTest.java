package org.codomyrmex.tracing.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.codomyrmex.tracing.Span;
import org.junit.jupiter.api.Test;

class TraceStoreTest {
  @Test
  void groupsSpansOfOneTraceAcrossBatchesAndFindsTheRoot() {
    List<Span> spans = SampleTraces.checkout("shop");
    TraceStore store = new TraceStore(10);
    store.record(spans.subList(0, 1)); // the client span ends first and arrives alone
    store.record(spans.subList(1, spans.size()));

    assertThat(store.size()).isEqualTo(1);
    TraceSummary summary = store.summaries().get(0);
    assertThat(summary.traceId()).isEqualTo(spans.get(0).traceId());
    assertThat(summary.rootName()).isEqualTo("GET /api/orders/{id}");
    assertThat(summary.service()).isEqualTo("shop");
    assertThat(summary.spanCount()).isEqualTo(3);
    assertThat(summary.errorCount()).isEqualTo(1);
    long earliest = spans.stream().mapToLong(Span::startEpochNanos).min().orElseThrow();
    long latest = spans.stream().mapToLong(Span::endEpochNanos).max().orElseThrow();
    assertThat(summary.startNanos()).isEqualTo(earliest);
    assertThat(summary.durationNanos()).isEqualTo(latest - earliest);

    TraceDetail detail = store.trace(summary.traceId()).orElseThrow();
    assertThat(detail.spans())
        .extracting(SpanCopy::name)
        .containsExactly("GET /api/orders/{id}", "InventoryService.reserve", "GET /stock");
  }

  @Test
  void listsTheLatestStartFirst() {
    TraceStore store = new TraceStore(10);
    List<Span> first = SampleTraces.checkout("first");
    List<Span> second = SampleTraces.checkout("second");
    store.record(second); // arrival order is not start order
    store.record(first);

    assertThat(store.summaries())
        .extracting(TraceSummary::service)
        .containsExactly("second", "first");
  }

  @Test
  void keepsAtMostMaxTracesForgettingTheOldest() {
    TraceStore store = new TraceStore(2);
    List<Span> a = SampleTraces.checkout("a");
    List<Span> b = SampleTraces.checkout("b");
    List<Span> c = SampleTraces.checkout("c");
    store.record(a);
    store.record(b);
    store.record(c);

    assertThat(store.size()).isEqualTo(2);
    assertThat(store.summaries()).extracting(TraceSummary::service).containsExactly("c", "b");
    assertThat(store.trace(a.get(0).traceId())).isEmpty();
  }

  @Test
  void boundsTheSpansOfOneTrace() {
    TraceStore store = new TraceStore(1);
    List<Span> spans = SampleTraces.checkout("big");
    for (int i = 0; i <= RecordedTrace.MAX_SPANS / spans.size(); i++) {
      store.record(spans);
    }

    TraceSummary summary = store.summaries().get(0);
    assertThat(summary.spanCount()).isEqualTo(RecordedTrace.MAX_SPANS);
    assertThat(summary.droppedSpans())
        .isEqualTo(
            (RecordedTrace.MAX_SPANS / spans.size() + 1) * spans.size() - RecordedTrace.MAX_SPANS);
  }
}
