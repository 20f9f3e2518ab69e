package org.codomyrmex.tracing.export;

import java.net.URI;
import java.time.Duration;
import java.util.Collection;
import java.util.Map;
import org.codomyrmex.tracing.Span;
import org.codomyrmex.tracing.SpanExporter;
import org.codomyrmex.tracing.internal.TracingConfig;

/**
 * Sends spans to a Zipkin server as Zipkin v2 JSON over HTTP.
 *
 * <p>Selected with {@code tracing.exporter=zipkin}; the endpoint is {@code
 * tracing.exporter.zipkin.endpoint}, the headers {@code tracing.exporter.zipkin.headers}. Batches
 * are gzip-compressed and sent from the exporter's own thread; while Zipkin is down they are kept,
 * in order, up to {@code tracing.exporter.buffer-mb}, and sent when it answers again (see {@link
 * HttpExporterOptions}). Nothing is ever thrown at the caller.
 *
 * <pre>{@code
 * Tracer tracer = Tracer.create("checkout",
 *     new ZipkinExporter(URI.create("http://localhost:9411/api/v2/spans")));
 * }</pre>
 */
public final class ZipkinExporter implements SpanExporter {
  private final HttpDelivery delivery;
  private final Map<String, String> resourceAttributes;

  /**
   * Creates an exporter posting to {@code endpoint}, e.g. {@code http://host:9411/api/v2/spans}.
   *
   * @throws IllegalArgumentException naming {@code tracing.exporter.zipkin.endpoint} when it is not
   *     an http(s) URL
   */
  public ZipkinExporter(URI endpoint) {
    this(endpoint, HttpExporterOptions.defaults());
  }

  /**
   * Creates an exporter posting to {@code endpoint} with {@code options} (headers, resource
   * attributes as tags of every span, buffer).
   *
   * @throws IllegalArgumentException naming {@code tracing.exporter.zipkin.endpoint} when it is not
   *     an http(s) URL
   */
  public ZipkinExporter(URI endpoint, HttpExporterOptions options) {
    this.resourceAttributes = options.resourceAttributes();
    this.delivery =
        HttpDelivery.of(
            "Zipkin",
            TracingConfig.ZIPKIN_ENDPOINT,
            endpoint,
            JsonEnvelope.ZIPKIN,
            options,
            ZipkinExporter.class);
  }

  /** Encodes the batch as one Zipkin v2 JSON list and queues it for sending; never throws. */
  @Override
  public void export(Collection<Span> spans) {
    delivery.export(spans, batch -> ZipkinJson.encode(batch, resourceAttributes));
  }

  /** Waits at most {@code timeout} until every batch exported so far reached Zipkin. */
  @Override
  public boolean flush(Duration timeout) {
    return delivery.flush(timeout);
  }

  /** Gives Zipkin, if it is up, the flush timeout to take what is kept; then stops. */
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
    return "ZipkinExporter[" + delivery + "]";
  }
}
