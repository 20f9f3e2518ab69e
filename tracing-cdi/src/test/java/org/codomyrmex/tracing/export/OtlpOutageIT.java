package org.codomyrmex.tracing.export;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;
import org.codomyrmex.tracing.Span;
import org.codomyrmex.tracing.SpanKind;
import org.codomyrmex.tracing.Tracer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** An OTLP receiver on loopback that answers 503 for a while, or for ever, under steady load. */
@Timeout(120)
class OtlpOutageIT {

  @Test
  void aReceiverAnswering503For20SecondsThen200LosesNothing() throws Exception {
    Set<String> received = ConcurrentHashMap.newKeySet();
    AtomicLong refusals = new AtomicLong();
    long healedAt = System.nanoTime() + Duration.ofSeconds(20).toNanos();
    try (CaptureServer receiver =
        CaptureServer.answering(
            request -> {
              if (System.nanoTime() - healedAt < 0) {
                refusals.incrementAndGet();
                return new CaptureServer.Reply(503, "{}");
              }
              received.addAll(spanIds(request.body()));
              return new CaptureServer.Reply(200, "{}");
            })) {
      OtlpHttpExporter exporter = new OtlpHttpExporter(receiver.uri("/v1/traces"));
      Tracer tracer = Tracer.create("outage", exporter);
      // 1000 spans a second, from before the outage until two seconds after it.
      List<String> finished = steadyLoad(tracer, Duration.ofSeconds(22), 10);
      tracer.flush();

      assertThat(refusals.get()).isPositive();
      Set<String> missing = new java.util.HashSet<>(finished);
      missing.removeAll(received);
      assertThat(missing).isEmpty();
      assertThat(received).hasSize(finished.size());
      assertThat(exporter.droppedSpans()).isZero();
      assertThat(tracer.droppedSpans()).isZero();
      tracer.shutdown();
    }
  }

  @Test
  void aReceiverAnswering503ForEverCostsTheBufferAndNeverHoldsUpTheApplication() throws Exception {
    System.setProperty("tracing.flush-timeout-ms", "1000");
    try (CaptureServer receiver =
        CaptureServer.answering(request -> new CaptureServer.Reply(503, "{}"))) {
      OtlpHttpExporter exporter =
          new OtlpHttpExporter(
              receiver.uri("/v1/traces"),
              HttpExporterOptions.defaults()
                  .withBufferMb(1)
                  .withFlushTimeout(Duration.ofSeconds(1)));
      Tracer tracer = Tracer.create("dead-end", exporter);
      AtomicLong largestBuffer = new AtomicLong();
      Thread watcher = watch(exporter, largestBuffer);

      List<Thread> app = new ArrayList<>();
      long[] finishNanos = new long[4 * 3000];
      for (int t = 0; t < 4; t++) {
        int first = t * 3000;
        app.add(start(() -> bulkyLoad(tracer, finishNanos, first, 3000)));
      }
      for (Thread thread : app) {
        thread.join();
      }
      long start = System.nanoTime();
      tracer.shutdown();
      Duration shutdown = Duration.ofNanos(System.nanoTime() - start);
      watcher.interrupt();

      assertThat(largestBuffer.get()).isPositive().isLessThanOrEqualTo(1024 * 1024);
      // Preemption and GC on a shared machine may stall a few calls; none waits for the backend.
      java.util.Arrays.sort(finishNanos);
      assertThat(Duration.ofNanos(finishNanos[finishNanos.length * 99 / 100]))
          .isLessThan(Duration.ofMillis(5));
      assertThat(Duration.ofNanos(finishNanos[finishNanos.length - 1]))
          .isLessThan(Duration.ofSeconds(2));
      assertThat(shutdown).isLessThan(Duration.ofMillis(2500));
      assertThat(exporter.exportedSpans()).isZero();
      assertThat(exporter.droppedSpans()).isPositive();
      assertThat(tracer.droppedSpans() + exporter.droppedSpans()).isEqualTo(4 * 3000);
    } finally {
      System.clearProperty("tracing.flush-timeout-ms");
    }
  }

  // Every 10 ms a trace of perTick spans; returns the span ids finished.
  private static List<String> steadyLoad(Tracer tracer, Duration length, int perTick)
      throws InterruptedException {
    List<String> finished = new ArrayList<>();
    long end = System.nanoTime() + length.toNanos();
    long next = System.nanoTime();
    while (next - end < 0) {
      Span root = tracer.startSpan("tick");
      for (int i = 1; i < perTick; i++) {
        Span child = tracer.startSpan("work-" + i, SpanKind.INTERNAL, root.context(), null);
        child.finish();
        finished.add(child.spanId());
      }
      root.finish();
      finished.add(root.spanId());
      next += 10_000_000L;
      long pause = next - System.nanoTime();
      if (pause > 0) {
        Thread.sleep(pause / 1_000_000L, (int) (pause % 1_000_000L));
      }
    }
    return finished;
  }

  // Spans with 2 KiB of incompressible text each, so that a megabyte fills fast.
  private static void bulkyLoad(Tracer tracer, long[] finishNanos, int first, int spans) {
    for (int i = 0; i < spans; i++) {
      String text = randomText(2048);
      long start = System.nanoTime();
      Span span = tracer.startSpan("bulky-" + i);
      span.setAttribute("payload", text);
      span.finish();
      finishNanos[first + i] = System.nanoTime() - start;
    }
  }

  private static String randomText(int length) {
    StringBuilder text = new StringBuilder(length);
    ThreadLocalRandom random = ThreadLocalRandom.current();
    for (int i = 0; i < length; i++) {
      text.append((char) ('!' + random.nextInt(90)));
    }
    return text.toString();
  }

  private static Thread watch(OtlpHttpExporter exporter, AtomicLong largest) {
    return start(
        () -> {
          while (!Thread.currentThread().isInterrupted()) {
            largest.accumulateAndGet(exporter.bufferedBytes(), Math::max);
            try {
              Thread.sleep(2);
            } catch (InterruptedException e) {
              return;
            }
          }
        });
  }

  private static Thread start(Runnable body) {
    Thread thread = new Thread(body);
    thread.setDaemon(true);
    thread.start();
    return thread;
  }

  static List<String> spanIds(byte[] otlpJson) {
    List<String> ids = new ArrayList<>();
    try {
      for (JsonNode resource : JsonSupport.MAPPER.readTree(otlpJson).path("resourceSpans")) {
        for (JsonNode scope : resource.path("scopeSpans")) {
          scope.path("spans").forEach(span -> ids.add(span.get("spanId").asText()));
        }
      }
    } catch (IOException e) {
      throw new AssertionError(e);
    }
    return ids;
  }
}
