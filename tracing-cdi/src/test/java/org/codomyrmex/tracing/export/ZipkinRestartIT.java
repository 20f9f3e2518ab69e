package org.codomyrmex.tracing.export;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.codomyrmex.tracing.Span;
import org.codomyrmex.tracing.SpanKind;
import org.codomyrmex.tracing.Tracer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * A real Zipkin server killed under a steady thousand spans a second and started again on the same
 * port: every span finished while it was down reaches the new one, none is dropped.
 */
@Timeout(400)
class ZipkinRestartIT {
  private static final String SERVICE = "restart";

  /** A span id and when it was finished. */
  private record Finished(String spanId, long atNanos) {}

  @Test
  void everySpanFinishedWhileZipkinWasDownArrivesAfterItsRestart() throws Exception {
    int port = CaptureServer.freePort();
    ZipkinServer zipkin = ZipkinServer.start(port);
    Load load = null;
    try {
      ZipkinExporter exporter = new ZipkinExporter(zipkin.spansEndpoint());
      Tracer tracer = Tracer.create(SERVICE, exporter);
      load = new Load(tracer);
      Thread.sleep(3000);
      zipkin.kill();
      long downAt = System.nanoTime();
      Thread.sleep(5000);
      zipkin = ZipkinServer.start(port); // the same port; returns once healthy
      long upAt = System.nanoTime();
      Thread.sleep(2000);
      List<Finished> finished = load.stop();
      tracer.flush();

      List<String> whileDown = new ArrayList<>();
      for (Finished span : finished) {
        if (span.atNanos() - downAt >= 0 && span.atNanos() - upAt <= 0) {
          whileDown.add(span.spanId());
        }
      }
      assertThat(whileDown.size()).isGreaterThan(4000); // at least five seconds of spans
      Set<String> missing = new HashSet<>(whileDown);
      missing.removeAll(awaitStored(zipkin, whileDown));
      assertThat(missing).isEmpty();
      assertThat(exporter.droppedSpans()).isZero();
      assertThat(tracer.droppedSpans()).isZero();
      tracer.shutdown();
    } finally {
      if (load != null) {
        load.stop();
      }
      zipkin.close();
    }
  }

  private static Set<String> awaitStored(ZipkinServer zipkin, List<String> expected)
      throws Exception {
    long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
    Set<String> stored = zipkin.spanIds(SERVICE);
    while (!stored.containsAll(expected) && System.nanoTime() - deadline < 0) {
      Thread.sleep(500);
      stored = zipkin.spanIds(SERVICE);
    }
    return stored;
  }

  /** A thread finishing a trace of ten spans every ten milliseconds. */
  private static final class Load {
    private final Tracer tracer;
    private final List<Finished> finished = new ArrayList<>();
    private final Thread thread;
    private volatile boolean running = true;

    Load(Tracer tracer) {
      this.tracer = tracer;
      this.thread = new Thread(this::run, "steady-load");
      thread.setDaemon(true);
      thread.start();
    }

    private void run() {
      long next = System.nanoTime();
      while (running) {
        Span root = tracer.startSpan("request");
        for (int i = 1; i < 10; i++) {
          Span child = tracer.startSpan("step-" + i, SpanKind.INTERNAL, root.context(), null);
          child.finish();
          record(child);
        }
        root.finish();
        record(root);
        next += 10_000_000L;
        long pause = next - System.nanoTime();
        if (pause > 0) {
          try {
            Thread.sleep(pause / 1_000_000L, (int) (pause % 1_000_000L));
          } catch (InterruptedException e) {
            return;
          }
        }
      }
    }

    private synchronized void record(Span span) {
      finished.add(new Finished(span.spanId(), System.nanoTime()));
    }

    List<Finished> stop() throws InterruptedException {
      running = false;
      thread.join(5000);
      synchronized (this) {
        return List.copyOf(finished);
      }
    }
  }
}
