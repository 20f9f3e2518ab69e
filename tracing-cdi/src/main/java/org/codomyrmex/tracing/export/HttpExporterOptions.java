package org.codomyrmex.tracing.export;

import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import org.codomyrmex.tracing.internal.SecretHeaders;

/**
 * Request headers, resource attributes, outage buffer, flush timeout and compression of a {@link
 * ZipkinExporter} or {@link OtlpHttpExporter}; immutable, each {@code with} method returns a copy.
 *
 * <pre>{@code
 * SpanExporter exporter = new OtlpHttpExporter(
 *     URI.create("https://tempo.example.com/v1/traces"),
 *     HttpExporterOptions.defaults()
 *         .withHeaders(Map.of("Authorization", "Bearer " + token))
 *         .withResourceAttributes(Map.of("deployment.environment", "prod")));
 * }</pre>
 */
public final class HttpExporterOptions {
  private static final long MIB = 1024L * 1024L;
  private static final HttpExporterOptions DEFAULTS =
      new HttpExporterOptions(
          SecretHeaders.none(),
          Map.of(),
          16 * MIB,
          Duration.ofSeconds(10),
          HttpSender.Settings.defaults());

  private final SecretHeaders headers;
  private final Map<String, String> resourceAttributes;
  private final long bufferBytes;
  private final Duration flushTimeout;
  private final HttpSender.Settings transport;

  private HttpExporterOptions(
      SecretHeaders headers,
      Map<String, String> resourceAttributes,
      long bufferBytes,
      Duration flushTimeout,
      HttpSender.Settings transport) {
    this.headers = headers;
    this.resourceAttributes = resourceAttributes;
    this.bufferBytes = bufferBytes;
    this.flushTimeout = flushTimeout;
    this.transport = transport;
  }

  /** No headers, no resource attributes, a 16 MiB buffer, a ten-second flush timeout. */
  public static HttpExporterOptions defaults() {
    return DEFAULTS;
  }

  /**
   * Returns these options sending {@code headers} with every request; their values are never
   * logged.
   *
   * @throws IllegalArgumentException for a name or value HTTP does not allow, or a header the
   *     exporter sets itself ({@code Content-Type}, {@code Content-Encoding}, {@code Host}, ...)
   */
  public HttpExporterOptions withHeaders(Map<String, String> headers) {
    SecretHeaders checked = SecretHeaders.of("headers", headers);
    return new HttpExporterOptions(
        checked, resourceAttributes, bufferBytes, flushTimeout, transport);
  }

  /**
   * Returns these options describing the service with {@code attributes}: OTLP resource attributes,
   * tags of every span in Zipkin. A {@code service.name} among them is ignored: each span carries
   * its tracer's.
   */
  public HttpExporterOptions withResourceAttributes(Map<String, String> attributes) {
    Map<String, String> copy = new LinkedHashMap<>(attributes);
    copy.remove(JsonSupport.SERVICE_NAME);
    return new HttpExporterOptions(
        headers, Collections.unmodifiableMap(copy), bufferBytes, flushTimeout, transport);
  }

  /**
   * Returns these options keeping at most {@code megabytes} MiB of encoded batches while the
   * backend is down.
   *
   * @throws IllegalArgumentException when {@code megabytes} is below 1
   */
  public HttpExporterOptions withBufferMb(int megabytes) {
    if (megabytes < 1) {
      throw new IllegalArgumentException("bufferMb: expected at least 1, got " + megabytes);
    }
    return withBufferBytes(megabytes * MIB);
  }

  /**
   * Returns these options waiting at most {@code timeout} at shutdown for a backend that is up to
   * take what is kept.
   */
  public HttpExporterOptions withFlushTimeout(Duration timeout) {
    return new HttpExporterOptions(headers, resourceAttributes, bufferBytes, timeout, transport);
  }

  /**
   * Returns these options compressing request bodies with gzip (the default) or sending them as
   * they are: on a loopback or in-cluster link compression costs more CPU than it saves.
   */
  public HttpExporterOptions withGzip(boolean gzip) {
    return withTransport(transport.withGzip(gzip));
  }

  HttpExporterOptions withBufferBytes(long bytes) {
    return new HttpExporterOptions(headers, resourceAttributes, bytes, flushTimeout, transport);
  }

  HttpExporterOptions withTransport(HttpSender.Settings settings) {
    return new HttpExporterOptions(
        headers, resourceAttributes, bufferBytes, flushTimeout, settings);
  }

  SecretHeaders headers() {
    return headers;
  }

  Map<String, String> resourceAttributes() {
    return resourceAttributes;
  }

  long bufferBytes() {
    return bufferBytes;
  }

  Duration flushTimeout() {
    return flushTimeout;
  }

  HttpSender.Settings transport() {
    return transport;
  }

  /** Describes the options with every header value hidden. */
  @Override
  public String toString() {
    return "HttpExporterOptions[headers="
        + headers
        + ", resourceAttributes="
        + resourceAttributes
        + ", bufferBytes="
        + bufferBytes
        + ", flushTimeout="
        + flushTimeout
        + ", gzip="
        + transport.gzip()
        + "]";
  }
}
