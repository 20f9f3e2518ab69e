package org.codomyrmex.tracing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class ExportPipelineTest {

  /** Records every batch it is given. */
  static final class RecordingExporter implements SpanExporter {
    final ConcurrentLinkedQueue<Span> spans = new ConcurrentLinkedQueue<>();
    final ConcurrentLinkedQueue<Integer> batchSizes = new ConcurrentLinkedQueue<>();
    final AtomicInteger shutdowns = new AtomicInteger();
    volatile long pauseMillis; // per batch: a slow exporter

    @Override
    public void export(Collection<Span> batch) {
      sleepQuietly(pauseMillis);
      batchSizes.add(batch.size());
      spans.addAll(batch);
    }

    @Override
    public void shutdown() {
      shutdowns.incrementAndGet();
    }
  }

  @Test
  void fourThreadsWithFlushesExportEverySpanOnceWithUniqueIds() throws Exception {
    RecordingExporter exporter = new RecordingExporter();
    int threads = 4;
    int perThread = 5_000;
    try (SystemProperties ignored = SystemProperties.set("tracing.queue-capacity", "100000")) {
      Tracer tracer = Tracer.create("load", exporter);
      ExecutorService pool = Executors.newFixedThreadPool(threads);
      List<Future<?>> futures = new ArrayList<>();
      for (int t = 0; t < threads; t++) {
        futures.add(pool.submit(() -> produce(tracer, perThread)));
      }
      for (Future<?> future : futures) {
        future.get(60, TimeUnit.SECONDS);
      }
      pool.shutdown();
      tracer.flush();

      assertThat(exporter.spans).hasSize(threads * perThread * 2);
      Set<String> ids = new HashSet<>();
      exporter.spans.forEach(span -> ids.add(span.spanId()));
      assertThat(ids).hasSize(threads * perThread * 2);
      assertThat(exporter.batchSizes).allSatisfy(size -> assertThat(size).isBetween(1, 10));
      assertThat(tracer.droppedSpans()).isZero();
      tracer.shutdown();
    }
  }

  private static void produce(Tracer tracer, int count) {
    for (int i = 0; i < count; i++) {
      try (Span parent = tracer.span("parent")) {
        tracer.startSpan("child").setAttribute("i", i).finish();
        parent.setAttribute("i", i);
      }
      if (i % 1000 == 0) {
        tracer.flush();
      }
    }
  }

  @Test
  void aStalledExporterNeverBlocksTheCallerAndDropsAreCounted() throws Exception {
    CountDownLatch release = new CountDownLatch(1);
    CountDownLatch entered = new CountDownLatch(1);
    SpanExporter stalled =
        batch -> {
          entered.countDown();
          awaitQuietly(release);
        };
    try (SystemProperties ignored =
        SystemProperties.set("tracing.queue-capacity", "100", "tracing.flush-timeout-ms", "200")) {
      Tracer tracer = Tracer.create("stalled", stalled);
      tracer.startSpan("first").finish();
      tracer.flush(); // returns after the flush timeout although the exporter hangs
      assertThat(entered.await(5, TimeUnit.SECONDS)).isTrue();

      assertTimeoutPreemptively(
          Duration.ofSeconds(10),
          () -> {
            for (int i = 0; i < 10_000; i++) {
              tracer.startSpan("s").finish();
            }
          });

      assertThat(tracer.droppedSpans()).isGreaterThanOrEqualTo(10_000 - 100);
      release.countDown();
      tracer.shutdown();
    }
  }

  @Test
  void aThrowingExporterNeverReachesTheCallerAndTheTracerRecovers() {
    AtomicBoolean failing = new AtomicBoolean(true);
    RecordingExporter recorder = new RecordingExporter();
    SpanExporter flaky =
        batch -> {
          if (failing.get()) {
            throw new IllegalStateException("backend down");
          }
          recorder.export(batch);
        };
    Tracer tracer = Tracer.create("flaky", flaky);

    assertThatCode(
            () -> {
              for (int i = 0; i < 25; i++) {
                tracer.startSpan("lost").finish();
              }
              tracer.flush();
            })
        .doesNotThrowAnyException();
    assertThat(tracer.droppedSpans()).isEqualTo(25);

    failing.set(false);
    tracer.startSpan("kept").finish();
    tracer.flush();
    assertThat(recorder.spans).extracting(Span::name).containsExactly("kept");
    assertThat(tracer.exportedSpans()).isEqualTo(1);
    tracer.shutdown();
  }

  @Test
  void shutdownExportsEverythingStillQueuedAndShutsTheExporterDownOnce() {
    RecordingExporter exporter = new RecordingExporter();
    try (SystemProperties ignored =
        SystemProperties.set(
            "tracing.flush-interval-ms", "600000", "tracing.batch-size", "100000")) {
      Tracer tracer = Tracer.create("closing", exporter);
      for (int i = 0; i < 500; i++) {
        tracer.startSpan("queued").finish();
      }
      tracer.shutdown();
      tracer.shutdown();

      assertThat(exporter.spans).hasSize(500);
      assertThat(exporter.shutdowns).hasValue(1);

      tracer.startSpan("after").finish();
      assertThat(tracer.droppedSpans()).isEqualTo(1);
      assertThat(exporter.spans).hasSize(500);
    }
  }

  @Test
  void theIntervalExportsWithoutAFlush() throws InterruptedException {
    RecordingExporter exporter = new RecordingExporter();
    try (SystemProperties ignored =
        SystemProperties.set("tracing.flush-interval-ms", "50", "tracing.batch-size", "1000")) {
      Tracer tracer = Tracer.create("interval", exporter);
      tracer.startSpan("lonely").finish();
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
      while (exporter.spans.isEmpty() && System.nanoTime() < deadline) {
        Thread.sleep(10);
      }
      assertThat(exporter.spans).extracting(Span::name).containsExactly("lonely");
      tracer.shutdown();
    }
  }

  @Test
  void flushIsSynchronous() {
    RecordingExporter exporter = new RecordingExporter();
    try (SystemProperties ignored = SystemProperties.set("tracing.flush-interval-ms", "600000")) {
      Tracer tracer = Tracer.create("sync", exporter);
      for (int round = 1; round <= 20; round++) {
        tracer.startSpan("s" + round).finish();
        tracer.flush();
        assertThat(exporter.spans).hasSize(round);
      }
      tracer.shutdown();
    }
  }

  @Test
  void flushWaitsForWhatOtherThreadsFinishedBeforeTheCall() throws Exception {
    RecordingExporter slow = new RecordingExporter();
    slow.pauseMillis = 1; // the spans of the other threads are still queued when flush starts
    try (SystemProperties ignored =
        SystemProperties.set(
            "tracing.flush-interval-ms", "600000", "tracing.queue-capacity", "100000")) {
      Tracer tracer = Tracer.create("others", slow);
      int threads = 6;
      int perThread = 200;
      Thread[] producers = new Thread[threads];
      for (int t = 0; t < threads; t++) {
        producers[t] = new Thread(() -> produce(tracer, perThread));
        producers[t].start();
      }
      for (Thread producer : producers) {
        producer.join(30_000);
      }
      tracer.flush(); // from a thread that finished no span itself

      assertThat(slow.spans).hasSize(threads * perThread * 2);
      tracer.shutdown();
    }
  }

  private static void sleepQuietly(long millis) {
    if (millis <= 0) {
      return;
    }
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static void awaitQuietly(CountDownLatch latch) {
    try {
      latch.await(30, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
