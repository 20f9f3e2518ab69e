package org.codomyrmex.tracing.it.app;

import jakarta.enterprise.concurrent.Asynchronous;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.concurrent.CompletableFuture;
import org.codomyrmex.tracing.Span;
import org.codomyrmex.tracing.Tracer;

/** A bean whose method Jakarta Concurrency runs on the default managed executor. */
@ApplicationScoped
public class AsynchronousWorker {
  @Inject Tracer tracer;

  /** Makes span {@code name} on a pool thread; completes with the id of its parent. */
  @Asynchronous
  public CompletableFuture<String> work(String name) {
    try (Span span = tracer.span(name)) {
      return Asynchronous.Result.complete(String.valueOf(span.parentSpanId()));
    }
  }
}
