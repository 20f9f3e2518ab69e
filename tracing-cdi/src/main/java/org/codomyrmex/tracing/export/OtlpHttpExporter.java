package org.codomyrmex.tracing.export;

import java.net.URI;
import org.codomyrmex.tracing.internal.TracingConfig;

/**
 * Sends spans over OTLP/HTTP with the JSON encoding (or protobuf, {@link Encoding}), as Jaeger,
 * Grafana Tempo and the OpenTelemetry Collector accept on port 4318.
 *
 * <p>Selected with {@code tracing.exporter=otlp}; the endpoint is {@code
 * tracing.exporter.otlp.endpoint}, the headers {@code tracing.exporter.otlp.headers}. One request
 * per batch, grouped by {@code service.name} into {@code resourceSpans}, each resource with the
 * resource attributes. Batches are gzip-compressed (unless {@code tracing.exporter.compression} is
 * {@code none}) and sent from the exporter's own thread; while the backend is down they are kept,
 * in order, up to {@code tracing.exporter.buffer-mb}, and sent when it answers again. Nothing is
 * ever thrown at the caller.
 *
 * <pre>{@code
 * Tracer tracer = Tracer.create("checkout",
 *     new OtlpHttpExporter(URI.create("http://localhost:4318/v1/traces")));
 * }</pre>
 */
public final class OtlpHttpExporter extends NetworkExporter {

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
    this(endpoint, options, Encoding.JSON);
  }

  /**
   * Creates an exporter posting to {@code endpoint} with {@code options}, each request body in
   * {@code encoding}.
   *
   * @throws IllegalArgumentException naming {@code tracing.exporter.otlp.endpoint} when it is not
   *     an http(s) URL
   */
  public OtlpHttpExporter(URI endpoint, HttpExporterOptions options, Encoding encoding) {
    super(
        HttpDelivery.of(
            "OTLP",
            TracingConfig.OTLP_ENDPOINT,
            endpoint,
            encoding.format,
            options,
            OtlpHttpExporter.class),
        encoding == Encoding.PROTOBUF
            ? batch -> OtlpProtobuf.encode(batch, options.resourceAttributes())
            : batch -> OtlpJson.encode(batch, options.resourceAttributes()));
  }

  /** The OTLP/HTTP encodings: {@code tracing.exporter.otlp.protocol}. */
  public enum Encoding {
    /** {@code http/json}, {@code application/json}: the default. */
    JSON(BodyFormat.OTLP_JSON),
    /** {@code http/protobuf}, {@code application/x-protobuf}: smaller, and cheaper to encode. */
    PROTOBUF(BodyFormat.OTLP_PROTOBUF);

    private final BodyFormat format;

    Encoding(BodyFormat format) {
      this.format = format;
    }
  }
}
