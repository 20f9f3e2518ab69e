package org.codomyrmex.tracing.bench;

import io.opentelemetry.sdk.common.CompletableResultCode;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.SpanExporter;
import java.util.Collection;
import java.util.concurrent.atomic.AtomicLong;

/** A sink for the OpenTelemetry SDK that counts what reaches it, and may keep it. */
public final class OtelCountingExporter implements SpanExporter {
  private final AtomicLong spans = new AtomicLong();
  private final Collection<SpanData> kept;

  /** Counts the spans only. */
  public OtelCountingExporter() {
    this(null);
  }

  /** Counts the spans and adds them to {@code kept} (a thread-safe collection), or not if null. */
  public OtelCountingExporter(Collection<SpanData> kept) {
    this.kept = kept;
  }

  @Override
  public CompletableResultCode export(Collection<SpanData> batch) {
    spans.addAndGet(batch.size());
    if (kept != null) {
      kept.addAll(batch);
    }
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
