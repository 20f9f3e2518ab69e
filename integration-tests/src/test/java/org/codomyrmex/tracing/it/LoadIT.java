package org.codomyrmex.tracing.it;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.ws.rs.SeBootstrap;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.codomyrmex.tracing.Tracer;
import org.codomyrmex.tracing.Tracers;
import org.junit.jupiter.api.Test;

/**
 * A bounded load on loopback: 16 concurrent callers. With a large enough queue no span is lost;
 * with a tiny queue and a slow exporter spans are dropped, and the counts say so exactly.
 */
class LoadIT {
  private static final int CONCURRENCY = 16;

  @Test
  void noSpanIsLostWhenTheQueueIsLargeEnough() throws Exception {
    int requests = 20_000;
    CountingExporter exporter = new CountingExporter(0);
    Tracer tracer = tracer("load-large", exporter, 32_768);
    LoadApp app = new LoadApp("load-large");
    assertThat(run(app, requests)).isEqualTo(requests);
    tracer.flush();
    assertThat(tracer.droppedSpans()).isZero();
    assertThat(app.responsesWritten()).isBetween((long) requests, (long) requests + CONCURRENCY);
    assertThat(exporter.exported.get()).isEqualTo(app.responsesWritten());
    assertThat(tracer.exportedSpans()).isEqualTo(app.responsesWritten());
  }

  @Test
  void dropsAreReportedHonestlyWhenTheQueueIsTooSmall() throws Exception {
    int requests = 5_000;
    CountingExporter exporter = new CountingExporter(TimeUnit.MILLISECONDS.toNanos(20));
    Tracer tracer = tracer("load-small", exporter, 16);
    LoadApp app = new LoadApp("load-small");
    assertThat(run(app, requests)).isEqualTo(requests);
    tracer.flush();
    assertThat(tracer.droppedSpans()).isPositive();
    assertThat(exporter.exported.get()).isEqualTo(tracer.exportedSpans());
    assertThat(tracer.exportedSpans() + tracer.droppedSpans()).isEqualTo(app.responsesWritten());
  }

  // Tracers read their settings when created: create this one with the capacity under test.
  private static Tracer tracer(String name, CountingExporter exporter, int capacity) {
    String previous = System.getProperty("tracing.queue-capacity");
    System.setProperty("tracing.queue-capacity", Integer.toString(capacity));
    try {
      return Tracers.get(name, exporter);
    } finally {
      restore("tracing.queue-capacity", previous);
    }
  }

  static void restore(String key, String previous) {
    if (previous == null) {
      System.clearProperty(key);
    } else {
      System.setProperty(key, previous);
    }
  }

  /** Serves /load/ping from {@code app} and returns how many calls got a trace id. */
  private static int run(LoadApp app, int requests) throws Exception {
    int port = Services.freePort();
    SeBootstrap.Instance server = Services.start(app, port, Services.plainServer());
    ExecutorService callers = Executors.newFixedThreadPool(CONCURRENCY);
    try {
      URI ping = URI.create("http://127.0.0.1:" + port + "/load/ping");
      AtomicInteger traced = new AtomicInteger();
      List<Future<?>> futures = new ArrayList<>();
      for (int c = 0; c < CONCURRENCY; c++) {
        int share = requests / CONCURRENCY + (c < requests % CONCURRENCY ? 1 : 0);
        futures.add(callers.submit(() -> call(ping, share, traced)));
      }
      for (Future<?> future : futures) {
        future.get(120, TimeUnit.SECONDS);
      }
      return traced.get();
    } finally {
      callers.shutdownNow();
      Services.stop(server);
    }
  }

  private static void call(URI ping, int times, AtomicInteger traced) {
    for (int i = 0; i < times; i++) {
      var response = Http.get(ping);
      if (response.statusCode() == 200 && response.headers().firstValue("X-Trace-Id").isPresent()) {
        traced.incrementAndGet();
      }
    }
  }
}
