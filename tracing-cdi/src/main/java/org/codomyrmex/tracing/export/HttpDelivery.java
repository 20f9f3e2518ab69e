package org.codomyrmex.tracing.export;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import java.util.logging.Logger;
import org.codomyrmex.tracing.Span;
import org.codomyrmex.tracing.internal.RateLimitedLogger;

/**
 * Delivers the encoded batches of one network exporter from its own thread, keeping them through an
 * outage.
 *
 * <p>{@link #export} encodes a batch and appends it to an {@link OutageBuffer}; the delivery thread
 * sends the oldest one and, while the backend is unreachable, times out, or answers 5xx, 408 or
 * 429, keeps it at the front and tries again with a doubling pause: batches arrive in the order
 * they were exported. Other refusals (a 400 or 401) drop the batch. When the buffer is full the
 * oldest batches are dropped and counted. While the backend keeps up, {@code export} lets the
 * tracer's thread run at most a few batches ahead of it; while it is down, or stalls for more than
 * a moment, {@code export} never waits, so other exporters of the tracer carry on.
 */
final class HttpDelivery {
  // Kept batches are sent together, up to this many uncompressed bytes a request; also how far the
  // tracer's
  // thread may run ahead of a backend that keeps up.
  static final long MAX_REQUEST_BYTES = 256 * 1024;
  private static final long STALL_NANOS = TimeUnit.MILLISECONDS.toNanos(100);

  private final String backend;
  private final HttpSender sender;
  private final BodyFormat format;
  private final Duration flushTimeout;
  private final String target;
  private final RateLimitedLogger log;
  private final Logger logger;
  private final AtomicLong exported = new AtomicLong();
  private final AtomicLong dropped = new AtomicLong();
  private final Object lock = new Object();
  private final OutageBuffer buffer; // guarded by lock, as are the fields below
  private boolean running = true;
  private volatile boolean down; // written holding lock
  // Written holding lock: the backend is down or behind, so a new batch may wait long.
  private volatile boolean backlogged;
  private boolean retryNow;
  private boolean flushTimedOut; // since the backend last took a batch
  private boolean joiningRefused; // a joined request was refused: one batch a request from now
  private int failures;
  private long retryAtNanos;
  private long lastProgressNanos = System.nanoTime() - STALL_NANOS;
  private final Thread thread;

  HttpDelivery(
      String backend,
      HttpSender sender,
      BodyFormat format,
      long bufferBytes,
      Duration flushTimeout,
      Class<?> owner) {
    this.backend = backend;
    this.sender = sender;
    this.format = format;
    this.flushTimeout = flushTimeout;
    this.buffer = new OutageBuffer(bufferBytes);
    this.target = withoutSecrets(sender.endpoint());
    this.log = new RateLimitedLogger(owner.getName());
    this.logger = Logger.getLogger(owner.getName());
    this.thread = new Thread(this::deliverUntilStopped, threadName(backend, target));
    thread.setDaemon(true);
    thread.setContextClassLoader(HttpDelivery.class.getClassLoader());
    thread.start();
  }

  /** Creates the delivery of a network exporter: {@code key} names the endpoint in errors. */
  static HttpDelivery of(
      String backend,
      String key,
      URI endpoint,
      BodyFormat format,
      HttpExporterOptions options,
      Class<?> owner) {
    HttpSender sender =
        new HttpSender(key, endpoint, options.transport(), options.headers(), format.contentType());
    return new HttpDelivery(
        backend, sender, format, options.bufferBytes(), options.flushTimeout(), owner);
  }

  private static String threadName(String backend, String target) {
    return "codomyrmex-tracing-" + backend.toLowerCase(Locale.ROOT) + " " + target;
  }

  // No user info or query in logs: either may carry a credential.
  private static String withoutSecrets(URI endpoint) {
    String port = endpoint.getPort() < 0 ? "" : ":" + endpoint.getPort();
    String path = endpoint.getRawPath() == null ? "" : endpoint.getRawPath();
    return endpoint.getScheme() + "://" + endpoint.getHost() + port + path;
  }

  /** Encodes {@code spans} as one payload and queues it for the backend; never throws. */
  void export(Collection<Span> spans, Function<Collection<Span>, byte[]> encoder) {
    if (spans.isEmpty()) {
      return;
    }
    HttpSender.Payload payload;
    try {
      byte[] body = encoder.apply(spans);
      // While the backend keeps up, a batch waits briefly: it stays plain, and the delivery thread
      // compresses what it sends, joined. While it is down or behind, a batch may wait long:
      // compressed now.
      payload =
          backlogged
              ? sender.payload(body, spans.size())
              : HttpSender.Payload.plain(body, spans.size());
    } catch (RuntimeException e) {
      drop(spans.size(), "cannot encode", e);
      return;
    }
    synchronized (lock) {
      if (!running) {
        drop(spans.size(), "the exporter is shut down", null);
        return;
      }
      int lost = buffer.add(payload);
      updateBacklog();
      lock.notifyAll();
      if (lost > 0) {
        drop(lost, "buffer of " + buffer.bytes() / 1024 + " KiB full, oldest batches first", null);
      }
      awaitRunAheadRoom();
    }
  }

  // Holding lock: while the backend keeps up, the tracer's thread waits for it to catch up.
  private void awaitRunAheadRoom() {
    while (running && !down && buffer.waitingRawBytes() >= MAX_REQUEST_BYTES) {
      long stalledFor = System.nanoTime() - lastProgressNanos;
      if (stalledFor >= STALL_NANOS) {
        return; // slow or dying: keep the batch and let the tracer go on
      }
      if (!waitOnLock(STALL_NANOS - stalledFor)) {
        return;
      }
    }
  }

  /**
   * Waits until every batch exported before the call was delivered or dropped, at most {@code
   * timeout}; a backend in its pause between retries is tried at once.
   *
   * @return true when nothing exported before the call is still waiting
   */
  boolean flush(Duration timeout) {
    long deadline = System.nanoTime() + timeout.toNanos();
    long waiting;
    synchronized (lock) {
      long last = buffer.lastAppended();
      retryNow = true;
      lock.notifyAll();
      while (running && !buffer.settledThrough(last)) {
        if (!waitOnLock(deadline - System.nanoTime())) {
          break;
        }
      }
      if (buffer.settledThrough(last)) {
        return true;
      }
      flushTimedOut = true;
      waiting = buffer.spans();
    }
    log.warn(
        String.format(
            "%s exporter: %d span(s) not yet delivered to %s within %d ms; kept and retried",
            backend, waiting, target, timeout.toMillis()),
        null);
    return false;
  }

  /**
   * Waits for a backend that is up to take what is kept (at most the flush timeout; not again when
   * a flush just timed out), then stops; what is still kept is counted as dropped and reported.
   */
  void shutdown() {
    boolean up;
    synchronized (lock) {
      if (!running) {
        return;
      }
      up = !down && !flushTimedOut;
    }
    if (up) {
      flush(flushTimeout);
    }
    long lost;
    synchronized (lock) {
      running = false;
      lost = buffer.clear();
      lock.notifyAll();
    }
    thread.interrupt();
    if (lost > 0) {
      dropped.addAndGet(lost);
      logger.warning(
          String.format(
              "%s exporter shut down: %d span(s) could not be delivered to %s",
              backend, lost, target));
    }
  }

  private void deliverUntilStopped() {
    List<OutageBuffer.Entry> batches;
    while ((batches = next()) != null) {
      HttpSender.Outcome outcome = sender.send(joined(batches));
      synchronized (lock) {
        if (running) { // else shutdown counted the batches already
          settle(batches, outcome);
          updateBacklog();
        }
        lock.notifyAll();
      }
    }
  }

  // Several kept batches become one request: a backlog drains in few round trips.
  private HttpSender.Payload joined(List<OutageBuffer.Entry> batches) {
    if (batches.size() == 1 && batches.get(0).payload().gzipped()) {
      return batches.get(0).payload();
    }
    List<byte[]> bodies = new ArrayList<>(batches.size());
    int spans = 0;
    for (OutageBuffer.Entry entry : batches) {
      bodies.add(HttpSender.uncompressed(entry.payload()));
      spans += entry.payload().spanCount();
    }
    return sender.payload(format.join(bodies), spans);
  }

  // The oldest batches once they may be sent, or null when stopped.
  private List<OutageBuffer.Entry> next() {
    synchronized (lock) {
      while (running) {
        long pause = down && !retryNow ? retryAtNanos - System.nanoTime() : 0;
        if (buffer.hasWaiting() && pause <= 0) {
          retryNow = false;
          List<OutageBuffer.Entry> taken = buffer.take(joiningRefused ? 0 : MAX_REQUEST_BYTES);
          updateBacklog();
          return taken;
        }
        if (!waitOnLock(buffer.hasWaiting() ? pause : Long.MAX_VALUE)) {
          return null;
        }
      }
      return null;
    }
  }

  // Holding lock.
  private void settle(List<OutageBuffer.Entry> batches, HttpSender.Outcome outcome) {
    int spans = 0;
    for (OutageBuffer.Entry entry : batches) {
      spans += entry.payload().spanCount();
    }
    if (!outcome.success() && !outcome.retryable() && batches.size() > 1) {
      buffer.putBack(); // perhaps too large together (413): each is tried alone from now on
      joiningRefused = true;
      log.warn(backend + " backend refused joined batches (" + describe(outcome) + ")", null);
      return;
    }
    if (outcome.retryable()) {
      buffer.putBack();
      failures++;
      retryAtNanos = System.nanoTime() + sender.settings().backoff(failures).toNanos();
      if (!down) {
        down = true;
        log.warn(backend + " backend at " + target + " failed (" + describe(outcome) + ")", null);
      }
      return;
    }
    int evictedSpans = buffer.settle();
    lastProgressNanos = System.nanoTime();
    flushTimedOut = false;
    if (down) {
      logger.info(
          backend + " backend at " + target + " answers again after " + failures + " failed tries");
      down = false;
    }
    failures = 0;
    if (outcome.success()) {
      exported.addAndGet(spans);
      dropped.addAndGet(-evictedSpans); // counted when the room ran out, yet they arrived
    } else {
      drop(spans - evictedSpans, "refused, " + describe(outcome), null);
    }
  }

  private String describe(HttpSender.Outcome outcome) {
    String kept = outcome.retryable() ? "; its batches are kept and retried" : "";
    return "status " + outcome.status() + ": " + outcome.detail() + kept;
  }

  // Holding lock.
  private void updateBacklog() {
    backlogged = down || buffer.waitingRawBytes() >= MAX_REQUEST_BYTES;
  }

  // Holding lock; false when interrupted or the time is up.
  private boolean waitOnLock(long nanos) {
    if (nanos <= 0) {
      return false;
    }
    try {
      lock.wait(Math.max(1, TimeUnit.NANOSECONDS.toMillis(Math.min(nanos, Long.MAX_VALUE / 2))));
      return true;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  private void drop(long spanCount, String reason, Throwable error) {
    dropped.addAndGet(spanCount);
    log.warn(
        backend + " exporter dropped " + spanCount + " span(s) for " + target + " (" + reason + ")",
        error);
  }

  long exported() {
    return exported.get();
  }

  long dropped() {
    return dropped.get();
  }

  /** Names the backend and endpoint; header values never appear. */
  @Override
  public String toString() {
    return backend + " " + target;
  }

  long bufferedBytes() {
    synchronized (lock) {
      return buffer.bytes();
    }
  }
}
