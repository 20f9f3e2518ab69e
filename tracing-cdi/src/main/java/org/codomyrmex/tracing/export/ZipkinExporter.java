package org.codomyrmex.tracing.export;

import java.net.URI;
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
public final class ZipkinExporter extends NetworkExporter {

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
    super(
        HttpDelivery.of(
            "Zipkin",
            TracingConfig.ZIPKIN_ENDPOINT,
            endpoint,
            BodyFormat.ZIPKIN,
            options,
            ZipkinExporter.class),
        batch -> ZipkinJson.encode(batch, options.resourceAttributes()));
  }
}
