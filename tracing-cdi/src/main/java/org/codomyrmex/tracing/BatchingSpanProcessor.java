package org.codomyrmex.tracing;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.LongAdder;
import java.util.concurrent.locks.LockSupport;
import org.codomyrmex.tracing.internal.RateLimitedLogger;

/**
 * Queues finished spans and exports them in batches on one daemon worker thread.
 *
 * <p>The queue ({@link ExportQueue}) links the spans themselves, so enqueueing allocates nothing,
 * and is striped by thread, so producer threads do not contend. It is bounded: a full queue drops
 * and counts, it never blocks the caller. Producers wake the sleeping worker only when a good share
 * of the queue is pending, so a wake-up costs once per many spans.
 */
final class BatchingSpanProcessor {
  private static final RateLimitedLogger LOG =
      new RateLimitedLogger(BatchingSpanProcessor.class.getName());

  private final String tracerName;
  private final SpanExporter exporter;
  private final int batchSize;
  private final int capacity;
  private final int wakeThreshold;
  private final long intervalNanos;
  private final long flushTimeoutNanos;

  private final ExportQueue queue;
  private final LongAdder dropped = new LongAdder();
  private final LongAdder exported = new LongAdder();
  private volatile boolean sleeping;
  private volatile boolean stopping;
  private volatile boolean closed;
  private volatile int flushers;
  private final long[] flushTarget; // per stripe, the most any waiting flush needs; flushMonitor
  private final Object flushMonitor = new Object();
  private final AtomicBoolean shutdown = new AtomicBoolean();
  private final List<Span> batch;
  private final List<Span> batchView;
  private final Thread worker;

  BatchingSpanProcessor(String tracerName, SpanExporter exporter, Settings settings) {
    this.tracerName = tracerName;
    this.exporter = exporter;
    this.batchSize = settings.batchSize;
    this.capacity = settings.queueCapacity;
    // Wake the worker at 1/8 of the queue: rare wake-ups, and 7/8 of headroom while it wakes.
    this.wakeThreshold = Math.max(1, Math.min(capacity, Math.max(batchSize, capacity / 8)));
    this.intervalNanos = TimeUnit.MILLISECONDS.toNanos(settings.flushIntervalMs);
    this.flushTimeoutNanos = TimeUnit.MILLISECONDS.toNanos(settings.flushTimeoutMs);
    this.queue = new ExportQueue(capacity, Runtime.getRuntime().availableProcessors() * 2);
    this.flushTarget = new long[queue.stripes()];
    this.batch = new ArrayList<>(batchSize);
    this.batchView = Collections.unmodifiableList(batch);
    this.worker = new Thread(this::work, "codomyrmex-tracing-export-" + tracerName);
    worker.setDaemon(true);
    worker.setContextClassLoader(BatchingSpanProcessor.class.getClassLoader());
    worker.start();
  }

  /** The pipeline settings, read from configuration when a tracer is created. */
  static final class Settings {
    final int batchSize;
    final int queueCapacity;
    final long flushIntervalMs;
    final long flushTimeoutMs;

    Settings(int batchSize, int queueCapacity, long flushIntervalMs, long flushTimeoutMs) {
      this.batchSize = batchSize;
      this.queueCapacity = queueCapacity;
      this.flushIntervalMs = flushIntervalMs;
      this.flushTimeoutMs = flushTimeoutMs;
    }
  }

  void offer(Span span) {
    long backlog = closed ? ExportQueue.FULL : queue.offer(span);
    if (backlog == ExportQueue.FULL) {
      drop(1, closed ? "the tracer is shut down" : "the export queue is full", null);
      if (sleeping) {
        wake();
      }
    } else if (backlog >= wakeThreshold && sleeping) { // backlog is 0 but once per chunk of spans
      wake();
    }
  }

  long droppedSpans() {
    return dropped.sum();
  }

  long exportedSpans() {
    return exported.sum();
  }

  long queuedSpans() {
    return queue.queued();
  }

  int queueCapacity() {
    return capacity;
  }

  /** Returns once every span offered before the call has been through the exporter. */
  void flush() {
    if (Thread.currentThread() == worker) {
      return; // an exporter flushing its own tracer would wait for itself
    }
    long deadline = System.nanoTime() + flushTimeoutNanos;
    long[] target = queue.accepted();
    if (!queue.released(target)) {
      awaitExported(target, deadline);
    }
    flushExporter(deadline);
  }

  // Exporters that deliver from a thread of their own get what is left of the flush timeout.
  private void flushExporter(long deadline) {
    long left = deadline - System.nanoTime();
    try {
      if (left > 0 && !exporter.flush(Duration.ofNanos(left))) {
        LOG.warn(
            "flush of tracer '" + tracerName + "' timed out: the backend is slow or down", null);
      }
    } catch (Throwable t) {
      LOG.warn("exporter of tracer '" + tracerName + "' failed to flush", t);
    }
  }

  private void awaitExported(long[] target, long deadline) {
    synchronized (flushMonitor) {
      flushers++;
      for (int i = 0; i < target.length; i++) {
        flushTarget[i] = Math.max(flushTarget[i], target[i]);
      }
    }
    try {
      wake();
      awaitCompleted(target, deadline);
    } finally {
      synchronized (flushMonitor) {
        flushers--;
      }
    }
  }

  void shutdown() {
    if (!shutdown.compareAndSet(false, true)) {
      return;
    }
    flush();
    stopping = true;
    wake();
    joinWorker();
    closed = true;
    drainRemaining();
    shutdownExporter();
  }

  private void awaitCompleted(long[] target, long deadline) {
    synchronized (flushMonitor) {
      while (!queue.released(target) && worker.isAlive()) {
        long left = deadline - System.nanoTime();
        if (left <= 0) {
          LOG.warn("flush of tracer '" + tracerName + "' timed out: the exporter is slow", null);
          return;
        }
        try {
          flushMonitor.wait(Math.max(1, TimeUnit.NANOSECONDS.toMillis(left)));
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          return;
        }
      }
    }
  }

  private void wake() {
    sleeping = false;
    LockSupport.unpark(worker);
  }

  private void work() {
    while (!(stopping && queue.isEmpty())) {
      try {
        boolean exportedAny = drain();
        signalFlushers();
        if (!exportedAny) {
          idle();
        }
      } catch (Throwable t) {
        LOG.warn("tracing export worker of '" + tracerName + "' hit an error; continuing", t);
      }
    }
    signalFlushers();
  }

  private boolean drain() {
    boolean any = false;
    Span span;
    while ((span = queue.poll()) != null) {
      any = true;
      batch.add(span);
      if (batch.size() >= batchSize) {
        exportBatch();
      }
    }
    if (!batch.isEmpty()) {
      exportBatch();
    }
    return any;
  }

  private void exportBatch() {
    int size = batch.size();
    try {
      exporter.export(batchView);
      exported.add(size);
    } catch (Throwable t) {
      drop(size, "the exporter failed", t);
    } finally {
      batch.clear();
      queue.release(size);
    }
  }

  private void drop(int count, String reason, Throwable error) {
    dropped.add(count);
    if (LOG.permits()) { // checked first: a full queue must not build a message per span
      LOG.log("tracer '" + tracerName + "' dropped " + count + " span(s): " + reason, error);
    }
  }

  private void idle() {
    Thread.interrupted(); // an interrupt from a container must not turn this into a busy loop
    if (stopping || flushPending()) {
      Thread.yield(); // a span counted but not yet linked is a few instructions away
      return;
    }
    sleeping = true;
    if (queue.isEmpty()) {
      LockSupport.parkNanos(this, intervalNanos);
    }
    sleeping = false;
  }

  private boolean flushPending() {
    if (flushers == 0) {
      return false;
    }
    synchronized (flushMonitor) {
      return !queue.released(flushTarget);
    }
  }

  private void signalFlushers() {
    if (flushers > 0) {
      synchronized (flushMonitor) {
        flushMonitor.notifyAll();
      }
    }
  }

  private void joinWorker() {
    try {
      worker.join(TimeUnit.NANOSECONDS.toMillis(flushTimeoutNanos));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  // Spans finished while the worker stopped: exported here so that shutdown loses nothing.
  private void drainRemaining() {
    if (!worker.isAlive()) {
      drain();
    }
  }

  private void shutdownExporter() {
    try {
      exporter.shutdown();
    } catch (Throwable t) {
      LOG.warn("exporter of tracer '" + tracerName + "' failed to shut down", t);
    }
  }
}
