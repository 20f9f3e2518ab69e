package org.codomyrmex.tracing.export;

import java.net.URI;
import java.time.Duration;
import java.util.Collection;
import java.util.Map;
import org.codomyrmex.tracing.Span;
import org.codomyrmex.tracing.SpanExporter;
import org.codomyrmex.tracing.internal.TracingConfig;

/**
 * Sends spans over OTLP/HTTP with the JSON encoding, as Jaeger, Grafana Tempo and the OpenTelemetry
 * Collector accept on port 4318.
 *
 * <p>Selected with {@code tracing.exporter=otlp}; the endpoint is {@code
 * tracing.exporter.otlp.endpoint}, the headers {@code tracing.exporter.otlp.headers}. One request
 * per batch, grouped by {@code service.name} into {@code resourceSpans}, each resource with the
 * resource attributes. Batches are gzip-compressed and sent from the exporter's own thread; while
 * the backend is down they are kept, in order, up to {@code tracing.exporter.buffer-mb}, and sent
 * when it answers again. Nothing is ever thrown at the caller.
 *
 * <pre>{@code
 * Tracer tracer = Tracer.create("checkout",
 *     new OtlpHttpExporter(URI.create("http://localhost:4318/v1/traces")));
 * }</pre>
 */
public final class OtlpHttpExporter implements SpanExporter {
  private final HttpDelivery delivery;
  private final Map<String, String> resourceAttributes;

  /**
   * Creates an exporter posting to {@code endpoint}, e.g. {@code http://host:4318/v1/traces}.
   *
   * @throws IllegalArgumentException naming {@code tracing.exporter.otlp.endpoint} when it is not
   *     an http(s) URL
   */
  public OtlpHttpExporter(URI endpoint) {
    this(endpoint, HttpExporterOptions.defaults());
  }

  /**
   * Creates an exporter posting to {@code endpoint} with {@code options} (headers, resource
   * attributes, buffer).
   *
   * @throws IllegalArgumentException naming {@code tracing.exporter.otlp.endpoint} when it is not
   *     an http(s) URL
   */
  public OtlpHttpExporter(URI endpoint, HttpExporterOptions options) {
    this.resourceAttributes = options.resourceAttributes();
    this.delivery =
        HttpDelivery.of(
            "OTLP",
            TracingConfig.OTLP_ENDPOINT,
            endpoint,
            JsonEnvelope.OTLP,
            options,
            OtlpHttpExporter.class);
  }

  /** Encodes the batch as one {@code ExportTraceServiceRequest} and queues it; never throws. */
  @Override
  public void export(Collection<Span> spans) {
    delivery.export(spans, batch -> OtlpJson.encode(batch, resourceAttributes));
  }

  /** Waits at most {@code timeout} until every batch exported so far reached the backend. */
  @Override
  public boolean flush(Duration timeout) {
    return delivery.flush(timeout);
  }

  /** Gives the backend, if it is up, the flush timeout to take what is kept; then stops. */
  @Override
  public void shutdown() {
    delivery.shutdown();
  }

  /** Returns how many spans the backend accepted. */
  public long exportedSpans() {
    return delivery.exported();
  }

  /**
   * Returns how many spans were dropped: refused, pushed out of a full buffer, or left at shutdown.
   */
  public long droppedSpans() {
    return delivery.dropped();
  }

  long bufferedBytes() {
    return delivery.bufferedBytes();
  }

  /** Names the endpoint; header values never appear. */
  @Override
  public String toString() {
    return "OtlpHttpExporter[" + delivery + "]";
  }
}
