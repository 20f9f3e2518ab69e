package org.codomyrmex.tracing.export;

import java.net.URI;
import java.util.Collection;
import org.codomyrmex.tracing.Span;
import org.codomyrmex.tracing.SpanExporter;
import org.codomyrmex.tracing.internal.TracingConfig;

/**
 * Sends spans over OTLP/HTTP with the JSON encoding, as Jaeger, Grafana Tempo and the OpenTelemetry
 * Collector accept on port 4318.
 *
 * <p>Selected with {@code tracing.exporter=otlp}; the endpoint is {@code
 * tracing.exporter.otlp.endpoint}. One request per batch, grouped by {@code service.name} into
 * {@code resourceSpans}. Requests are gzip-compressed, time out after two seconds and are retried
 * with backoff on 429, server errors and connection failures for at most five seconds per batch;
 * then the batch is dropped, counted and logged. Nothing is ever thrown at the caller.
 *
 * <pre>{@code
 * Tracer tracer = Tracer.create("checkout",
 *     new OtlpHttpExporter(URI.create("http://localhost:4318/v1/traces")));
 * }</pre>
 */
public final class OtlpHttpExporter implements SpanExporter {
  private final HttpDelivery delivery;

  /**
   * Creates an exporter posting to {@code endpoint}, e.g. {@code http://host:4318/v1/traces}.
   *
   * @throws IllegalArgumentException naming {@code tracing.exporter.otlp.endpoint} when it is not
   *     an http(s) URL
   */
  public OtlpHttpExporter(URI endpoint) {
    this(endpoint, HttpSender.Settings.defaults());
  }

  OtlpHttpExporter(URI endpoint, HttpSender.Settings settings) {
    HttpSender sender = new HttpSender(TracingConfig.OTLP_ENDPOINT, endpoint, settings);
    this.delivery = new HttpDelivery("OTLP", sender, OtlpHttpExporter.class);
  }

  /** Encodes the batch as one {@code ExportTraceServiceRequest} and posts it; never throws. */
  @Override
  public void export(Collection<Span> spans) {
    delivery.export(spans, OtlpJson::encode);
  }

  /** Returns how many spans the backend accepted. */
  public long exportedSpans() {
    return delivery.exported();
  }

  /** Returns how many spans were dropped after the retries ran out or the backend refused them. */
  public long droppedSpans() {
    return delivery.dropped();
  }
}
