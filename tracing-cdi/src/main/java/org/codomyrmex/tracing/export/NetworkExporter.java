package org.codomyrmex.tracing.export;

import java.time.Duration;
import java.util.Collection;
import java.util.function.Function;
import org.codomyrmex.tracing.Span;
import org.codomyrmex.tracing.SpanExporter;

/** What the Zipkin and OTLP exporters share: an encoder, and a delivery with its outage buffer. */
abstract class NetworkExporter implements SpanExporter {
  private final HttpDelivery delivery;
  private final Function<Collection<Span>, byte[]> encoder;

  NetworkExporter(HttpDelivery delivery, Function<Collection<Span>, byte[]> encoder) {
    this.delivery = delivery;
    this.encoder = encoder;
  }

  /** Encodes the batch as one request body and queues it for sending; never throws. */
  @Override
  public final void export(Collection<Span> spans) {
    delivery.export(spans, encoder);
  }

  /** Waits at most {@code timeout} until every batch exported so far reached the backend. */
  @Override
  public final boolean flush(Duration timeout) {
    return delivery.flush(timeout);
  }

  /** Gives the backend, if it is up, the flush timeout to take what is kept; then stops. */
  @Override
  public final void shutdown() {
    delivery.shutdown();
  }

  /** Returns how many spans the backend accepted. */
  public final long exportedSpans() {
    return delivery.exported();
  }

  /**
   * Returns how many spans were dropped: refused, pushed out of a full buffer, or left at shutdown.
   */
  public final long droppedSpans() {
    return delivery.dropped();
  }

  final long bufferedBytes() {
    return delivery.bufferedBytes();
  }

  /** Names the exporter and its endpoint; header values never appear. */
  @Override
  public String toString() {
    return getClass().getSimpleName() + "[" + delivery + "]";
  }
}
