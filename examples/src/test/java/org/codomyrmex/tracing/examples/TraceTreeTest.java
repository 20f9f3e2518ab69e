package org.codomyrmex.tracing.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.codomyrmex.tracing.Span;
import org.codomyrmex.tracing.SpanKind;
import org.codomyrmex.tracing.SpanStatus;
import org.codomyrmex.tracing.Tracer;
import org.codomyrmex.tracing.export.InMemoryExporter;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class TraceTreeTest {
  private final InMemoryExporter exporter = new InMemoryExporter();
  private final Tracer tracer = Tracer.create("tree-test", exporter);

  @AfterEach
  void shutdown() {
    tracer.shutdown();
  }

  @Test
  void indentsChildrenUnderTheirParentInStartOrder() throws Exception {
    String traceId = requestWithTwoCalls();

    List<String> lines = TraceTree.render(exporter.getSpans(traceId));

    assertThat(lines)
        .extracting(TraceTreeTest::nameColumn)
        .containsExactly(
            "GET /orders",
            "  load",
            "    ! java.lang.IllegalStateException: no stock",
            "    query",
            "  GET",
            "    ! connection refused");
  }

  @Test
  void showsKindStatusAndHttpCode() throws Exception {
    String traceId = requestWithTwoCalls();

    List<String> lines = TraceTree.render(exporter.getSpans(traceId));

    assertThat(lines.get(0))
        .containsPattern("^GET /orders +server +\\d+\\.\\d\\d ms  503 error +\\|");
    assertThat(lines.get(1)).containsPattern("^  load +internal +\\d+\\.\\d\\d ms  error +\\|");
    assertThat(lines.get(3)).containsPattern("^    query +internal +\\d+\\.\\d\\d ms  - +\\|");
    assertThat(lines.get(4)).containsPattern("^  GET +client +\\d+\\.\\d\\d ms  error +\\|");
  }

  @Test
  void barsShowWhereEachSpanRanWithinTheTrace() throws Exception {
    String traceId = requestWithTwoCalls();

    List<String> bars =
        spanRows(traceId).stream()
            .map(line -> line.substring(line.length() - TraceTree.BAR_WIDTH - 1, line.length() - 1))
            .toList();

    assertThat(bars.get(0)).isEqualTo("#".repeat(TraceTree.BAR_WIDTH));
    assertThat(bars.get(1)).startsWith("#").endsWith(" ");
    assertThat(bars.get(3)).startsWith(" ").contains("#");
    assertThat(bars.get(1).indexOf(' ')).isLessThanOrEqualTo(bars.get(3).indexOf('#') + 1);
  }

  @Test
  void columnsLineUpAcrossDepths() throws Exception {
    String traceId = requestWithTwoCalls();

    List<String> rows = spanRows(traceId);

    assertThat(rows)
        .extracting(row -> row.indexOf(" ms "))
        .containsOnly(rows.get(0).indexOf(" ms "));
    assertThat(rows).extracting(String::length).containsOnly(rows.get(0).length());
  }

  /** The rendered lines of the trace's spans, without the error lines below them. */
  private List<String> spanRows(String traceId) {
    return TraceTree.render(exporter.getSpans(traceId)).stream()
        .filter(line -> line.endsWith("|"))
        .toList();
  }

  /** The line up to the first gap after its indentation. */
  private static String nameColumn(String line) {
    int gap = line.indexOf("  ", line.length() - line.stripLeading().length());
    return gap < 0 ? line : line.substring(0, gap);
  }

  private String requestWithTwoCalls() throws InterruptedException {
    String traceId;
    try (Span request = tracer.span("GET /orders", SpanKind.SERVER)) {
      traceId = request.traceId();
      try (Span load = tracer.span("load")) {
        try (Span query = tracer.span("query")) {
          Thread.sleep(5);
        }
        load.recordException(new IllegalStateException("no stock"));
      }
      Thread.sleep(5);
      Span call = tracer.startSpan("GET", SpanKind.CLIENT);
      Thread.sleep(5);
      call.setStatus(SpanStatus.ERROR, "connection refused").finish();
      request.setAttribute("http.response.status_code", 503L);
      request.setStatus(SpanStatus.ERROR);
    }
    tracer.flush();
    return traceId;
  }
}
