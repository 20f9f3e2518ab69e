package org.codomyrmex.tracing.bench.export;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.codomyrmex.tracing.Span;
import org.codomyrmex.tracing.SpanKind;
import org.codomyrmex.tracing.SpanStatus;
import org.codomyrmex.tracing.Tracer;
import org.codomyrmex.tracing.export.JsonLinesExporter;
import org.codomyrmex.tracing.export.ZipkinExporter;
import org.openjdk.jmh.annotations.AuxCounters;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Spans per second each real-backend exporter sustains, one batch at a time as the tracer's export
 * thread hands them over, with batch size 10 (the default), 100 and 500. The score is batches/s;
 * the secondary result {@code :spans} is spans/s.
 *
 * <p>{@code jsonl}: {@link JsonLinesExporter} appending to a file (every batch forced to disk).
 * {@code zipkin}: {@link ZipkinExporter} posting to a running Zipkin server, by default {@code
 * http://127.0.0.1:9411/api/v2/spans} (see the README for starting one on loopback):
 *
 * <pre>{@code
 * java -jar benchmarks/target/benchmarks.jar ExporterThroughputBenchmark \
 *     -p zipkinEndpoint=http://127.0.0.1:9411/api/v2/spans -p jsonlDir=/tmp
 * }</pre>
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(1)
@Threads(1)
@Warmup(iterations = 2, time = 3)
@Measurement(iterations = 3, time = 5)
public class ExporterThroughputBenchmark {
  /** Finished spans shaped like a server request: attributes, an event, a status. */
  @State(Scope.Benchmark)
  public static class Spans {
    @Param({"10", "100", "500"})
    public int batchSize;

    List<Span> batch;

    @Setup(Level.Trial)
    public void record() {
      List<Span> spans = Collections.synchronizedList(new ArrayList<>());
      Tracer tracer = Tracer.create("bench-export", spans::addAll);
      for (int i = 0; i < batchSize; i++) {
        Span span = tracer.startSpan("GET /api/orders/{id}", SpanKind.SERVER, null, Map.of());
        span.setAttribute("http.request.method", "GET");
        span.setAttribute("url.path", "/api/orders/" + i);
        span.setAttribute("http.route", "/api/orders/{id}");
        span.setAttribute("http.response.status_code", 200L);
        span.addEvent("cache.miss", Map.of("key", "order-" + i));
        span.setStatus(SpanStatus.OK);
        span.finish();
      }
      tracer.shutdown();
      batch = List.copyOf(spans);
    }
  }

  /** A JSON-lines file in {@code jsonlDir}, deleted afterwards. */
  @State(Scope.Benchmark)
  public static class JsonlBackend {
    @Param({"target"})
    public String jsonlDir;

    JsonLinesExporter exporter;
    private Path file;

    @Setup(Level.Trial)
    public void open() throws IOException {
      file = Files.createTempFile(Files.createDirectories(Path.of(jsonlDir)), "bench-", ".jsonl");
      exporter = new JsonLinesExporter(file);
    }

    @TearDown(Level.Trial)
    public void close() throws IOException {
      exporter.shutdown();
      System.out.printf(
          "%njsonl: %d spans written, %d dropped, %d bytes%n",
          exporter.exportedSpans(), exporter.droppedSpans(), Files.size(file));
      Files.deleteIfExists(file);
    }
  }

  /** A Zipkin server that is already running at {@code zipkinEndpoint}. */
  @State(Scope.Benchmark)
  public static class ZipkinBackend {
    @Param({"http://127.0.0.1:9411/api/v2/spans"})
    public String zipkinEndpoint;

    ZipkinExporter exporter;

    @Setup(Level.Trial)
    public void open() {
      exporter = new ZipkinExporter(URI.create(zipkinEndpoint));
    }

    @TearDown(Level.Trial)
    public void close() {
      System.out.printf(
          "%nzipkin: %d spans accepted, %d dropped%n",
          exporter.exportedSpans(), exporter.droppedSpans());
      if (exporter.droppedSpans() > 0) {
        throw new IllegalStateException("Zipkin refused spans: is it running at " + zipkinEndpoint);
      }
    }
  }

  /** Counts the spans handed over; JMH reports them per second ({@code :spans}). */
  @State(Scope.Thread)
  @AuxCounters(AuxCounters.Type.OPERATIONS)
  public static class Exported {
    public long spans;

    @Setup(Level.Iteration)
    public void reset() {
      spans = 0;
    }
  }

  /** One batch to the JSON-lines file. */
  @Benchmark
  public void jsonl(Spans spans, JsonlBackend file, Exported exported) {
    file.exporter.export(spans.batch);
    exported.spans += spans.batch.size();
  }

  /** One batch to Zipkin. */
  @Benchmark
  public void zipkin(Spans spans, ZipkinBackend zipkin, Exported exported) {
    zipkin.exporter.export(spans.batch);
    exported.spans += spans.batch.size();
  }
}
