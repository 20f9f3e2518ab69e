package org.codomyrmex.tracing.bench;

import io.opentelemetry.sdk.common.CompletableResultCode;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.SpanExporter;
import java.util.Collection;
import java.util.concurrent.atomic.AtomicLong;

/** A sink for the OpenTelemetry SDK that only counts what reaches it. */
public final class OtelCountingExporter implements SpanExporter {
  private final AtomicLong spans = new AtomicLong();

  @Override
  public CompletableResultCode export(Collection<SpanData> batch) {
    spans.addAndGet(batch.size());
    return CompletableResultCode.ofSuccess();
  }

  @Override
  public CompletableResultCode flush() {
    return CompletableResultCode.ofSuccess();
  }

  @Override
  public CompletableResultCode shutdown() {
    return CompletableResultCode.ofSuccess();
  }

  /** Returns how many spans were exported so far. */
  public long count() {
    return spans.get();
  }
}
