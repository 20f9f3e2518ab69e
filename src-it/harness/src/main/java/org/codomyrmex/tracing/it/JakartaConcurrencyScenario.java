package org.codomyrmex.tracing.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * Work handed to Jakarta Concurrency keeps the trace ({@code /api/async-work} of the sample): for
 * runtimes that have it, mixed into their {@link TracingScenario}.
 */
public interface JakartaConcurrencyScenario {
  /** Returns the application's base URI. */
  URI base();

  /** Returns the span file the runtime writes. */
  SpanLog spans();

  @Test
  default void defaultManagedExecutorTaskIsAChildOfTheRequest() {
    assertChild("default-executor", "managed-task");
  }

  @Test
  default void defaultManagedScheduledExecutorTaskIsAChildOfTheRequest() {
    assertChild("scheduled", "scheduled-task");
  }

  @Test
  default void asynchronousMethodIsAChildOfTheRequest() {
    assertChild("asynchronous", "asynchronous-task");
  }

  @Test
  default void supplyAsyncOnTheManagedExecutorIsAChildOfTheRequest() {
    assertChild("supply-async", "supplied-task");
  }

  @Test
  default void stageOfWithContextCaptureIsAChildOfTheRequestWhoeverStartsIt() {
    assertChild("context-capture", "captured-stage");
  }

  @Test
  default void contextualProxyIsAChildAndLeavesThePoolThreadWithNothing() {
    assertThat(assertChild("contextual", "contextual-task")).endsWith(" pool=none");
  }

  @Test
  default void executorWhoseContextClearsTracingRunsTasksAsRoots() {
    String traceId = AsyncWorkCalls.newTraceId();
    String body = AsyncWorkCalls.call(base(), "api/async-work/untraced", traceId).body();
    assertThat(body).isEqualTo("parent=null request=kept");
    RecordedSpan task =
        spans()
            .await(
                s -> traceId.equals(s.attribute("caller.trace_id")),
                found -> !found.isEmpty(),
                Duration.ofSeconds(20),
                "the untraced task of trace " + traceId)
            .get(0);
    assertThat(task.name()).isEqualTo("untraced-task");
    assertThat(task.parentSpanId()).isNull();
    assertThat(task.traceId()).isNotEqualTo(traceId);
  }

  @Test
  default void asyncEventOnATracersWrapExecutorIsAChildAndLeavesThePoolThreadWithNothing() {
    assertThat(
            AsyncEventCalls.assertObserverIsChildOfServer(
                base(), spans(), "api/async-events/wrapped"))
        .endsWith(" pool=none");
  }

  @Test
  default void asyncEventOnTheDefaultManagedExecutorIsAChildOfTheRequest() {
    AsyncEventCalls.assertObserverIsChildOfServer(base(), spans(), "api/async-events/managed");
  }

  private String assertChild(String endpoint, String taskSpan) {
    return AsyncWorkCalls.assertTaskIsChildOfServer(
        base(), spans(), "api/async-work/" + endpoint, taskSpan);
  }
}
