package org.codomyrmex.tracing.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.time.Duration;
import java.util.List;

/**
 * Calls an endpoint of the samples ({@code /api/async-events}) that fires an async CDI event inside
 * the request's span and waits for its observer; the observer makes span {@code event-observed}
 * tagged {@code caller.trace_id}, so that it is found whichever trace it belongs to.
 */
public final class AsyncEventCalls {
  /** The name of the observer's span. */
  public static final String OBSERVER_SPAN = "event-observed";

  private static final Duration SPAN_WAIT = Duration.ofSeconds(20);

  private AsyncEventCalls() {}

  /** What one call showed: the request's server span, the observer's span and the answer. */
  public record Delivery(RecordedSpan server, RecordedSpan observer, String body) {}

  /**
   * Calls {@code GET path} in a new trace, checks that the request thread kept its span, and
   * returns the request's server span and the observer's span.
   */
  public static Delivery deliver(URI base, SpanLog spans, String path) {
    String traceId = AsyncWorkCalls.newTraceId();
    String body = AsyncWorkCalls.call(base, path, traceId).body();
    assertThat(body).contains(" request=kept ");
    String serverSpan = "GET /" + path;
    RecordedSpan server =
        one(
            spans.await(
                s -> traceId.equals(s.traceId()) && serverSpan.equals(s.name()),
                found -> !found.isEmpty(),
                SPAN_WAIT,
                "the server span of trace " + traceId),
            body);
    List<RecordedSpan> observed =
        spans.await(
            s -> OBSERVER_SPAN.equals(s.name()) && traceId.equals(s.attribute("caller.trace_id")),
            found -> !found.isEmpty(),
            SPAN_WAIT,
            "the observer's span for trace " + traceId);
    assertThat(observed).as(body).hasSize(1);
    return new Delivery(server, observed.get(0), body);
  }

  /**
   * Checks that the observer's span is a child of the request's server span; returns the answer.
   */
  public static String assertObserverIsChildOfServer(URI base, SpanLog spans, String path) {
    Delivery delivery = deliver(base, spans, path);
    assertThat(delivery.observer().traceId())
        .as(delivery.body())
        .isEqualTo(delivery.server().traceId());
    assertThat(delivery.observer().parentSpanId())
        .as(delivery.body())
        .isEqualTo(delivery.server().spanId());
    assertThat(delivery.body())
        .startsWith("parent=" + delivery.server().spanId() + " request=kept");
    return delivery.body();
  }

  /** Checks that the observer's span is the root of a trace of its own; returns the answer. */
  public static String assertObserverStartsANewTrace(URI base, SpanLog spans, String path) {
    Delivery delivery = deliver(base, spans, path);
    assertThat(delivery.observer().parentSpanId()).as(delivery.body()).isNull();
    assertThat(delivery.observer().traceId()).isNotEqualTo(delivery.server().traceId());
    assertThat(delivery.body()).startsWith("parent=null request=kept");
    return delivery.body();
  }

  /**
   * Checks that the observer's span is in another trace than the request's, whatever span the
   * observer's thread had current; returns the answer.
   */
  public static String assertObserverIsOutsideTheRequestTrace(
      URI base, SpanLog spans, String path) {
    Delivery delivery = deliver(base, spans, path);
    assertThat(delivery.observer().traceId())
        .as(delivery.body())
        .isNotEqualTo(delivery.server().traceId());
    assertThat(delivery.body()).doesNotStartWith("parent=" + delivery.server().spanId());
    return delivery.body();
  }

  private static RecordedSpan one(List<RecordedSpan> found, String body) {
    assertThat(found).as(body).hasSize(1);
    return found.get(0);
  }
}
