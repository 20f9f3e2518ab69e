package org.codomyrmex.tracing.examples;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.codomyrmex.tracing.Span;
import org.codomyrmex.tracing.SpanStatus;

/**
 * Draws the spans of one trace as a text tree: a child indented under its parent, then its kind,
 * duration, status and a bar showing when it ran within the trace.
 *
 * <pre>
 * GET /api/orders/{id}       server     12.31 ms  200        |##############################|
 *   OrderService.place       internal    9.80 ms  -          | #####################        |
 * </pre>
 */
final class TraceTree {
  static final int BAR_WIDTH = 30;
  private static final String INDENT = "  ";
  private static final Comparator<Span> BY_START = Comparator.comparingLong(Span::startEpochNanos);

  private final List<Span> spans;
  private final List<Row> rows = new ArrayList<>();

  private record Row(Span span, int depth) {
    String indentedName() {
      return INDENT.repeat(depth) + span.name();
    }
  }

  private TraceTree(List<Span> spans) {
    this.spans = spans;
    roots().forEach(root -> collect(root, 0));
  }

  /** The lines of the tree of {@code spans} (finished spans of one trace), roots first by start. */
  static List<String> render(List<Span> spans) {
    return new TraceTree(List.copyOf(spans)).lines();
  }

  private List<Span> roots() {
    Set<String> ids = spans.stream().map(Span::spanId).collect(Collectors.toSet());
    return spans.stream()
        .filter(span -> span.parentSpanId() == null || !ids.contains(span.parentSpanId()))
        .sorted(BY_START)
        .toList();
  }

  private void collect(Span span, int depth) {
    rows.add(new Row(span, depth));
    spans.stream()
        .filter(child -> span.spanId().equals(child.parentSpanId()))
        .sorted(BY_START)
        .forEach(child -> collect(child, depth + 1));
  }

  private List<String> lines() {
    long start = spans.stream().mapToLong(Span::startEpochNanos).min().orElse(0);
    long end = spans.stream().mapToLong(Span::endEpochNanos).max().orElse(0);
    int nameWidth = rows.stream().mapToInt(row -> row.indentedName().length()).max().orElse(1);
    String format = "%-" + nameWidth + "s  %-8s  %8.2f ms  %-10s |%s|";
    List<String> lines = new ArrayList<>();
    for (Row row : rows) {
      Span span = row.span();
      lines.add(
          String.format(
              Locale.ROOT,
              format,
              row.indentedName(),
              span.kind().name().toLowerCase(Locale.ROOT),
              span.duration().toNanos() / 1e6,
              status(span),
              bar(span, start, end)));
      error(span).ifPresent(text -> lines.add(INDENT.repeat(row.depth() + 1) + "! " + text));
    }
    return lines;
  }

  /** The HTTP status code where there is one, then the span status unless it is unset. */
  static String status(Span span) {
    Object code = span.attributes().get("http.response.status_code");
    String status =
        span.status() == SpanStatus.UNSET ? "" : span.status().name().toLowerCase(Locale.ROOT);
    String text = ((code == null ? "" : code + " ") + status).trim();
    return text.isEmpty() ? "-" : text;
  }

  /** For an ERROR span: its exception's type and message, else its status message. */
  static Optional<String> error(Span span) {
    if (span.status() != SpanStatus.ERROR) {
      return Optional.empty();
    }
    return span.events().stream()
        .filter(event -> event.name().equals("exception"))
        .findFirst()
        .map(event -> exception(event.attributes()))
        .or(() -> Optional.ofNullable(span.statusMessage()).filter(text -> !text.isBlank()));
  }

  private static String exception(Map<String, Object> attributes) {
    return attributes.get("exception.type") + ": " + attributes.get("exception.message");
  }

  /** {@link #BAR_WIDTH} characters, {@code #} where the span ran between {@code start} and end. */
  static String bar(Span span, long start, long end) {
    double scale = BAR_WIDTH / (double) Math.max(1, end - start);
    int from = Math.min(BAR_WIDTH - 1, (int) Math.floor((span.startEpochNanos() - start) * scale));
    int to =
        Math.min(
            BAR_WIDTH, Math.max(from + 1, (int) Math.ceil((span.endEpochNanos() - start) * scale)));
    return " ".repeat(from) + "#".repeat(to - from) + " ".repeat(BAR_WIDTH - to);
  }
}
