package org.codomyrmex.tracing.export;

import java.util.Collection;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import org.codomyrmex.tracing.Span;
import org.codomyrmex.tracing.internal.RateLimitedLogger;

/** Sends encoded batches for a network exporter, counting what arrived and what was dropped. */
final class HttpDelivery {
  private final HttpSender sender;
  private final RateLimitedLogger log;
  private final String backend;
  private final AtomicLong exported = new AtomicLong();
  private final AtomicLong dropped = new AtomicLong();

  HttpDelivery(String backend, HttpSender sender, Class<?> owner) {
    this.backend = backend;
    this.sender = sender;
    this.log = new RateLimitedLogger(owner.getName());
  }

  /** Encodes {@code spans} as one payload and sends it; failures are logged and counted. */
  void export(Collection<Span> spans, Function<Collection<Span>, byte[]> encoder) {
    if (spans.isEmpty()) {
      return;
    }
    byte[] payload;
    try {
      payload = encoder.apply(spans);
    } catch (RuntimeException e) {
      drop(spans.size(), "cannot encode", e);
      return;
    }
    deliver(spans.size(), payload);
  }

  private void deliver(int spanCount, byte[] payload) {
    HttpSender.Outcome outcome = sender.send(payload);
    if (outcome.success()) {
      exported.addAndGet(spanCount);
      return;
    }
    drop(spanCount, "status " + outcome.status() + ": " + outcome.detail(), null);
  }

  private void drop(int spanCount, String reason, Throwable error) {
    dropped.addAndGet(spanCount);
    log.warn(
        backend
            + " exporter dropped "
            + spanCount
            + " span(s) for "
            + sender.endpoint()
            + " ("
            + reason
            + ")",
        error);
  }

  long exported() {
    return exported.get();
  }

  long dropped() {
    return dropped.get();
  }
}
