package org.codomyrmex.tracing.export;

import java.net.URI;
import java.util.Collection;
import org.codomyrmex.tracing.Span;
import org.codomyrmex.tracing.SpanExporter;
import org.codomyrmex.tracing.internal.TracingConfig;

/**
 * Sends spans to a Zipkin server as Zipkin v2 JSON over HTTP.
 *
 * <p>Selected with {@code tracing.exporter=zipkin}; the endpoint is {@code
 * tracing.exporter.zipkin.endpoint}. Requests are gzip-compressed, time out after two seconds and
 * are retried with backoff on server errors and connection failures for at most five seconds per
 * batch; then the batch is dropped, counted and logged. Nothing is ever thrown at the caller.
 *
 * <pre>{@code
 * Tracer tracer = Tracer.create("checkout",
 *     new ZipkinExporter(URI.create("http://localhost:9411/api/v2/spans")));
 * }</pre>
 */
public final class ZipkinExporter implements SpanExporter {
  private final HttpDelivery delivery;

  /**
   * Creates an exporter posting to {@code endpoint}, e.g. {@code http://host:9411/api/v2/spans}.
   *
   * @throws IllegalArgumentException naming {@code tracing.exporter.zipkin.endpoint} when it is not
   *     an http(s) URL
   */
  public ZipkinExporter(URI endpoint) {
    this(endpoint, HttpSender.Settings.defaults());
  }

  ZipkinExporter(URI endpoint, HttpSender.Settings settings) {
    HttpSender sender = new HttpSender(TracingConfig.ZIPKIN_ENDPOINT, endpoint, settings);
    this.delivery = new HttpDelivery("Zipkin", sender, ZipkinExporter.class);
  }

  /** Encodes the batch as one Zipkin v2 JSON list and posts it; never throws. */
  @Override
  public void export(Collection<Span> spans) {
    delivery.export(spans, ZipkinJson::encode);
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
