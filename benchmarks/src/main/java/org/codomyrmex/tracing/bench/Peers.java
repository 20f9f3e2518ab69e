package org.codomyrmex.tracing.bench;

import brave.Tracing;
import brave.propagation.ThreadLocalCurrentTraceContext;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.export.BatchSpanProcessor;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

/** The work every benchmark records, and the peer tracers built with their default settings. */
final class Peers {
  static final String METHOD_KEY = "http.request.method";
  static final String STATUS_KEY = "http.response.status_code";
  static final String METHOD = "GET";
  static final long STATUS = 200L;
  // Brave tags are strings; it gets the constant, which spares it a Long.toString per span
  static final String STATUS_TEXT = "200";
  static final String EVENT = "event";

  static final AttributeKey<String> OTEL_METHOD = AttributeKey.stringKey(METHOD_KEY);
  static final AttributeKey<Long> OTEL_STATUS = AttributeKey.longKey(STATUS_KEY);

  // OpenTelemetry logs every drop; the benchmarks count drops themselves. Held: loggers are weak.
  private static final Logger OTEL_PROCESSOR_LOG =
      Logger.getLogger(BatchSpanProcessor.class.getName());

  static {
    OTEL_PROCESSOR_LOG.setLevel(Level.SEVERE);
  }

  private Peers() {}

  /** OpenTelemetry SDK with its BatchSpanProcessor at default settings. */
  static SdkTracerProvider otel(OtelCountingExporter sink) {
    return SdkTracerProvider.builder()
        .addSpanProcessor(BatchSpanProcessor.builder(sink).build())
        .build();
  }

  /** Brave with 128-bit trace ids (as ours and OpenTelemetry) and a counting handler. */
  static Tracing brave(BraveCountingHandler sink) {
    return Tracing.newBuilder()
        .localServiceName("bench")
        .traceId128Bit(true)
        .currentTraceContext(ThreadLocalCurrentTraceContext.create())
        .addSpanHandler(sink)
        .build();
  }

  /** Flushes and closes an OpenTelemetry provider, bounded in time. */
  static void close(SdkTracerProvider provider) {
    provider.forceFlush().join(10, TimeUnit.SECONDS);
    provider.shutdown().join(10, TimeUnit.SECONDS);
  }
}
