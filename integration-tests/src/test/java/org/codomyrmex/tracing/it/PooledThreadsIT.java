package org.codomyrmex.tracing.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.codomyrmex.tracing.Span;
import org.codomyrmex.tracing.SpanKind;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * 1,000 sequential requests on the pooled worker threads: no context leaks from one to the next.
 */
@ExtendWith(Services.class)
class PooledThreadsIT {
  private static final int REQUESTS = 1000;
  // path -> spans per trace (server span plus children)
  private static final Map<String, Integer> MIX =
      Map.of(
          "api/orders/1", 1,
          "api/fail", 1,
          "api/missing", 1,
          "api/async", 3,
          "api/async-fail", 1,
          "api/stage", 2,
          "api/stage-fail", 1,
          "api/traced", 3,
          "api/chain", 3,
          "api/health", 0);

  private final CollectingExporter spans = CollectingExporter.INSTANCE;

  @BeforeEach
  void clear() {
    Services.flushAll();
    spans.clear();
    LeakProbe.LEAKS.set(0);
    LeakProbe.SEEN.set(0);
  }

  @Test
  void noSpanLeaksIntoTheNextRequestOnPooledWorkers() {
    List<String> paths = MIX.keySet().stream().sorted().toList();
    Map<String, String> pathByTrace = new HashMap<>();
    int expectedSpans = 0;
    for (int i = 0; i < REQUESTS; i++) {
      String path = paths.get(i % paths.size());
      HttpResponse<String> response = Http.frontend(path);
      expectedSpans += MIX.get(path);
      response.headers().firstValue("X-Trace-Id").ifPresent(t -> pathByTrace.put(t, path));
    }
    int total = expectedSpans;
    List<Span> all = spans.await(s -> s.size() >= total, Duration.ofSeconds(30));

    assertThat(LeakProbe.SEEN.get()).isEqualTo(REQUESTS);
    assertThat(LeakProbe.LEAKS.get()).as("requests that found a span already current").isZero();
    assertThat(pathByTrace).hasSize(REQUESTS - REQUESTS / paths.size()); // health has no header
    Map<String, List<Span>> byTrace = all.stream().collect(Collectors.groupingBy(Span::traceId));
    assertThat(byTrace.keySet()).isEqualTo(pathByTrace.keySet());
    byTrace.forEach((trace, tree) -> assertTree(pathByTrace.get(trace), tree));
    assertThat(all).hasSize(total);
  }

  @Test
  void resourcesThatAreNoCdiBeansLeaveNoSpanOnTheirWorkers() {
    int leaked = 0;
    for (int i = 0; i < 300; i++) {
      Http.get(Services.backend("backend/" + (i % 2 == 0 ? "async" : "fail")));
      String health = Http.get(Services.backend("backend/health")).body();
      leaked += health.equals("current=none") ? 0 : 1;
    }
    assertThat(leaked).as("skipped requests that saw an earlier request's span").isZero();
  }

  private static void assertTree(String path, List<Span> tree) {
    assertThat(tree).as(path).hasSize(MIX.get(path));
    List<Span> roots = tree.stream().filter(s -> s.parentSpanId() == null).toList();
    assertThat(roots).as("roots of " + path).hasSize(1);
    assertThat(roots.get(0).kind()).isEqualTo(SpanKind.SERVER);
    List<String> ids = tree.stream().map(Span::spanId).toList();
    tree.stream()
        .filter(s -> s.parentSpanId() != null)
        .forEach(s -> assertThat(ids).as("parent of " + s.name()).contains(s.parentSpanId()));
  }
}
