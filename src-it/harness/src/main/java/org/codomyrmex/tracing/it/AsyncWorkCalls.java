package org.codomyrmex.tracing.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Calls an endpoint of the samples that hands a task to another thread and answers {@code
 * parent=<task span's parent> request=<kept|changed>[ pool=<span the pool thread has current>]}.
 */
public final class AsyncWorkCalls {
  private static final Duration SPAN_WAIT = Duration.ofSeconds(20);

  private AsyncWorkCalls() {}

  /**
   * Calls {@code path} in a new trace, checks that span {@code taskSpan} is a child of the server
   * span and that the request thread kept its span, and returns the answer.
   */
  public static String assertTaskIsChildOfServer(
      URI base, SpanLog spans, String path, String taskSpan) {
    String traceId = newTraceId();
    HttpResponse<String> response = call(base, path, traceId);
    List<RecordedSpan> trace = spans.awaitTrace(traceId, 2, SPAN_WAIT);
    RecordedSpan server = named(trace, "GET /" + path);
    RecordedSpan task = named(trace, taskSpan);
    assertThat(task.parentSpanId()).isEqualTo(server.spanId());
    assertThat(response.body()).startsWith("parent=" + server.spanId() + " request=kept");
    return response.body();
  }

  /** Sends {@code GET path} with the trace headers of {@code traceId}; checks the 200. */
  public static HttpResponse<String> call(URI base, String path, String traceId) {
    HttpResponse<String> response =
        HttpCalls.get(
            base.resolve(path), Map.of("X-Trace-Id", traceId, "X-Span-Id", traceId.substring(16)));
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    return response;
  }

  /** Returns a fresh random trace id. */
  public static String newTraceId() {
    return UUID.randomUUID().toString().replace("-", "");
  }

  private static RecordedSpan named(List<RecordedSpan> trace, String name) {
    List<RecordedSpan> matching = trace.stream().filter(s -> name.equals(s.name())).toList();
    assertThat(matching).as("spans named '%s' in %s", name, trace).hasSize(1);
    return matching.get(0);
  }
}
